/**
 * Main-side IPC. Handlers are typed from the contract's `Channels` map, so a misspelt or
 * unknown channel, or a handler with the wrong argument or result types, does not compile.
 * At run time every call is checked twice before the handler runs: the sending frame must be a
 * main frame of the app's own origin, and the arguments must parse with the channel's schema.
 */
import { ipcMain } from 'electron';
import { CHANNELS, type Channel, type ChannelArgs, type ChannelResult } from '../src-shared/ipc/contract';
import { parseChannelArgs } from '../src-shared/ipc/schemas';
import type { CredentialStore } from './credentials';
import type { Files } from './files';
import { isTrustedSenderFrame } from './trusted-url';

export type Handler<C extends Channel> = (...args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export function handle<C extends Channel>(channel: C, fn: Handler<C>, appOrigin: string): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSenderFrame(event.senderFrame, appOrigin)) {
      throw new Error(`${channel} refused: the sender is not a Galley page`);
    }
    const parsed = parseChannelArgs(channel, args);
    if (!parsed.ok) throw new Error(parsed.reason);
    return fn(...parsed.args);
  });
}

export function registerIpcHandlers(handlers: Handlers, appOrigin: string): void {
  const register = <C extends Channel>(channel: C) => handle(channel, handlers[channel], appOrigin);
  CHANNELS.forEach(register);
}

export function ipcHandlers(files: Files, credentials: CredentialStore): Handlers {
  return {
    'seeds.list': () => files.listSeeds(),
    'files.open': () => files.openFiles(),
    'files.save': (request) => files.saveFiles(request),
    'credentials.load': (server) => credentials.load(server),
    'credentials.save': (server, given) => credentials.save(server, given),
    'credentials.forget': (server) => credentials.forget(server),
  };
}

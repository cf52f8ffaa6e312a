/**
 * The IPC surface in one reviewed snapshot: every channel of the contract, whether the main
 * process wiring registers a handler for it, and which `window.galley` method invokes it. Adding,
 * removing or renaming a channel changes the snapshot, so the change shows up in review.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { CHANNELS, type GalleyApi, type SaveRequest } from '../../src-shared/ipc/contract';
import type { MenuItemConstructorOptions } from 'electron';
import { FakeBrowserWindow, fakeApp, fakeIpcRenderer, recorded } from './electron-mock';

const server = 'https://couch.example.org/sckjb';
const saveRequest: SaveRequest = { suggestedName: 'x', files: [{ name: 'a.txt', data: new Uint8Array() }] };

/** Calls each invoking method once and records the channel it used. */
async function channelsByMethod(api: GalleyApi): Promise<Map<string, string>> {
  const calls: [keyof GalleyApi, () => Promise<unknown>][] = [
    ['listSeeds', () => api.listSeeds()],
    ['openFiles', () => api.openFiles()],
    ['saveFiles', () => api.saveFiles(saveRequest)],
    ['loadCredentials', () => api.loadCredentials(server)],
    ['saveCredentials', () => api.saveCredentials(server, { username: '甲', password: 'x' })],
    ['forgetCredentials', () => api.forgetCredentials(server)],
  ];
  const byChannel = new Map<string, string>();
  for (const [method, call] of calls) {
    recorded.rendererInvocations.length = 0;
    await call();
    expect(recorded.rendererInvocations, method).toHaveLength(1);
    byChannel.set(recorded.rendererInvocations[0].channel, method);
  }
  return byChannel;
}

let api: GalleyApi;
beforeAll(async () => {
  fakeApp.isPackaged = false;
  await import('../../src-main/index');
  recorded.ready.resolve();
  await vi.waitFor(() => expect(recorded.menuTemplate).toBeDefined());
  await import('../../src-main/preload');
  api = recorded.exposed.get('galley') as GalleyApi;
});

describe('IPC surface', () => {
  it('should match the reviewed list of channels, handlers and preload methods', async () => {
    const methods = await channelsByMethod(api);
    const channels = [...new Set([...CHANNELS, ...recorded.ipcHandlers.keys(), ...methods.keys()])].sort();
    const lines = channels.map((channel) =>
      [
        channel.padEnd(12),
        CHANNELS.includes(channel as never) ? 'contract' : '-',
        recorded.ipcHandlers.has(channel) ? 'main handler' : '-',
        `preload ${methods.get(channel) ?? '-'}`,
      ].join('  '),
    );
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('should match the reviewed list of host → renderer events', () => {
    const [window] = FakeBrowserWindow.created;
    FakeBrowserWindow.getFocusedWindow.mockReturnValue(window);
    const importItem = (recorded.menuTemplate as MenuItemConstructorOptions[])
      .flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
      .find((item) => item.id === 'file.import');
    (importItem?.click as () => void)();
    const sentByMain = window.webContents.send.mock.calls.map(([event]) => event as string);

    const unsubscribe = api.onMenuCommand(() => undefined);
    const heardByPreload = fakeIpcRenderer.eventNames().map(String);
    unsubscribe();

    const events = [...new Set([...sentByMain, ...heardByPreload])].sort();
    const lines = events.map((event) =>
      [
        event,
        sentByMain.includes(event) ? 'main sends' : '-',
        heardByPreload.includes(event) ? 'preload listens' : '-',
      ].join('  '),
    );
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('should register a main handler for exactly the contract channels', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('should have the preload invoke exactly the contract channels', async () => {
    expect([...(await channelsByMethod(api)).keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('should expose exactly one object, window.galley, holding no raw ipcRenderer', () => {
    expect([...recorded.exposed.keys()]).toEqual(['galley']);
    expect(Object.keys(api).sort()).toEqual([
      'forgetCredentials',
      'host',
      'listSeeds',
      'loadCredentials',
      'onMenuCommand',
      'openFiles',
      'saveCredentials',
      'saveFiles',
    ]);
    expect(api.host).toBe('electron');
    expect(Object.values(api)).not.toContain(fakeIpcRenderer);
  });

  it('should hand menu listeners the command only, and stop after unsubscribing', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    fakeIpcRenderer.emit('menu.command', { sender: 'the IPC event' }, 'undo');
    expect(listener).toHaveBeenCalledWith('undo');
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    fakeIpcRenderer.emit('menu.command', {}, 'redo');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

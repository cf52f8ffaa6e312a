/**
 * The renderer's only door to the host: one object, `window.galley`, typed by the contract.
 * Raw `ipcRenderer` never crosses the bridge, and menu listeners receive the command alone, not
 * the IPC event (which would hand the page `sender`). Sandboxed preloads can require nothing but
 * `electron`, so this file imports types only from the shared contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, ChannelArgs, ChannelResult, Events, GalleyApi, MenuCommand } from '../src-shared/ipc/contract';

function invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  return ipcRenderer.invoke(channel, ...args);
}

const MENU_EVENT: keyof Events = 'menu.command';

const galley = {
  host: 'electron',
  listSeeds: () => invoke('seeds.list'),
  openFiles: () => invoke('files.open'),
  saveFiles: (request) => invoke('files.save', request),
  loadCredentials: (server) => invoke('credentials.load', server),
  saveCredentials: (server, credentials) => invoke('credentials.save', server, credentials),
  forgetCredentials: (server) => invoke('credentials.forget', server),
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, forward);
    };
  },
} satisfies GalleyApi;

contextBridge.exposeInMainWorld('galley', galley);

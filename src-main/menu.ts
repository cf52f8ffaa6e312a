/**
 * The application menu. Commands that act on the document (import, export, undo/redo, find, the
 * shortcuts sheet) are not handled here: they go to the renderer as `menu.command` events, since
 * the renderer owns the document and its own undo history. Clipboard items keep their native roles
 * so text fields behave normally.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Events, MenuCommand } from '../src-shared/ipc/contract';

type SendCommand = (command: MenuCommand) => void;

interface MenuPlatform {
  isMac: boolean;
  /** Development builds add reload and developer tools. */
  isDev: boolean;
}

function command(
  id: string,
  label: string,
  name: MenuCommand,
  send: SendCommand,
  accelerator?: string,
): MenuItemConstructorOptions {
  return { id, label, accelerator, click: () => send(name) };
}

export function menuTemplate(send: SendCommand, { isMac, isDev }: MenuPlatform): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('file.import', 'Import…', 'import', send, 'CmdOrCtrl+O'),
      { type: 'separator' },
      command('file.export-page', 'Export page…', 'export-page', send, 'CmdOrCtrl+E'),
      command('file.export-approved', 'Export approved…', 'export-approved', send, 'CmdOrCtrl+Shift+E'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('edit.undo', 'Undo', 'undo', send, 'CmdOrCtrl+Z'),
      command('edit.redo', 'Redo', 'redo', send, isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('edit.find', 'Find', 'find', send, 'CmdOrCtrl+F'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('help.shortcuts', 'Keyboard shortcuts', 'shortcuts', send, 'CmdOrCtrl+/')],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, help];
}

const MENU_EVENT: keyof Events = 'menu.command';

/** Installs the menu; commands go to whichever window has focus (none: dropped). */
export function installMenu(focusedContents: () => Electron.WebContents | undefined, platform: MenuPlatform): void {
  const send: SendCommand = (name) => focusedContents()?.send(MENU_EVENT, name);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(send, platform)));
}

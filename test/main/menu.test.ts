import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { installMenu, menuTemplate } from '../../src-main/menu';
import { FakeWebContents, recorded } from './electron-mock';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

describe('menuTemplate', () => {
  it.each([
    ['file.import', 'Import…', 'import'],
    ['file.export-page', 'Export page…', 'export-page'],
    ['file.export-approved', 'Export approved…', 'export-approved'],
    ['edit.undo', 'Undo', 'undo'],
    ['edit.redo', 'Redo', 'redo'],
    ['edit.find', 'Find', 'find'],
    ['help.shortcuts', 'Keyboard shortcuts', 'shortcuts'],
  ])('should send %s (%s) to the renderer as %s', (id, label, command) => {
    const send = vi.fn();
    const item = byId(menuTemplate(send, { isMac: false, isDev: false }), id);
    expect(item.label).toBe(label);
    (item.click as () => void)();
    expect(send).toHaveBeenCalledWith(command);
  });

  it('should not use the native undo role, since the renderer keeps its own history', () => {
    const roles = items(menuTemplate(vi.fn(), { isMac: true, isDev: true })).map((item) => item.role);
    expect(roles).not.toContain('undo');
    expect(roles).not.toContain('redo');
    expect(roles).toContain('copy');
  });

  it('should offer developer tools only in development', () => {
    const roles = (isDev: boolean) => items(menuTemplate(vi.fn(), { isMac: false, isDev })).map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});

describe('installMenu', () => {
  it('should deliver commands as menu.command events to the focused contents', () => {
    const contents = new FakeWebContents();
    installMenu(() => contents as never, { isMac: false, isDev: false });
    const template = recorded.menuTemplate as MenuItemConstructorOptions[];
    (byId(template, 'file.import').click as () => void)();
    expect(contents.send).toHaveBeenCalledWith('menu.command', 'import');
  });

  it('should drop a command when no window is open', () => {
    installMenu(() => undefined, { isMac: false, isDev: false });
    const template = recorded.menuTemplate as MenuItemConstructorOptions[];
    expect(() => (byId(template, 'edit.undo').click as () => void)()).not.toThrow();
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { createMainWindow, mainWindowOptions, windowStateSaved } from '../../src-main/window';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../src-main/window-state';
import { FakeBrowserWindow, resetElectronMock } from './electron-mock';

describe('mainWindowOptions', () => {
  const { webPreferences } = mainWindowOptions('/app/out/preload/preload.cjs', DEFAULT_WINDOW_STATE);

  it('should isolate and sandbox the renderer without Node', () => {
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('should keep web security on and the risky features off', () => {
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('should apply the restored bounds', () => {
    const options = mainWindowOptions('/p.cjs', { x: 5, y: 6, width: 1000, height: 700, maximized: true });
    expect(options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, show: false });
    expect(options).not.toHaveProperty('maximized');
  });
});

describe('restoreWindowState', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('should restore a saved state that is on screen', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, screen)).toEqual(saved);
  });

  it('should drop a position that is on no display any more', () => {
    const saved = { x: 3000, y: 50, width: 1200, height: 800, maximized: false };
    expect(restoreWindowState(saved, screen)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'big'],
    ['a tiny window', { x: 0, y: 0, width: 10, height: 10, maximized: false }],
    ['fractional sizes', { x: 0, y: 0, width: 800.5, height: 600, maximized: false }],
    ['a missing field', { x: 0, y: 0, width: 800, maximized: false }],
  ])('should fall back to the default for %s', (_label, saved) => {
    expect(restoreWindowState(saved, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('createMainWindow', () => {
  let dir: string;
  beforeEach(async () => {
    resetElectronMock();
    dir = await mkdtemp(path.join(tmpdir(), 'galley-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('should create the window with the secure options and remember the bounds on close', async () => {
    const stateFile = path.join(dir, 'window-state.json');
    await writeFile(stateFile, JSON.stringify({ x: 40, y: 30, width: 1000, height: 640, maximized: true }));

    const window = (await createMainWindow({
      preloadPath: '/p.cjs',
      stateFile,
    })) as unknown as FakeBrowserWindow;

    expect(FakeBrowserWindow.created).toEqual([window]);
    expect(window.options).toEqual(
      mainWindowOptions('/p.cjs', { x: 40, y: 30, width: 1000, height: 640, maximized: true }),
    );
    expect(window.maximize).toHaveBeenCalled();

    window.emit('close');
    await windowStateSaved();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});

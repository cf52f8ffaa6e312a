/**
 * The main window. Its web preferences are the Electron security checklist: the renderer gets no
 * Node, runs sandboxed in an isolated world, and reaches the host only through the preload's one
 * object. Size and position persist between runs (window-state.ts).
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';

export function mainWindowOptions(preloadPath: string, state: WindowState): BrowserWindowConstructorOptions {
  const { maximized: _maximized, ...bounds } = state;
  return {
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Galley',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    },
  };
}

let lastStateSave: Promise<void> = Promise.resolve();

/** Resolves once the state of the last closed window is on disk; quit waits for it. */
export function windowStateSaved(): Promise<void> {
  return lastStateSave;
}

export interface MainWindowSetup {
  preloadPath: string;
  stateFile: string;
}

/** Creates the window at its remembered place; the caller loads the page once it holds the window. */
export async function createMainWindow({ preloadPath, stateFile }: MainWindowSetup): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = await loadWindowState(stateFile, workAreas);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, state));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    lastStateSave = saveWindowState(stateFile, window.getNormalBounds(), window.isMaximized()).catch((error) =>
      console.warn(`Galley: window state not saved to ${stateFile}:`, error),
    );
  });
  return window;
}

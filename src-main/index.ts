/**
 * Wiring only: each concern lives in its own module. `./security` is imported first so its
 * hooks are installed before anything can create web contents.
 */
import { renderer } from './security';
import '../src-shared/zod-config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { appPaths, userDataOverride } from './app-paths';
import { createCredentialStore } from './credentials';
import { CONTENT_SECURITY_POLICY } from './csp';
import { createFiles } from './files';
import { ipcHandlers, registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, windowStateSaved } from './window';

const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)), app.isPackaged, process.resourcesPath);
const isMac = process.platform === 'darwin';
let mainWindow: BrowserWindow | undefined;

function requireMainWindow(): BrowserWindow {
  if (!mainWindow) throw new Error('Galley has no open window to attach a dialog to');
  return mainWindow;
}

async function openMainWindow(): Promise<void> {
  const window = await createMainWindow({
    preloadPath: paths.preload,
    stateFile: path.join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  await window.loadURL(renderer.entryUrl);
}

registerAppScheme();
const userData = userDataOverride(app.isPackaged, process.env);
if (userData) app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app
    .whenReady()
    .then(async () => {
      if (renderer.mode === 'production') serveRenderer(paths.renderer, CONTENT_SECURITY_POLICY);
      const files = createFiles({ dialogs: dialog, window: requireMainWindow, seedsDir: paths.seeds });
      const credentials = createCredentialStore(path.join(app.getPath('userData'), 'team-credentials.json'));
      registerIpcHandlers(ipcHandlers(files, credentials), renderer.origin);
      installMenu(() => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents, {
        isMac,
        isDev: !app.isPackaged,
      });
      await openMainWindow();
    })
    .catch((error: unknown) => {
      // Without a window there is nothing to show the error in; say why before leaving.
      dialog.showErrorBox('Galley could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });

  app.on('window-all-closed', () => {
    void windowStateSaved().then(() => {
      if (!isMac) app.quit();
    });
  });
}

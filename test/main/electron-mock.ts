/**
 * A stand-in for the `electron` module, recording what the main process asks of it. Each test
 * file mocks electron with `vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule()))`
 * and inspects `recorded` from this module (the same instance the mock hands out).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
  static getAllWindows = () => FakeBrowserWindow.created;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly maximize = vi.fn();
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 900, height: 700 }));
  readonly isMaximized = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

/** A promise the test settles to play `app.whenReady()`. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

function createRecorded() {
  const ready = deferred();
  return {
    ready,
    ipcHandlers: new Map<string, Listener>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    devicePermissionHandler: undefined as Listener | undefined,
    headersReceived: undefined as Listener | undefined,
    menuTemplate: undefined as unknown[] | undefined,
    exposed: new Map<string, unknown>(),
    rendererInvocations: [] as { channel: string; args: unknown[] }[],
  };
}

export let recorded = createRecorded();

export const fakeApp = Object.assign(new EventEmitter(), {
  isPackaged: true,
  whenReady: () => recorded.ready.promise,
  getPath: vi.fn((_name: string) => '/nonexistent-user-data'),
  setPath: vi.fn(),
  enableSandbox: vi.fn(),
  quit: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
});

/**
 * `safeStorage` with a reversible stand-in for the keychain's cipher (each byte's bits flipped), so a
 * test can tell ciphertext from plain text; `backend` and `available` play the system's keyring.
 */
export const fakeSafeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => fakeSafeStorage.available,
  getSelectedStorageBackend: () => fakeSafeStorage.backend,
  encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0xff)),
  decryptString: (cipher: Buffer) => Buffer.from(cipher.map((byte) => byte ^ 0xff)).toString('utf8'),
};

export const fakeIpcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
    recorded.rendererInvocations.push({ channel, args });
    return undefined;
  }),
});

/** Fresh recordings and listeners; call before each test. */
export function resetElectronMock(): void {
  recorded = createRecorded();
  fakeApp.removeAllListeners();
  fakeApp.isPackaged = true;
  fakeIpcRenderer.removeAllListeners();
  FakeBrowserWindow.created = [];
  fakeSafeStorage.available = true;
  fakeSafeStorage.backend = 'gnome_libsecret';
}

export function electronModule() {
  return {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipcHandlers.set(channel, listener) },
    ipcRenderer: fakeIpcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (recorded.permissionCheckHandler = handler),
        setDevicePermissionHandler: (handler: Listener) => (recorded.devicePermissionHandler = handler),
        webRequest: { onHeadersReceived: (handler: Listener) => (recorded.headersReceived = handler) },
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => (recorded.menuTemplate = menu.template),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    safeStorage: fakeSafeStorage,
  };
}

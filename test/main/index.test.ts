import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';
import { FakeBrowserWindow, fakeApp, recorded } from './electron-mock';

let schemesBeforeReady: unknown[];
beforeAll(async () => {
  fakeApp.isPackaged = false;
  await import('../../src-main/index');
  schemesBeforeReady = [...recorded.privilegedSchemes];
  recorded.ready.resolve();
  await vi.waitFor(() => expect(FakeBrowserWindow.created[0]?.loadURL).toHaveBeenCalled());
});

describe('main process wiring without a dev server', () => {
  it('should register the app:// scheme before the app is ready', () => {
    expect(schemesBeforeReady).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });

  it('should serve the renderer from app:// with the CSP', async () => {
    const handler = recorded.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://galley/no-such-file.js'));
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('should open one window on app://galley with the bundled preload', () => {
    const [window] = FakeBrowserWindow.created;
    expect(window.loadURL).toHaveBeenCalledWith('app://galley/index.html');
    const preload = (window.options.webPreferences as { preload: string }).preload;
    expect(preload.endsWith(path.join('preload', 'preload.cjs'))).toBe(true);
  });

  it('should lock down the session once ready', () => {
    expect(recorded.permissionRequestHandler).toBeDefined();
    expect(recorded.headersReceived).toBeDefined();
  });
});

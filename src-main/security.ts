/**
 * App-wide lock-down, imported first by index.ts so it is in place before any window exists.
 * Every renderer sandboxed, whatever its own options say. Every web contents: no <webview>, no
 * navigation off the app's origin, no new windows.
 * The session: every permission request and check denied, and the CSP header on app pages.
 */
import { app, session as electronSession, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { rendererLocation } from './protocol';
import { isTrustedUrl } from './trusted-url';

/** Where this run's renderer lives; the only origin trusted for navigation and IPC. */
export const renderer = rendererLocation(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);

export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const refuseForeign = (event: Electron.Event, url: string) => {
    if (!isTrustedUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session, appOrigin: string, policy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isTrustedUrl(details.url, appOrigin)) return callback({});
    const others = Object.entries(details.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    );
    const responseHeaders = { ...Object.fromEntries(others), 'Content-Security-Policy': [policy] };
    callback({ responseHeaders });
  });
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer.origin));
app.whenReady().then(() => hardenSession(electronSession.defaultSession, renderer.origin, CONTENT_SECURITY_POLICY));

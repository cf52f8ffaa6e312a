import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';
import { renderer } from '../../src-main/security';
import { FakeWebContents, fakeApp, recorded } from './electron-mock';

function createdContents(): FakeWebContents {
  const contents = new FakeWebContents();
  fakeApp.emit('web-contents-created', {}, contents);
  return contents;
}

function dispatch(contents: FakeWebContents, eventName: string, ...args: unknown[]) {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, ...args);
  return event.preventDefault;
}

beforeAll(async () => {
  recorded.ready.resolve();
  await recorded.ready.promise;
});

describe('security for a packaged app', () => {
  it('should trust only the app:// origin', () => {
    expect(renderer).toEqual({ mode: 'production', origin: 'app://galley', entryUrl: 'app://galley/index.html' });
  });

  it('should sandbox every renderer app-wide', () => {
    expect(fakeApp.enableSandbox).toHaveBeenCalled();
  });

  it('should block <webview> in every web contents', () => {
    expect(dispatch(createdContents(), 'will-attach-webview', {}, {})).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-redirect'])('should cancel %s to a foreign URL', (eventName) => {
    const contents = createdContents();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://galley.evil.com/', 'javascript:alert(1)']) {
      expect(dispatch(contents, eventName, url), url).toHaveBeenCalled();
    }
  });

  it.each(['will-navigate', 'will-redirect'])("should let %s stay within the app's own origin", (eventName) => {
    expect(dispatch(createdContents(), eventName, 'app://galley/index.html')).not.toHaveBeenCalled();
  });

  it('should deny every window.open, even to the app itself', () => {
    const contents = createdContents();
    for (const url of ['https://example.com/', 'app://galley/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid'])(
    'should deny the %s permission request and check',
    (permission) => {
      const callback = vi.fn();
      recorded.permissionRequestHandler?.({} as never, permission as never, callback as never, {} as never);
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        recorded.permissionCheckHandler?.({} as never, permission as never, 'app://galley' as never, {} as never),
      ).toBe(false);
    },
  );

  it('should deny device access', () => {
    expect(recorded.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://galley' } as never)).toBe(false);
  });

  it('should put the CSP header on app responses, replacing any other', () => {
    const callback = vi.fn();
    recorded.headersReceived?.(
      {
        url: 'app://galley/index.html',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      } as never,
      callback as never,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('should leave responses from other origins untouched', () => {
    const callback = vi.fn();
    recorded.headersReceived?.({ url: 'https://example.com/', responseHeaders: {} } as never, callback as never);
    expect(callback).toHaveBeenCalledWith({});
  });
});

import { describe, expect, it } from 'vitest';
import { isTrustedSenderFrame, isTrustedUrl, PACKAGED_ORIGIN } from '../../src-main/trusted-url';

const DEV_ORIGIN = 'http://localhost:5173';

describe('isTrustedUrl', () => {
  it.each([
    ['app://galley/index.html', PACKAGED_ORIGIN],
    ['app://galley/', PACKAGED_ORIGIN],
    ['app://galley/assets/index.js?v=1#top', PACKAGED_ORIGIN],
    ['APP://GALLEY/index.html', PACKAGED_ORIGIN],
    ['http://localhost:5173/', DEV_ORIGIN],
    ['http://localhost:5173/src/main.tsx', DEV_ORIGIN],
  ])('should trust %s on %s', (url, origin) => {
    expect(isTrustedUrl(url, origin)).toBe(true);
  });

  it.each([
    ['https://example.com/', PACKAGED_ORIGIN],
    ['app://galley.evil.com/index.html', PACKAGED_ORIGIN],
    ['app://evil/index.html', PACKAGED_ORIGIN],
    ['app://galley:8080/index.html', PACKAGED_ORIGIN],
    ['app://user@galley/index.html', PACKAGED_ORIGIN],
    ['app://user:pass@galley/index.html', PACKAGED_ORIGIN],
    ['file:///etc/passwd', PACKAGED_ORIGIN],
    ['file://galley/index.html', PACKAGED_ORIGIN],
    ['javascript:alert(1)', PACKAGED_ORIGIN],
    ['data:text/html,<script>alert(1)</script>', PACKAGED_ORIGIN],
    ['about:blank', PACKAGED_ORIGIN],
    ['app:galley', PACKAGED_ORIGIN],
    ['https://app://galley/', PACKAGED_ORIGIN],
    ['http://localhost:5173/', PACKAGED_ORIGIN],
    ['http://localhost:5174/', DEV_ORIGIN],
    ['https://localhost:5173/', DEV_ORIGIN],
    ['http://localhost:5173.evil.com/', DEV_ORIGIN],
    ['http://127.0.0.1:5173/', DEV_ORIGIN],
    ['http://evil.com/?http://localhost:5173/', DEV_ORIGIN],
    ['app://galley/index.html', DEV_ORIGIN],
    ['', PACKAGED_ORIGIN],
    ['not a url', PACKAGED_ORIGIN],
  ])('should not trust %s on %s', (url, origin) => {
    expect(isTrustedUrl(url, origin)).toBe(false);
  });

  it.each([[undefined], [null], [42], [{ href: 'app://galley/' }], [new URL('app://galley/')], [['app://galley/']]])(
    'should not trust the non-string %o',
    (url) => {
      expect(isTrustedUrl(url, PACKAGED_ORIGIN)).toBe(false);
    },
  );

  it('should not trust anything when the app origin itself is malformed', () => {
    expect(isTrustedUrl('app://galley/', 'galley')).toBe(false);
  });
});

describe('isTrustedSenderFrame', () => {
  it('should accept a main frame of the app', () => {
    expect(isTrustedSenderFrame({ url: 'app://galley/index.html', parent: null }, PACKAGED_ORIGIN)).toBe(true);
  });

  it.each([
    ['a destroyed frame', null],
    ['a missing frame', undefined],
    ['a string', 'app://galley/index.html'],
    [
      'an iframe of the app',
      { url: 'app://galley/index.html', parent: { url: 'app://galley/index.html', parent: null } },
    ],
    ['a frame without parent information', { url: 'app://galley/index.html' }],
    ['a remote main frame', { url: 'https://example.com/', parent: null }],
    ['a file:// main frame', { url: 'file:///tmp/evil.html', parent: null }],
    ['a frame whose url is not a string', { url: { toString: (): string => 'app://galley/' }, parent: null }],
  ])('should refuse %s', (_label, frame) => {
    expect(isTrustedSenderFrame(frame, PACKAGED_ORIGIN)).toBe(false);
  });
});

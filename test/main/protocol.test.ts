import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule());

import {
  createAppRequestHandler,
  registerAppScheme,
  rendererLocation,
  resolveAppRequest,
} from '../../src-main/protocol';
import { recorded } from './electron-mock';

const RENDERER = path.resolve('/app/out/renderer');

describe('rendererLocation', () => {
  it('should serve a packaged app from app:// even when a dev server URL is set', () => {
    expect(rendererLocation(true, 'http://localhost:5173/')).toEqual({
      mode: 'production',
      origin: 'app://galley',
      entryUrl: 'app://galley/index.html',
    });
  });

  it('should serve an unpackaged build from app:// when no dev server runs', () => {
    expect(rendererLocation(false, undefined).origin).toBe('app://galley');
  });

  it('should use the dev server in development', () => {
    expect(rendererLocation(false, 'http://localhost:5173/')).toEqual({
      mode: 'development',
      origin: 'http://localhost:5173',
      entryUrl: 'http://localhost:5173/',
    });
  });
});

describe('registerAppScheme', () => {
  it('should register app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});

describe('resolveAppRequest', () => {
  it.each([
    ['app://galley/', 'index.html'],
    ['app://galley/index.html', 'index.html'],
    ['app://galley/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://galley/assets/%E4%BA%BA.txt', 'assets/人.txt'],
  ])('should map %s into the renderer folder', (url, file) => {
    expect(resolveAppRequest(url, RENDERER)).toBe(path.join(RENDERER, ...file.split('/')));
  });

  it.each(['app://galley/../../etc/passwd', 'app://galley/%2e%2e/%2e%2e/etc/passwd'])(
    'should keep the URL-normalized dot segments of %s inside the renderer folder',
    (url) => {
      expect(resolveAppRequest(url, RENDERER)).toBe(path.join(RENDERER, 'etc', 'passwd'));
    },
  );

  it.each([
    'app://galley/assets/..%2F..%2Fsecret',
    'app://galley/a%5C..%5C..%5Csecret',
    'app://galley/%00',
    'app://galley/%E4',
    'app://other/index.html',
    'file:///app/out/renderer/index.html',
    'https://galley/index.html',
    'not a url',
    42,
  ])('should refuse %s', (url) => {
    expect(resolveAppRequest(url, RENDERER)).toBeNull();
  });
});

describe('createAppRequestHandler', () => {
  let dir: string;
  const policy = "default-src 'self'";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'galley-protocol-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Galley</title>');
    await writeFile(path.join(dir, 'assets', 'index.js'), 'export {}');
    await writeFile(path.join(dir, 'assets', 'notes.unknown'), 'x');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('should serve index.html with the CSP, its type and nosniff', async () => {
    const response = await createAppRequestHandler(dir, policy)(new Request('app://galley/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(policy);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Galley</title>');
  });

  it('should serve scripts as JavaScript', async () => {
    const response = await createAppRequestHandler(dir, policy)(new Request('app://galley/assets/index.js'));
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['app://galley/missing.js', 'app://galley/assets/notes.unknown', 'app://galley/%2e%2e/secret.txt'])(
    'should answer 404 for %s',
    async (url) => {
      const response = await createAppRequestHandler(dir, policy)(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Security-Policy')).toBe(policy);
    },
  );

  it('should refuse anything but GET', async () => {
    const response = await createAppRequestHandler(
      dir,
      policy,
    )(new Request('app://galley/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

/**
 * The packaged renderer is served from `app://galley/…` rather than file://, so the page has a
 * real origin of its own: CSP `'self'` means just the app's files, IndexedDB is scoped to it, and
 * no other local file is reachable from it. In development the electron-vite dev server is used.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { resolveInside } from './path-guard';
import { APP_HOST, APP_SCHEME, PACKAGED_ORIGIN } from './trusted-url';

export interface RendererLocation {
  /** Production serves the built renderer over app://; development uses the dev server. */
  mode: 'production' | 'development';
  /** Scheme + host (+ port) every page of the app is on; the only trusted origin. */
  origin: string;
  /** What the window loads first. */
  entryUrl: string;
}

/** Packaged builds always use the app scheme: a stray environment variable can't redirect them. */
export function rendererLocation(isPackaged: boolean, devServerUrl: string | undefined): RendererLocation {
  if (!isPackaged && devServerUrl) {
    const dev = new URL(devServerUrl);
    return { mode: 'development', origin: `${dev.protocol}//${dev.host}`, entryUrl: dev.href };
  }
  return { mode: 'production', origin: PACKAGED_ORIGIN, entryUrl: `${PACKAGED_ORIGIN}/index.html` };
}

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at start-up. `standard`
 * gives the scheme real origins (and with them IndexedDB), `secure` a secure context, and
 * `codeCache` lets V8 cache the compiled bundle between starts as it does for http.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `rendererDir` that an `app://` URL names, or null for anything else. */
export function resolveAppRequest(url: unknown, rendererDir: string): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\//, '');
  return resolveInside(rendererDir, relative);
}

type ReadFile = (file: string) => Promise<Uint8Array>;

/** The protocol handler; every response carries the CSP and refuses MIME sniffing. */
export function createAppRequestHandler(rendererDir: string, csp: string, read: ReadFile = readFile) {
  return async (request: Request): Promise<Response> => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
    if (request.method !== 'GET') return new Response(null, { status: 405, headers });
    const file = resolveAppRequest(request.url, rendererDir);
    const contentType = file ? CONTENT_TYPES[path.extname(file).toLowerCase()] : undefined;
    if (!file || !contentType) return new Response(null, { status: 404, headers });
    try {
      const body = await read(file);
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentType },
      });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  };
}

export function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, csp));
}

import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../scripts/chromium-args';

/** What the browser benchmarks share: the built web app served by `vite preview`, and headless Chromium. */
export const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.GALLEY_CHROMIUM ?? '/usr/bin/chromium';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Serves dist-web on `port` unless BENCH_URL names a server already running; resolves to its stop. */
export async function serve(port: number): Promise<() => void> {
  if (process.env.BENCH_URL) return () => {};
  const server = spawn(
    'npx',
    ['vite', 'preview', '--config', 'vite.web.config.ts', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  await new Promise((resolve, reject) => {
    server.stdout!.on('data', (chunk) => {
      if (String(chunk).includes(String(port))) resolve(undefined);
    });
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  return stop;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Chromium with a profile on disk. A context of `launchChromium` is off the record: it keeps
 * IndexedDB in memory, under a quota that a library of 100,000 pages (and the floor's databases
 * beside it) exceeds.
 */
export function launchChromiumProfile(
  userDataDir: string,
  options: Pick<BrowserContextOptions, 'viewport' | 'acceptDownloads'>,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...options });
}

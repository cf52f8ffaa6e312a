/**
 * Opt-in Chromium traces of the benchmark's phases: with `BENCH_PROFILE=DIR`, each phase wrapped in
 * `profiled` writes `DIR/<name>.json` (a trace with the renderer's timeline and JS samples, which
 * DevTools' Performance panel opens). `npx tsx bench/trace-summary.ts FILE` says where the main
 * thread's time went. Tracing costs time itself, so figures of a profiled run are not comparable.
 */
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = process.env.BENCH_PROFILE;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** Runs `phase`, traced through the page's DevTools protocol when BENCH_PROFILE is set. */
export async function profiled<T>(page: Page, name: string, phase: () => Promise<T>): Promise<T> {
  if (!DIR) return phase();
  mkdirSync(DIR, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' });
  try {
    return await phase();
  } finally {
    const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
    await cdp.send('Tracing.end');
    const stream = await complete;
    const chunks: string[] = [];
    for (;;) {
      const { data, eof } = await cdp.send('IO.read', { handle: stream });
      chunks.push(data);
      if (eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    await cdp.detach();
    writeFileSync(join(DIR, `${name}.json`), chunks.join(''));
  }
}

/**
 * `npx tsx bench/library.bench.ts seed|measure`: the library's scroll and filters on a stored library,
 * for quick before/after comparisons of the list (minutes, where `npm run bench` takes ten or more).
 * `seed` imports the benchmark corpus (`BENCH_PAGES`, default 10,000) through the file picker into a
 * Chromium profile kept in the system temp folder and waits for the analysis; `measure` opens a copy
 * of that profile, so every run starts from the same stored library, and times `BENCH_RUNS` (default
 * 3) idle scrolls, the search and status filters and opening five pages as `npm run bench` does. Serve the build first
 * (`npx vite preview --config vite.web.config.ts --outDir DIR --port PORT`) and name it with
 * BENCH_URL. Only the idle figures: during the analysis the full benchmark is the measure.
 */
import type { Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromiumProfile } from './browser';
import { corpusFiles } from './corpus';
import { PIPELINE_VERSION } from '../src-shared/pipeline';
import { filterTimes } from './filters';
import { openPageTimes, openSamples } from './open-page';
import { reviewsAtVersion, scrollLibrary } from './in-page';
import { profiled } from './profile';
import { frameSummary, median } from './report';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const URL = process.env.BENCH_URL ?? 'http://localhost:4183/';
const PROFILE = join(tmpdir(), `galley-bench-library-${PAGES}-${new globalThis.URL(URL).port}`);
const MINUTES = 60_000;

async function open(userDataDir: string) {
  const context = await launchChromiumProfile(userDataDir, { viewport: { width: 1280, height: 800 } });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(URL);
  return { context, page };
}

/**
 * Until the library lists `count` pages and every page has its review: the analysis starts a moment
 * after the import ends, so no progress bar on screen does not yet mean it is done.
 */
async function settled(page: Page, count: number, timeout: number) {
  await page.waitForFunction(
    (count) => {
      const text = document.querySelector('[data-testid="page-count"]')?.textContent ?? '';
      return Number(/(\d+)\s*(?:页|pages?)\s*$/.exec(text)?.[1] ?? NaN) >= count;
    },
    count,
    { timeout, polling: 250 },
  );
  const deadline = Date.now() + timeout;
  for (;;) {
    const { at, all } = await page.evaluate(reviewsAtVersion, { db: 'galley', version: PIPELINE_VERSION });
    if (at === all && all >= count) break;
    if (Date.now() > deadline) throw new Error(`${at} of ${count} pages analysed after ${timeout} ms`);
    await page.waitForTimeout(1000);
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="analysis-progress"]'), undefined, {
    timeout,
  });
}

async function seed() {
  rmSync(PROFILE, { recursive: true, force: true });
  const { context, page } = await open(PROFILE);
  await settled(page, 1, MINUTES);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入页面|Import pages/ }).click();
  // Playwright's default 30 s is too short for the browser to take 100,000 paths.
  await (await chooser).setFiles(corpusFiles(PAGES, 42), { timeout: 60 * MINUTES });
  await settled(page, PAGES, 60 * MINUTES);
  await context.close();
  console.log(`seeded ${PROFILE}`);
}

async function measure() {
  if (!existsSync(PROFILE)) throw new Error(`no stored library: run "seed" first (${PROFILE})`);
  const copy = mkdtempSync(join(tmpdir(), 'galley-bench-library-run-'));
  cpSync(PROFILE, copy, { recursive: true });
  const { context, page } = await open(copy);
  try {
    await settled(page, PAGES, 5 * MINUTES);
    const p95s: number[] = [];
    const medians: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const scroll = async () => frameSummary(await page.evaluate(scrollLibrary, 600));
      const frames = await profiled(page, `library-scroll-${run}`, scroll);
      p95s.push(frames.p95Ms);
      medians.push(frames.medianMs);
      console.log(
        `scroll ${run + 1}: median ${frames.medianMs.toFixed(1)} ms, p95 ${frames.p95Ms.toFixed(1)} ms, ` +
          `${frames.frames} frames, load ${loadavg()[0].toFixed(1)}`,
      );
    }
    const { search, status } = await filterTimes(page, PAGES, 5);
    const opens = await profiled(page, 'open-page', () => openPageTimes(page, openSamples(PAGES)));
    const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
    console.log(
      `scroll p95 median of runs ${median(p95s).toFixed(1)} ms (${p95s.map((v) => v.toFixed(0)).join(' / ')}), ` +
        `frame median ${median(medians).toFixed(1)} ms`,
    );
    console.log(`search median ${median(search).toFixed(0)} ms, p95 ${p95(search).toFixed(0)} ms`);
    console.log(`status median ${median(status).toFixed(0)} ms, p95 ${p95(status).toFixed(0)} ms`);
    console.log(`open a page median ${median(opens).toFixed(0)} ms (${opens.map((v) => v.toFixed(0)).join(' / ')})`);
    console.log(
      `load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await context.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
(mode === 'seed' ? seed() : mode === 'measure' ? measure() : Promise.reject(new Error('seed or measure?'))).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

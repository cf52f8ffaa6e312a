/**
 * `npm run bench` (via scripts/bench.mjs, which builds the web app and serves it first).
 * Generates the corpus, drives Debian's Chromium through the real UI, prints a table and writes
 * bench/results.json and the figures block of docs/benchmarks.md.
 */
import type { Page } from '@playwright/test';
import { launchChromiumProfile } from './browser';
import { filterTimes } from './filters';
import { profiled } from './profile';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { corpusFiles } from './corpus';
import { PIPELINE_VERSION } from '../src-shared/pipeline';
import { libraryCount, recordInputLatencies, reviewsAtVersion, scrollLibrary, takeInputLatencies } from './in-page';
import { floorTimes } from './floor';
import { lintCorpusTiming } from './lint-corpus';
import { openPageTimes, openSamples } from './open-page';
import { frameSummary, median, renderMarkdown, renderTable, type Results } from './report';
import { IMPORT_BATCH_SIZE } from '../src-renderer/services/import';

const ROOT = join(import.meta.dirname, '..');
const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const URL = process.env.BENCH_URL ?? 'http://localhost:4183/';
const SEED_PAGES = readdirSync(join(ROOT, 'seeds')).filter((name) => name.endsWith('.txt'));
/** How many times the library is re-analysed as if by a newer build, for a median and a spread. */
const REANALYSES = Number(process.env.BENCH_REANALYSES ?? 3);
/** Floor runs before the import and again after it (each into a fresh database). */
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 3);
/** Filter changes timed for each kind (search, status select), for a median and a p95. */
const FILTER_SAMPLES = 5;
const MINUTES = 60_000;
/**
 * Handing the picked paths to the page is part of the import (the browser makes a File of each,
 * and the app starts reading them as it does): Playwright's default 30 s is too short for 100,000.
 */
const IMPORT_TIMEOUT = Math.max(30, PAGES / 1000) * MINUTES;
/** The analysis runs at about 100 pages/s on two cores; a loaded machine may take several times longer. */
const ANALYSIS_TIMEOUT = Math.max(60, PAGES / 1000) * MINUTES;

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function machine(browserVersion: string, loadDuringImport: number): Results['machine'] {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cores: cpus().length,
    cpu: model.trim(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    chromium: browserVersion,
    node: process.version,
    loadDuringImport,
  };
}

async function waitForIdleLibrary(page: Page, count: number, timeout: number) {
  await page.waitForFunction(
    ({ count }) => {
      const text = document.querySelector('[data-testid="page-count"]')?.textContent ?? '';
      const shown = Number(/(\d+)\s*(?:页|pages?)\s*$/.exec(text)?.[1] ?? NaN);
      return shown === count && !document.querySelector('[data-testid="import-progress"]');
    },
    { count },
    { timeout, polling: 50 },
  );
}

async function waitForAnalysis(page: Page, timeout: number) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="analysis-progress"]'), undefined, {
    timeout,
    polling: 250,
  });
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 ** 2;
}

/**
 * What a library goes through when the pipeline changes: the app is reloaded as a build with a newer
 * pipeline version (`?pipelineVersion=`, the address override the end-to-end tests use), and the
 * clock runs from the reload until every stored review carries that version. Each run bumps the
 * version again, so every run re-analyses the whole library.
 */
async function reanalysisTimes(page: Page): Promise<{ pages: number; times: number[] }> {
  const times: number[] = [];
  let pages = 0;
  for (let run = 1; run <= REANALYSES; run++) {
    const version = PIPELINE_VERSION + run;
    const started = Date.now();
    await page.goto(`${URL}?pipelineVersion=${version}`);
    for (;;) {
      const { at, all } = await page.evaluate(reviewsAtVersion, { db: 'galley', version });
      pages = all;
      if (at === all) break;
      await page.waitForTimeout(250);
    }
    times.push(Date.now() - started);
    log(`re-analysis ${run} of ${REANALYSES}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { pages, times };
}

/** Keys typed into the search box (then cleared) while the analysis writes: latency of each to the next frame. */
async function inputLatencies(page: Page): Promise<number[]> {
  const box = page.getByRole('searchbox');
  await page.evaluate(recordInputLatencies);
  for (let i = 0; i < 3; i++) {
    await box.pressSequentially('bench-0', { delay: 50 });
    for (let k = 0; k < 'bench-0'.length; k++) await box.press('Backspace', { delay: 50 });
  }
  return page.evaluate(takeInputLatencies);
}

async function main() {
  log(`corpus: ${PAGES} pages, seed ${SEED}`);
  const files = corpusFiles(PAGES, SEED);
  const corpusBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

  // A fresh profile on disk: an off-the-record context's IndexedDB quota is too small for 100,000 pages.
  const profile = mkdtempSync(join(tmpdir(), 'galley-bench-profile-'));
  const context = await launchChromiumProfile(profile, {
    viewport: { width: 1280, height: 800 },
    acceptDownloads: false,
  });
  // tsx compiles bench/in-page.ts with esbuild's keepNames, which wraps nested functions in
  // `__name(...)`; the page has no such helper, so give it an identity one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(URL);
  await waitForIdleLibrary(page, SEED_PAGES.length, MINUTES);
  await waitForAnalysis(page, MINUTES);
  const heapBefore = await heapMb(page);

  log(`floor before the import: ${FLOOR_RUNS} runs`);
  const floorBefore = await floorTimes(page, files, FLOOR_RUNS);

  log('import through the file picker');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /导入页面|Import pages/ }).click();
  const importStarted = Date.now();
  await (await chooser).setFiles(files, { timeout: IMPORT_TIMEOUT });
  log(`the file picker took ${files.length} paths in ${((Date.now() - importStarted) / 1000).toFixed(1)} s`);
  await waitForIdleLibrary(page, SEED_PAGES.length + files.length, IMPORT_TIMEOUT);
  const importMs = Date.now() - importStarted;
  // Other work on the machine changes every figure; the one-minute load average says how much.
  const loadDuringImport = loadavg()[0];
  log(`imported ${files.length} pages in ${(importMs / 1000).toFixed(1)} s`);

  log('input latency and scroll while analysis runs in the background');
  const inputDuringAnalysis = await inputLatencies(page);
  const scrollBusy = await profiled(page, 'scroll-busy', () => page.evaluate(scrollLibrary, 600));
  const heapAfterImport = await heapMb(page);
  const count = await page.evaluate(libraryCount);

  log('wait for background analysis of every page');
  await waitForAnalysis(page, ANALYSIS_TIMEOUT);
  const analysisMs = Date.now() - importStarted - importMs;
  log(`analysis finished ${(analysisMs / 1000).toFixed(1)} s after the import`);

  log(`floor after the import: ${FLOOR_RUNS} runs`);
  const floorAfter = await floorTimes(page, files, FLOOR_RUNS);

  const scrollIdle = await profiled(page, 'scroll-idle', () => page.evaluate(scrollLibrary, 600));
  log('search and filter');
  const filters = await profiled(page, 'filter', () => filterTimes(page, PAGES, FILTER_SAMPLES));
  const heapAfterAnalysis = await heapMb(page);
  log('open pages');
  const openTimes = await profiled(page, 'open-page', () => openPageTimes(page, openSamples(PAGES)));

  log('re-analysis after a pipeline change');
  const reanalysis = await reanalysisTimes(page);

  const browserVersion = /Chrome\/([\d.]+)/.exec(await page.evaluate(() => navigator.userAgent))?.[1] ?? 'unknown';
  await context.close();
  rmSync(profile, { recursive: true, force: true });

  log('corpus-wide checks (lintCorpus) in Node');
  const lint = lintCorpusTiming(files);

  const results: Results = {
    at: new Date().toISOString(),
    machine: machine(browserVersion, loadDuringImport),
    corpus: { pages: files.length, seed: SEED, megabytes: corpusBytes / 1024 ** 2 },
    import: { ms: importMs, pagesPerSecond: files.length / (importMs / 1000), goal: 300, libraryCount: count },
    floor: { rows: files.length, batchSize: IMPORT_BATCH_SIZE, before: floorBefore, after: floorAfter },
    analysis: { ms: analysisMs, pagesPerSecond: files.length / (analysisMs / 1000) },
    openPage: { samples: openTimes, medianMs: median(openTimes) },
    scroll: { duringAnalysis: frameSummary(scrollBusy), idle: frameSummary(scrollIdle) },
    filter: filters,
    inputDuringAnalysis,
    reanalysis: { pages: reanalysis.pages, samples: reanalysis.times, medianMs: median(reanalysis.times) },
    heap: {
      beforeImportMb: heapBefore,
      afterImportMb: heapAfterImport,
      afterAnalysisMb: heapAfterAnalysis,
      goalMb: 300,
    },
    lint,
  };
  console.log(`\n${renderTable(results)}\n`);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const docs = join(ROOT, 'docs/benchmarks.md');
  writeFileSync(docs, renderMarkdown(results, existsSync(docs) ? readFileSync(docs, 'utf8') : null));
  log('wrote bench/results.json and docs/benchmarks.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

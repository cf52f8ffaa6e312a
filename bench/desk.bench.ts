/**
 * Speed of the review desk in the real renderer: `npm run build:web && npx tsx bench/desk.bench.ts`.
 * Serves dist-web with `vite preview` (or uses BENCH_URL), drives Chromium, and reads performance
 * marks the desk sets itself.
 * - open: click on the largest seed's row → `desk:ready` (clean page derived and rendered), for
 *   re-opens once the review is stored (by the first open or the library's background analysis).
 *   Target ≤ 100 ms. Also the main-thread work per open from CDP metrics, steadier on a busy machine.
 * - keystroke: one character inserted in the longest block of the longest article → the diff's DOM
 *   updated (and → the next frame). Target ≤ 16 ms median.
 */
import type { CDPSession, Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, median, ROOT, serve } from './browser';

const PORT = 4193;
const URL = process.env.BENCH_URL ?? `http://localhost:${PORT}/`;
const OPENS = 15;
const KEYSTROKES = 60;

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const largestSeed = readdirSync(join(ROOT, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, size: statSync(join(ROOT, 'seeds', name)).size }))
  .sort((a, b) => b.size - a.size)[0].name;

type Work = Record<'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration', number>;
const WORK_KEYS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;

/** Main-thread busy time (CDP Performance metrics, seconds → ms): less swayed by other processes than wall time. */
async function work(cdp: CDPSession): Promise<Work> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return Object.fromEntries(WORK_KEYS.map((key) => [key, value(key)])) as Work;
}

async function openTime(page: Page): Promise<number> {
  const row = page.getByTestId('page-row').getByRole('button', { name: largestSeed, exact: true });
  await row.waitFor();
  const started = await row.evaluate((element: HTMLElement) => {
    performance.clearMarks('desk:ready');
    const at = performance.now();
    element.click();
    return at;
  });
  await page.getByTestId('article-editor').waitFor();
  const ready = await page.evaluate(() => performance.getEntriesByName('desk:ready').map((entry) => entry.startTime));
  const first = ready.find((at) => at >= started);
  if (first === undefined) throw new Error('the desk set no desk:ready mark after the click');
  return first - started;
}

/** Selects the article with the most text and focuses the end of its longest block. */
async function focusLongestBlock(page: Page): Promise<{ article: number; chars: number }> {
  const items = page.getByTestId('article-item');
  let best = { index: 0, chars: -1 };
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).getByRole('button').first().click();
    const chars = await page
      .getByTestId('block-text')
      .evaluateAll((els) => els.reduce((n, e) => n + (e as HTMLTextAreaElement).value.length, 0));
    if (chars > best.chars) best = { index: i, chars };
  }
  await items.nth(best.index).getByRole('button').first().click();
  await page.getByTestId('block-text').evaluateAll((els) => {
    const longest = (els as HTMLTextAreaElement[]).reduce((a, b) => (b.value.length > a.value.length ? b : a));
    longest.focus();
    longest.setSelectionRange(longest.value.length, longest.value.length);
  });
  return { article: best.index, chars: best.chars };
}

/** One character typed the way the browser types it (beforeinput/input), timed to the diff's update. */
async function keystroke(page: Page): Promise<{ dom: number; frame: number }> {
  return page.evaluate(
    () =>
      new Promise<{ dom: number; frame: number }>((resolve, reject) => {
        const diff = document.querySelector('[data-testid="diff"]');
        if (!diff) return reject(new Error('no diff on the desk'));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          const dom = performance.now() - started;
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - started }));
        });
        observer.observe(diff, { subtree: true, childList: true, characterData: true });
        document.execCommand('insertText', false, '科');
      }),
  );
}

const stop = await serve(PORT);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
  await page.goto(URL);
  await page.getByTestId('page-row').first().waitFor();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const firstOpen = await openTime(page);
  const opens: number[] = [];
  const busy: Work[] = [];
  for (let i = 0; i < OPENS; i++) {
    await page.getByRole('button', { name: /文库|Library/ }).click();
    await page.waitForTimeout(100);
    const before = await work(cdp);
    opens.push(await openTime(page));
    const after = await work(cdp);
    busy.push(Object.fromEntries(WORK_KEYS.map((key) => [key, after[key] - before[key]])) as Work);
  }

  const longest = await focusLongestBlock(page);
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const timing = await keystroke(page);
    dom.push(timing.dom);
    frame.push(timing.frame);
    // Let the write land between keystrokes, as a typist's gaps do.
    await page.waitForTimeout(30);
  }

  console.log(`desk bench — ${largestSeed}; longest article: ${longest.chars} characters`);
  console.log(
    `open (first of the session: cold code, and the pipeline unless background analysis already stored the review): ${fmt(firstOpen)}`,
  );
  console.log(
    `open (stored review), median of ${OPENS}: ${fmt(median(opens))}  p95 ${fmt(p95(opens))}  target ≤ 100 ms`,
  );
  const busyMedian = (key: keyof Work) => fmt(median(busy.map((b) => b[key])));
  console.log(
    `open, main-thread work (median): task ${busyMedian('TaskDuration')} = script ${busyMedian('ScriptDuration')} + layout ${busyMedian('LayoutDuration')} + style ${busyMedian('RecalcStyleDuration')} + other`,
  );
  console.log(
    `keystroke → diff DOM, median of ${KEYSTROKES}: ${fmt(median(dom))}  p95 ${fmt(p95(dom))}  target ≤ 16 ms`,
  );
  console.log(`keystroke → next frame, median: ${fmt(median(frame))}  p95 ${fmt(p95(frame))}`);
} finally {
  await browser.close();
  stop();
}

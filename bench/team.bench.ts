/**
 * Team sync through a local pouchdb-server, in the real renderer:
 * `npm run build:web && npx tsx bench/team.bench.ts`.
 * - delay: a decision on desk A (a split rejected, then undone) → desk B's article list changed,
 *   both desks in one Chromium, so their clocks are one. Median of 12.
 * - initial sync: BENCH_DECISIONS decisions (default 10,000) held by a desk that worked alone →
 *   all on the server once it joins (push); then a new desk joins → all in its IndexedDB (pull).
 * - initial sync of an archive: BENCH_PAGES pages (default 10,000; the corpus `npm run bench`
 *   imports, seed 42) on the server, as the desks that imported them wrote them → a new desk joins
 *   → all in its library, then all analysed there; beside it the import's floor for the same rows
 *   (bench/floor.ts, as `npm run bench` measures it), in that desk's browser, before it joins.
 * Every figure is printed with the one-minute load average when it was taken: the machine is shared.
 */
import type { Browser, Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { launchChromium, median, serve } from './browser';
import { corpusFiles } from './corpus';
import { floorBatches, floorTimes } from './floor';
import { libraryCount, type FloorRows } from './in-page';
import { articles, openLibrary, openPage, saved, SEEDS } from '../test/e2e/support';
import { decisionsHeld, TEAM_DATABASE, TeamServer, writeDecisions } from '../test/e2e/team-server';
import type { PageRow, RawRow } from '../src-renderer/db/schema';
import { pageDocument, rawDocument } from '../src-renderer/sync/documents';
import { replicaName } from '../src-renderer/sync/team-server';

const PORT = Number(process.env.BENCH_PORT ?? 5620);
const SERVER_PORT = Number(process.env.BENCH_SERVER_PORT ?? 5621);
const URL = process.env.BENCH_URL ?? `http://localhost:${PORT}/`;
const ROUNDS = 6;
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 10_000);
const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 3);
/** The database the archive is put in: apart from the desks' decisions, so a new desk pulls the pages alone. */
const ARCHIVE_DATABASE = 'archive';

const ARTICLE_ITEM = '[data-testid="article-item"]';
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
/** The one-minute load average now, printed beside each figure. */
const load = () => `load ${loadavg()[0].toFixed(1)}`;

async function newDesk(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: URL });
  // tsx compiles bench/in-page.ts with esbuild's keepNames, which wraps nested functions in
  // `__name(...)`; the page has no such helper, so give it an identity one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  await openLibrary(page);
  return page;
}

async function desk(browser: Browser, server: TeamServer, name: string): Promise<Page> {
  const page = await newDesk(browser);
  await page.getByTestId('editor-name').fill(name);
  await page.getByTestId('editor-name').press('Enter');
  await page.getByTestId('team-server').fill(server.database(TEAM_DATABASE));
  await page.getByTestId('team-server').press('Enter');
  await page.getByTestId('team-sync').and(page.locator('[data-state="synced"]')).waitFor({ timeout: 60_000 });
  return page;
}

/** Records on the page when its article list reaches each new length, by the browser's clock. */
async function watchArticles(page: Page): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate((selector) => {
    const arrivals: Array<{ count: number; at: number }> = [];
    let last = document.querySelectorAll(selector).length;
    new MutationObserver(() => {
      const now = document.querySelectorAll(selector).length;
      if (now !== last) arrivals.push({ count: (last = now), at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true });
    Object.assign(window, { arrivals });
  }, ARTICLE_ITEM);
}

/** Runs `click` on desk A and resolves to how long after it desk B showed `count` articles. */
async function delay(a: Page, b: Page, click: () => Promise<number>, count: number): Promise<number> {
  const clicked = await click();
  await articles(b)
    .nth(count - 1)
    .waitFor();
  await b.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length === n, [
    ARTICLE_ITEM,
    count,
  ] as const);
  const arrivals = await b.evaluate(
    () => (window as unknown as { arrivals: Array<{ count: number; at: number }> }).arrivals,
  );
  const arrival = arrivals.findLast((entry) => entry.count === count && entry.at >= clicked);
  if (!arrival) throw new Error(`desk B never showed ${count} articles after the click`);
  await saved(a);
  return arrival.at - clicked;
}

const clickAt = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((button: HTMLElement) => {
      const at = Date.now();
      button.click();
      return at;
    });

async function timeUntil(done: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 250));
  return performance.now() - started;
}

async function serverCount(server: TeamServer): Promise<number> {
  const answer = await fetch(server.database(TEAM_DATABASE)).catch(() => null);
  return answer?.ok ? ((await answer.json()) as { doc_count: number }).doc_count : 0;
}

/**
 * Puts the archive on the server as the desks that imported it wrote it: each page's raw text
 * (once per content hash) and its page document, built from the importer's own rows.
 */
async function putArchive(server: TeamServer, batches: AsyncIterable<FloorRows>): Promise<void> {
  const database = server.database(ARCHIVE_DATABASE);
  await fetch(database, { method: 'PUT' });
  for await (const rows of batches) {
    const pages = rows.pages as PageRow[];
    const raws = rows.raws as RawRow[];
    const docs = [
      ...(await Promise.all(raws.map((raw) => rawDocument(raw.id, raw.text)))),
      ...pages.map((page) => pageDocument(page, undefined)),
    ];
    const answer = await fetch(`${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!answer.ok) throw new Error(`the server refused the archive: ${answer.status} ${await answer.text()}`);
  }
}

/** How many records one store of one of the desk's IndexedDB databases holds (0 while it has no such store). */
function countIn(page: Page, database: string, store: string): Promise<number> {
  return page.evaluate(
    async ({ database, store }) => {
      // Opening a database that does not exist would create it, empty, under PouchDB's feet.
      if (!(await indexedDB.databases()).some((known) => known.name === database)) return 0;
      return new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open(database);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains(store)) return resolve(0);
          const counting = db.transaction(store).objectStore(store).count();
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
          db.close();
        };
      });
    },
    { database, store },
  );
}

/** How many reviews the desk holds: every page it analysed. */
const reviewsHeld = (page: Page) => countIn(page, 'galley', 'reviews');
/** How many documents a PouchDB replica holds (its IndexedDB adapter's document store). */
const documentsIn = (page: Page, replica: string) => countIn(page, replica, 'document-store');

const stop = await serve(PORT);
const browser = await launchChromium();
const server = await TeamServer.launch(SERVER_PORT);
try {
  const a = await desk(browser, server, '甲');
  const b = await desk(browser, server, '乙');
  await openPage(a, SEEDS[0]);
  await openPage(b, SEEDS[0]);
  const count = await articles(b).count();
  await watchArticles(b);
  const rejected: number[] = [];
  const undone: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rejected.push(
      await delay(
        a,
        b,
        () => clickAt(a, '[data-testid="article-item"]:nth-child(2) [data-testid="reject-split"]'),
        count - 1,
      ),
    );
    undone.push(await delay(a, b, () => clickAt(a, '[data-testid="undo"]'), count));
  }
  console.log(`team bench — pouchdb-server 4.2.0 on 127.0.0.1, two desks in one headless Chromium`);
  console.log(
    `decision → other desk, median of ${ROUNDS}: split rejected ${fmt(median(rejected))}, undone ${fmt(median(undone))}; all ${2 * ROUNDS}: ${fmt(median([...rejected, ...undone]))} (min ${fmt(Math.min(...rejected, ...undone))}, max ${fmt(Math.max(...rejected, ...undone))}); ${load()}`,
  );

  const before = await serverCount(server);
  const alone = await (await browser.newContext({ baseURL: URL })).newPage();
  await openLibrary(alone);
  await writeDecisions(alone, DECISIONS, 'a-page-of-the-archive');
  await alone.getByTestId('team-server').fill(server.database(TEAM_DATABASE));
  const pushStarted = performance.now();
  await alone.getByTestId('team-server').press('Enter');
  await timeUntil(async () => (await serverCount(server)) >= before + DECISIONS);
  const push = performance.now() - pushStarted;
  console.log(
    `initial sync, push: ${DECISIONS} decisions from a desk joining → server in ${(push / 1000).toFixed(1)} s (${Math.round(DECISIONS / (push / 1000))} decisions/s); ${load()}`,
  );

  const fresh = await (await browser.newContext({ baseURL: URL })).newPage();
  await openLibrary(fresh);
  await fresh.getByTestId('team-server').fill(server.database(TEAM_DATABASE));
  const pullStarted = performance.now();
  await fresh.getByTestId('team-server').press('Enter');
  await timeUntil(async () => (await decisionsHeld(fresh, 'a-page-of-the-archive')) >= DECISIONS);
  const pull = performance.now() - pullStarted;
  console.log(
    `initial sync, pull: ${DECISIONS} decisions → a new desk's IndexedDB in ${(pull / 1000).toFixed(1)} s (${Math.round(DECISIONS / (pull / 1000))} decisions/s); ${load()}`,
  );

  const files = corpusFiles(PAGES, SEED);
  await putArchive(server, floorBatches(files));
  const laptop = await newDesk(browser);
  const floor = await floorTimes(laptop, files, FLOOR_RUNS);
  console.log(
    `import floor, ${PAGES} pages' rows into a fresh database, median of ${FLOOR_RUNS}: ${(median(floor) / 1000).toFixed(2)} s (${Math.round(PAGES / (median(floor) / 1000))} pages/s); ${load()}`,
  );
  const held = PAGES + SEEDS.length;
  await laptop.getByTestId('team-server').fill(server.database(ARCHIVE_DATABASE));
  const archiveStarted = performance.now();
  await laptop.getByTestId('team-server').press('Enter');
  // The replica's share: when PouchDB's own store holds every page and text the server sent.
  let replicated = 0;
  const replica = `_pouch_${replicaName(server.database(ARCHIVE_DATABASE))}`;
  await timeUntil(async () => {
    if (!replicated && (await documentsIn(laptop, replica)) >= 2 * PAGES)
      replicated = performance.now() - archiveStarted;
    return ((await laptop.evaluate(libraryCount)) ?? 0) >= held;
  });
  const listed = performance.now() - archiveStarted;
  if (replicated)
    console.log(
      `… the replica held the ${2 * PAGES} documents (pages and texts) ${(replicated / 1000).toFixed(1)} s after joining (${Math.round(PAGES / (replicated / 1000))} pages/s)`,
    );
  console.log(
    `initial sync of an archive: ${PAGES} pages → a new desk's library in ${(listed / 1000).toFixed(1)} s (${Math.round(PAGES / (listed / 1000))} pages/s); ${load()}`,
  );
  await timeUntil(async () => (await reviewsHeld(laptop)) >= held);
  const analysed = performance.now() - archiveStarted;
  console.log(
    `… and analysed there in ${(analysed / 1000).toFixed(1)} s from joining (${Math.round(PAGES / (analysed / 1000))} pages/s); ${load()}`,
  );
} finally {
  await browser.close();
  await server.remove();
  stop();
}

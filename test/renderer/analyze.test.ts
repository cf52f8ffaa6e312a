import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleyDB, pageStats } from '../../src-renderer/db/schema';
import {
  analyzePending,
  pendingPageIds,
  type Analyzer,
  type AnalyzeProgress,
} from '../../src-renderer/services/analyze';
import { importFiles } from '../../src-renderer/services/import';
import { analyzeBatch } from '../../src-renderer/workers/analyze-batch';
import { storeReview } from './helpers';

const SEEDS = join(import.meta.dirname, '../../seeds');
const opened: GalleyDB[] = [];
let counter = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const inThread: Analyzer = async (pages) => analyzeBatch(pages);

async function seededDb(): Promise<{ db: GalleyDB; ids: string[] }> {
  const db = new GalleyDB(`analyze-${++counter}`);
  opened.push(db);
  const seeds = readdirSync(SEEDS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
  const { added } = await importFiles(db, seeds, { now: () => 1000 });
  return { db, ids: added.map(({ id }) => id) };
}

/** Every page either has both its review and its counts, or neither. */
async function expectConsistent(db: GalleyDB): Promise<number> {
  const pages = await db.pages.toArray();
  const reviews = await db.reviews.bulkGet(pages.map((page) => page.id));
  pages.forEach((page, i) => {
    const review = reviews[i];
    expect(page.stats === null, `page ${page.name}`).toBe(review === undefined);
    if (review) expect(page.stats).toEqual(pageStats(review.analysis));
  });
  return reviews.filter(Boolean).length;
}

describe('analyzePending', () => {
  it('should store a review and library counts for every unanalysed page', async () => {
    const { db, ids } = await seededDb();

    const report = await analyzePending(db, inThread, { batchSize: 2 });

    expect(report).toEqual({ analysed: 5, failed: [], cancelled: false });
    expect(await expectConsistent(db)).toBe(5);
    const first = await db.pages.get(ids[0]);
    expect(first?.stats?.articles).toBeGreaterThan(0);
  });

  it('should do nothing when every page is analysed already', async () => {
    const { db } = await seededDb();
    await analyzePending(db, inThread);
    let calls = 0;
    const report = await analyzePending(db, async (pages) => {
      calls++;
      return analyzeBatch(pages);
    });
    expect(report.analysed).toBe(0);
    expect(calls).toBe(0);
  });

  it('should report progress with a rate and the time left', async () => {
    const { db } = await seededDb();
    let clock = 0;
    const seen: AnalyzeProgress[] = [];
    await analyzePending(db, inThread, { batchSize: 2, now: () => (clock += 500), onProgress: (p) => seen.push(p) });

    expect(seen.map(({ done, total }) => [done, total])).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(seen[1].pagesPerSecond).toBeGreaterThan(0);
    expect(seen[1].secondsLeft).toBeCloseTo((5 - 2) / seen[1].pagesPerSecond);
    expect(seen[0].secondsLeft).toBeNull();
  });

  it('should stop between batches when cancelled and keep every stored batch whole', async () => {
    const { db } = await seededDb();
    const controller = new AbortController();
    const report = await analyzePending(db, inThread, {
      batchSize: 2,
      signal: controller.signal,
      onProgress: ({ done }) => done >= 2 && controller.abort(),
    });

    expect(report.cancelled).toBe(true);
    expect(report.analysed).toBe(2);
    expect(await expectConsistent(db)).toBe(2);

    const rest = await analyzePending(db, inThread);
    expect(rest.analysed).toBe(3);
  });

  it('should not overwrite a review the editor made while analysis ran', async () => {
    const { db, ids } = await seededDb();
    const [page] = analyzeBatch([{ id: ids[0], raw: (await db.raws.get(ids[0]))!.text }]);
    if (!('analysis' in page)) throw new Error(page.error);
    const edited = {
      ...page.analysis,
      flags: page.analysis.flags.map((flag) => ({ ...flag, status: 'dismissed' as const })),
    };
    await storeReview(db, { pageId: ids[0], analysis: edited, updatedAt: 5 });

    await analyzePending(db, inThread);

    expect((await db.reviews.get(ids[0]))?.analysis).toEqual(edited);
    expect((await db.pages.get(ids[0]))?.stats?.openFlags).toBe(0);
    expect(await expectConsistent(db)).toBe(5);
  });

  it('should report a page the pipeline fails on by name and store the others', async () => {
    const { db, ids } = await seededDb();
    const failing: Analyzer = async (pages) =>
      analyzeBatch(pages).map((result) =>
        result.id === ids[1] ? { id: result.id, error: 'stage segment threw' } : result,
      );

    const report = await analyzePending(db, failing);

    expect(report.analysed).toBe(4);
    expect(report.failed).toEqual([
      { id: ids[1], name: (await db.pages.get(ids[1]))!.name, reason: 'stage segment threw' },
    ]);
    expect((await db.pages.get(ids[1]))?.stats).toBeNull();
    expect(await expectConsistent(db)).toBe(4);
  });

  it('should leave no half-written batch when a write fails inside the transaction', async () => {
    const { db } = await seededDb();
    const victim = (await pendingPageIds(db)).at(-1);
    // A failure after the batch's first reviews were written, as a crash or a full disk would cause.
    db.reviews.hook('creating', (key) => {
      if (key === victim) throw new Error('disk full');
    });

    await expect(analyzePending(db, inThread, { batchSize: 5 })).rejects.toThrow('disk full');

    expect(await db.reviews.count()).toBe(0);
    expect(await expectConsistent(db)).toBe(0);
  });

  it('should skip a page deleted while its batch was being analysed', async () => {
    const { db, ids } = await seededDb();
    const deleting: Analyzer = async (pages) => {
      await db.pages.delete(ids[0]);
      return analyzeBatch(pages);
    };
    const report = await analyzePending(db, deleting);
    expect(report.analysed).toBe(4);
    expect(await db.reviews.get(ids[0])).toBeUndefined();
  });
});

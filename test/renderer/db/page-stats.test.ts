import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commitAction, ensureReview, travel } from '../../../src-renderer/db/reviews';
import { pageStats, type GalleyDB } from '../../../src-renderer/db/schema';
import { analyzePending, type Analyzer } from '../../../src-renderer/services/analyze';
import { reanalysePage, reanalyzeStale } from '../../../src-renderer/services/reanalyze';
import type { PageAnalysis } from '../../../src-shared/model';
import { dismissFlag, rejectBoundary } from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';
import { closeDatabases, dbWithPage } from '../helpers';

afterEach(closeDatabases);

/** The fixture's reading by a later pipeline: the doubt the editor could dismiss is no longer raised. */
const laterPipeline: Analyzer = async (pages) =>
  pages.map(({ id }) => ({
    id,
    analysis: { ...fixtureAnalysis(), pipelineVersion: 2, flags: [] },
  }));

async function expectStatsOfReview(db: GalleyDB): Promise<void> {
  const review = await db.reviews.get('p1');
  expect((await db.pages.get('p1'))?.stats).toEqual(pageStats(review!.analysis));
}

describe("a page's stats", () => {
  it('should follow its review however the review is written', async () => {
    const db = await dbWithPage(RAW);
    const analysis: PageAnalysis = fixtureAnalysis();
    const dismissed = { ...analysis, flags: analysis.flags.map((flag) => ({ ...flag, status: 'dismissed' as const })) };
    const write = (change: () => Promise<unknown>) => db.transaction('rw', db.reviews, db.pages, change);
    await write(() => db.reviews.add({ pageId: 'p1', analysis, updatedAt: 1 }));
    await expectStatsOfReview(db);
    await write(() => db.reviews.put({ pageId: 'p1', analysis: dismissed, updatedAt: 2 }));
    expect((await db.pages.get('p1'))?.stats?.openFlags).toBe(0);
    await write(() => db.reviews.update('p1', { analysis }));
    await expectStatsOfReview(db);
    await write(() => db.reviews.bulkPut([{ pageId: 'p1', analysis: dismissed, updatedAt: 3 }]));
    expect((await db.pages.get('p1'))?.stats?.openFlags).toBe(0);
  });

  it('should follow a review written by a caller that named no other table', async () => {
    const db = await dbWithPage(RAW);
    await db.reviews.add({ pageId: 'p1', analysis: fixtureAnalysis(), updatedAt: 1 });
    await expectStatsOfReview(db);
  });

  it('should follow its review through every writer: analysis, the desk, undo, re-analysis', async () => {
    const db = await dbWithPage(RAW);
    await analyzePending(db, async (pages) => pages.map(({ id }) => ({ id, analysis: fixtureAnalysis() })));
    await expectStatsOfReview(db);
    await commitAction(db, ['p1'], ([page]) => dismissFlag(page, 'f-lookalike'));
    await expectStatsOfReview(db);
    await commitAction(db, ['p1'], ([page]) => rejectBoundary(page, 'b2'));
    await expectStatsOfReview(db);
    await travel(db, 'p1', 'undo');
    await expectStatsOfReview(db);
    await reanalyzeStale(db, laterPipeline, { version: 2 });
    await expectStatsOfReview(db);
    await reanalysePage(db, laterPipeline, 'p1', 3);
    await expectStatsOfReview(db);
  });

  it('should be set when a page is first opened', async () => {
    const db = await dbWithPage(RAW);
    await ensureReview(db, 'p1', fixtureAnalysis);
    await expectStatsOfReview(db);
  });
});

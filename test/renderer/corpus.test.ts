import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleyDB, pageStats } from '../../src-renderer/db/schema';
import { commitAction, travel } from '../../src-renderer/db/reviews';
import { analyzePending } from '../../src-renderer/services/analyze';
import { dismissFlag } from '../../src-shared/review';
import { findCorpusFlags, storeCorpusFlags } from '../../src-renderer/services/corpus';
import { importFiles } from '../../src-renderer/services/import';
import { analyzeBatch } from '../../src-renderer/workers/analyze-batch';
import { storeReview } from './helpers';

const SEEDS = join(import.meta.dirname, '../../seeds');
const opened: GalleyDB[] = [];
let counter = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function analysedSeeds(): Promise<GalleyDB> {
  const db = new GalleyDB(`corpus-${++counter}`);
  opened.push(db);
  const seeds = readdirSync(SEEDS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
  await importFiles(db, seeds, { now: () => 1000 });
  await analyzePending(db, async (pages) => analyzeBatch(pages));
  return db;
}

const variants = async (db: GalleyDB) =>
  (await db.reviews.toArray()).flatMap((review) =>
    review.analysis.flags.filter((flag) => flag.kind === 'name-variant'),
  );

describe('corpus flags in the library', () => {
  it('should flag a name spelled with a look-alike character on another page, with the page counts updated', async () => {
    const db = await analysedSeeds();
    expect(await variants(db)).toEqual([]);

    const added = await storeCorpusFlags(db, await findCorpusFlags(db));

    const found = await variants(db);
    expect(added).toBe(found.length);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((flag) => flag.suggestion !== null && flag.text.length === flag.suggestion.length)).toBe(true);
    for (const page of await db.pages.toArray()) {
      const review = await db.reviews.get(page.id);
      expect(page.stats).toEqual(pageStats(review!.analysis));
    }
  });

  it('should keep an editor decision and add nothing on a second run', async () => {
    const db = await analysedSeeds();
    await storeCorpusFlags(db, await findCorpusFlags(db));
    const [flag] = await variants(db);
    const review = (await db.reviews.toArray()).find((r) => r.analysis.flags.some((f) => f.id === flag.id))!;
    const dismissed = review.analysis.flags.map((f) => (f.id === flag.id ? { ...f, status: 'dismissed' as const } : f));
    await storeReview(db, { ...review, analysis: { ...review.analysis, flags: dismissed } });

    expect(await storeCorpusFlags(db, await findCorpusFlags(db))).toBe(0);
    const after = await db.reviews.get(review.pageId);
    expect(after!.analysis.flags.find((f) => f.id === flag.id)?.status).toBe('dismissed');
  });

  it('should store the check as an undoable step that leaves the pages’ status, and undo its dismissal after a restart', async () => {
    const db = await analysedSeeds();
    await storeCorpusFlags(db, await findCorpusFlags(db));
    expect((await db.pages.toArray()).map((page) => page.status)).toEqual((await db.pages.toArray()).map(() => 'new'));
    const [flag] = await variants(db);
    const pageId = (await db.reviews.toArray()).find((r) => r.analysis.flags.some((f) => f.id === flag.id))!.pageId;
    await commitAction(db, [pageId], ([page]) => dismissFlag(page, flag.id));
    db.close();

    const reopened = new GalleyDB(db.name);
    opened.push(reopened);
    expect((await travel(reopened, pageId, 'undo'))?.label).toBe('flag.dismiss');
    expect((await reopened.reviews.get(pageId))!.analysis.flags.find((f) => f.id === flag.id)?.status).toBe('open');
    expect((await travel(reopened, pageId, 'undo'))?.label).toBe('corpus.check');
    expect(await variants(reopened)).toEqual([]);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commitAction, ensureReview, loadPages } from '../../../src-renderer/db/reviews';
import { GalleyDB } from '../../../src-renderer/db/schema';
import type { PageAnalysis, ReviewRecord } from '../../../src-shared/model';
import { dismissFlag, revertEdit } from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';
import { closeDatabases, dbWithPage } from '../helpers';

afterEach(closeDatabases);

/** Reads the review as the desk does: in a transaction with its page row. */
function deskRead(db: GalleyDB): Promise<ReviewRecord | undefined> {
  return db.transaction('r', db.pages, db.raws, db.reviews, () => db.reviews.get('p1'));
}

async function reviewedDb(): Promise<GalleyDB> {
  const db = await dbWithPage(RAW);
  await ensureReview(db, 'p1', fixtureAnalysis);
  await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
  return db;
}

function withFlagsDismissed(analysis: PageAnalysis): PageAnalysis {
  return { ...analysis, flags: analysis.flags.map((flag) => ({ ...flag, status: 'dismissed' as const })) };
}

describe('the reviews table', () => {
  it('should give back the review an action wrote without copying it out of the store again', async () => {
    const db = await reviewedDb();
    const first = await deskRead(db);
    expect(await deskRead(db)).toBe(first);
    const [page] = await db.transaction('r', db.pages, db.raws, db.reviews, () => loadPages(db, ['p1']));
    expect(page.analysis).toBe(first?.analysis);
  });

  it('should read the store again once another connection wrote the review', async () => {
    const db = await reviewedDb();
    const shown = (await deskRead(db))!;
    const elsewhere = new GalleyDB(db.name);
    await commitAction(elsewhere, ['p1'], ([page]) => dismissFlag(page, 'f-lookalike'));
    elsewhere.close();

    const read = await deskRead(db);
    expect(read).not.toBe(shown);
    expect(read?.analysis.flags.find((flag) => flag.id === 'f-lookalike')?.status).toBe('dismissed');
  });

  it('should read the store again after a write that was rolled back', async () => {
    const db = await reviewedDb();
    const stored = (await deskRead(db))!;
    const write = db.transaction('rw', db.reviews, db.pages, async () => {
      await db.reviews.put({ ...stored, analysis: withFlagsDismissed(stored.analysis), updatedAt: 2 });
      throw new Error('the step failed after writing');
    });
    await expect(write).rejects.toThrow('the step failed after writing');

    expect((await deskRead(db))?.analysis).toEqual(stored.analysis);
  });

  it('should not give back a review that was deleted', async () => {
    const db = await reviewedDb();
    await deskRead(db);
    await db.transaction('rw', db.reviews, db.pages, () => db.reviews.delete('p1'));
    expect(await deskRead(db)).toBeUndefined();
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { materialize } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { replay } from '../../../src-shared/review';
import { GalleyDB } from '../../../src-renderer/db/schema';
import { storeAtVersion } from '../helpers';

const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The database of test/fixtures/db/`file`, stored at its schema version, opened at the current one. */
async function upgraded(file: string): Promise<GalleyDB> {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/db', file), 'utf8')) as {
    version: number;
    tables: Record<string, unknown[]>;
  };
  const name = `decisions-from-${file}`;
  await storeAtVersion(name, fixture);

  const db = new GalleyDB(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('schema version 5', () => {
  it('should derive decisions that rebuild every review from a fresh analysis of its raw text', async () => {
    // The rich review of v3.json: splits approved and rejected, a reverted edit, an accepted flag, typed text, a move.
    const db = await upgraded('v3.json');
    // Only this page was analysed by the pipeline that runs now; the older one has a hand-made analysis.
    const reviews = await db.reviews
      .where('pageId')
      .equals('9fe6a943fe25eccd5a4ca181a40a32ec24ac1835a56868ccdcbf9e26c1b12bc3')
      .toArray();
    expect(reviews.length).toBe(1);
    for (const review of reviews) {
      const raw = (await db.raws.get(review.pageId))!.text;
      const decisions = await db.decisions.where('pageId').equals(review.pageId).toArray();
      expect(decisions.length).toBeGreaterThan(5);
      const { analysis, needsLook } = replay(analyzePage(raw), decisions);
      expect(needsLook).toEqual([]);
      const read = (a: typeof analysis) =>
        materialize(raw, a).articles.map((article) => [article.title, article.blocks.map((b) => b.text)]);
      expect(read(analysis), review.pageId).toEqual(read(review.analysis));
    }
  });

  it("should carry a version 4 review's reverted edit, approved split and dismissed flag over as decisions", async () => {
    const db = await upgraded('v4.json');
    const decisions = await db.decisions.toArray();
    expect(decisions.map(({ action }) => [action.type, 'status' in action ? action.status : null]).sort()).toEqual([
      ['edit-status', 'reverted'],
      ['flag-status', 'dismissed'],
      ['split', 'approved'],
    ]);
  });
});

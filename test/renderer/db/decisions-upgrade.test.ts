import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { materialize } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { replay } from '../../../src-shared/review';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS } from '../../../src-renderer/db/schema';

/** The rich review of test/fixtures/db/v3.json: splits approved and rejected, a reverted edit, an accepted flag, typed text, a move. */
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/db/v3.json'), 'utf8')) as {
  tables: Record<string, unknown[]>;
};
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('schema version 5', () => {
  it('should derive decisions that rebuild every review from a fresh analysis of its raw text', async () => {
    const old = new Dexie('decisions-from-v3');
    declareVersions(
      old,
      SCHEMA_VERSIONS.filter(({ version }) => version <= 3),
    );
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new GalleyDB('decisions-from-v3');
    opened.push(db);
    await db.open();
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
});

import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { shortArticlesPage } from '../../../bench/pages';
import { EMPTY_LAYOUT, SEGMENT_LENGTH, splitReview } from '../../../src-renderer/db/review-parts';
import { REVIEW_PARTS } from '../../../src-renderer/db/review-rows';
import { commitAction, ensureReview, travel } from '../../../src-renderer/db/reviews';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS } from '../../../src-renderer/db/schema';
import type { PageAnalysis, ReviewRecord } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { cleanOf, dismissFlag, editBlockText, revertEdit } from '../../../src-shared/review';
import { closeDatabases, freshDb } from '../helpers';

afterEach(closeDatabases);

/** A page of 2,000 short articles: some 20,000 chunks, edits and flags, a review of several MB. */
const RAW = shortArticlesPage(2_000);
const ANALYSIS = analyzePage(RAW);

/** What was put into the tables under the reviews middleware, in rows and JSON bytes. */
interface Written {
  rows: number;
  bytes: number;
}

/** Counts every row put into `reviews` and `reviewParts` as IndexedDB receives them (below the reviews middleware). */
function countingWrites(written: Written): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'countingWrites',
    level: 5,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'reviews' && name !== REVIEW_PARTS) return table;
        return {
          ...table,
          mutate(req) {
            if (req.type === 'put' || req.type === 'add') {
              written.rows += req.values.length;
              written.bytes += req.values.reduce((sum: number, value) => sum + JSON.stringify(value).length, 0);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

async function largePageDb(written: Written): Promise<GalleyDB> {
  const db = freshDb();
  db.use(countingWrites(written));
  await db.pages.put({
    id: 'p1',
    name: 'large.txt',
    size: RAW.length,
    encoding: 'utf-8',
    importedAt: 0,
    status: 'new',
    stats: null,
  });
  await db.raws.put({ id: 'p1', text: RAW });
  await ensureReview(db, 'p1', () => ANALYSIS);
  return db;
}

function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** At most this many segments of each array a step touches are written again, each of at most `SEGMENT_LENGTH` of its largest elements. */
function segmentsBound(arrays: ReadonlyArray<readonly unknown[]>, segments: number): number {
  return arrays.reduce<number>((sum, array) => sum + segments * SEGMENT_LENGTH * Math.max(...array.map(jsonBytes)), 0);
}

describe('a review stored in parts', () => {
  it('should write what a step changed on a large page, not the page', async () => {
    const written: Written = { rows: 0, bytes: 0 };
    const db = await largePageDb(written);
    const whole = jsonBytes({ pageId: 'p1', analysis: ANALYSIS, updatedAt: 0 });
    expect(ANALYSIS.edits.length + ANALYSIS.chunks.length).toBeGreaterThan(20 * SEGMENT_LENGTH);
    expect(written.bytes).toBeGreaterThan(whole * 0.9);

    // A head names every part of the page (a few KB), and the changed segments of one array follow.
    const head = jsonBytes({ parts: Array.from({ length: whole / 1000 }, (_, i) => i) });
    const steps: Array<[string, (page: Parameters<typeof revertEdit>[0]) => ReturnType<typeof revertEdit>]> = [
      [
        'revert an edit',
        (page) => revertEdit(page, page.analysis.edits[Math.floor(page.analysis.edits.length / 2)].id),
      ],
      [
        'dismiss a flag',
        (page) => dismissFlag(page, page.analysis.flags[Math.floor(page.analysis.flags.length / 2)].id),
      ],
      [
        'type over a title',
        (page) => {
          const article = cleanOf(page).articles[Math.floor(cleanOf(page).articles.length / 2)];
          return editBlockText(page, article.id, article.blocks[0].id, '一个新的标题');
        },
      ],
    ];
    for (const [what, step] of steps) {
      written.rows = 0;
      written.bytes = 0;
      await commitAction(db, ['p1'], ([page]) => step(page));
      const bound = head + segmentsBound([ANALYSIS.edits, ANALYSIS.flags], 3);
      expect(written.bytes, what).toBeLessThan(bound);
      expect(written.bytes, what).toBeLessThan(whole / 20);
      expect(written.rows, what).toBeLessThanOrEqual(1 + 2 * 3);
    }

    written.bytes = 0;
    await travel(db, 'p1', 'undo');
    expect(written.bytes, 'undo').toBeLessThan(whole / 20);
  }, 120_000);

  it('should read back from the store what every step wrote, in another connection and after another wrote', async () => {
    const written: Written = { rows: 0, bytes: 0 };
    const db = await largePageDb(written);
    const middleEdit = (page: { analysis: PageAnalysis }) =>
      page.analysis.edits[Math.floor(page.analysis.edits.length / 2)].id;
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, middleEdit(page)));
    const elsewhere = new GalleyDB(db.name);
    await commitAction(elsewhere, ['p1'], ([page]) => dismissFlag(page, page.analysis.flags[0].id));
    // This connection's layout is stale now: its next step stores the review anew, and all three agree.
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, page.analysis.edits.at(-1)!.id));
    const mine = await db.transaction('r', db.reviews, () => db.reviews.get('p1'));
    const theirs = await elsewhere.reviews.get('p1');
    elsewhere.close();
    const fresh = new GalleyDB(db.name);
    const stored = await fresh.reviews.get('p1');
    fresh.close();

    expect(stored).toEqual(mine);
    expect(theirs).toEqual(mine);
    expect(stored?.analysis.flags[0].status).toBe('dismissed');
    expect(stored?.analysis.edits.at(-1)?.status).toBe('reverted');
    expect(stored?.analysis.edits.filter((edit) => edit.status === 'reverted')).toHaveLength(
      ANALYSIS.edits.filter((edit) => edit.status === 'reverted').length + 2,
    );
  }, 120_000);

  it('should keep every segment a change does not reach, and store a short run with its neighbour', () => {
    const edit = (id: string) => ({ ...ANALYSIS.edits[0], id });
    const items = Array.from({ length: 10 * SEGMENT_LENGTH }, (_, i) => edit(`e${i}`));
    const analysis = { ...ANALYSIS, edits: items };
    const first = splitReview({ pageId: 'p', analysis, updatedAt: 0 }, EMPTY_LAYOUT);
    expect(first.puts.length).toBeGreaterThanOrEqual(10);

    const inserted = [...items.slice(0, 1000), edit('new'), ...items.slice(1000)];
    const second = splitReview({ pageId: 'p', analysis: { ...analysis, edits: inserted }, updatedAt: 1 }, first.layout);
    // The one segment that held the place, one element longer now, and nothing else.
    expect(second.puts.flatMap((put) => put.items)).toHaveLength(SEGMENT_LENGTH + 1);
    expect(second.puts.flatMap((put) => put.items)).toContainEqual(edit('new'));
    expect(second.deletes).toHaveLength(1);

    // Inserted where two segments meet: the one element does not become a row of its own.
    const atEdge = [...items.slice(0, SEGMENT_LENGTH), edit('edge'), ...items.slice(SEGMENT_LENGTH)];
    const third = splitReview({ pageId: 'p', analysis: { ...analysis, edits: atEdge }, updatedAt: 1 }, first.layout);
    expect(third.puts.flatMap((put) => put.items)).toHaveLength(SEGMENT_LENGTH + 1);
    expect(Math.min(...third.puts.map((put) => put.items.length))).toBeGreaterThan(SEGMENT_LENGTH / 4);
  });

  it('should store a re-analysis proposal in parts too, and give the review back whole', async () => {
    const written: Written = { rows: 0, bytes: 0 };
    const db = await largePageDb(written);
    const review = (await db.reviews.get('p1'))!;
    const proposal = { analysis: { ...ANALYSIS, pipelineVersion: ANALYSIS.pipelineVersion + 1 }, needsLook: [] };
    await db.reviews.put({ ...review, proposal });
    const heads = await rawRows(db.name, 'reviews');
    expect(jsonBytes(heads)).toBeLessThan(jsonBytes(ANALYSIS) / 20);

    const fresh = new GalleyDB(db.name);
    expect(await fresh.reviews.get('p1')).toEqual({ ...review, proposal });
    fresh.close();
  }, 120_000);
});

/** The rows of `table` as IndexedDB holds them, read without the reviews middleware. */
async function rawRows(name: string, table: string): Promise<unknown[]> {
  const plain = new Dexie(name);
  declareVersions(plain);
  try {
    return await plain.table(table).toArray();
  } finally {
    plain.close();
  }
}

describe('the upgrade to schema version 7', () => {
  it('should move every review stored whole into a head and parts, and give it back the same', async () => {
    const name = `review-parts-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    declareVersions(
      old,
      SCHEMA_VERSIONS.filter(({ version }) => version <= 6),
    );
    const review: ReviewRecord = { pageId: 'p1', analysis: ANALYSIS, updatedAt: 5 };
    await old.table('pages').add({
      id: 'p1',
      name: 'large.txt',
      size: RAW.length,
      encoding: 'utf-8',
      importedAt: 0,
      status: 'in-review',
      stats: null,
    });
    await old.table('raws').add({ id: 'p1', text: RAW });
    await old.table('reviews').add(review);
    old.close();

    const db = new GalleyDB(name);
    try {
      expect(await db.reviews.get('p1')).toEqual(review);
      expect(await db.reviews.where('analysis.pipelineVersion').equals(ANALYSIS.pipelineVersion).primaryKeys()).toEqual(
        ['p1'],
      );
      db.close();
      const [head] = (await rawRows(name, 'reviews')) as Array<{ analysis: Partial<PageAnalysis> }>;
      expect(head.analysis).toEqual({ pipelineVersion: ANALYSIS.pipelineVersion });
      const parts = await rawRows(name, REVIEW_PARTS);
      const elements =
        ANALYSIS.chunks.length + ANALYSIS.boundaries.length + ANALYSIS.edits.length + ANALYSIS.flags.length;
      expect(parts.length).toBeGreaterThanOrEqual(Math.floor(elements / SEGMENT_LENGTH));
    } finally {
      await Dexie.delete(name);
    }
  }, 120_000);
});

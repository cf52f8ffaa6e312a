import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewRecord } from '../../src-shared/model';
import type { SourceFile } from '../../src-shared/ipc/contract';
import Dexie from 'dexie';
import { commitAction, ensureReview } from '../../src-renderer/db/reviews';
import { approveBoundary, cleanOf, dismissFlag, editBlockText, revertEdit } from '../../src-shared/review';
import { fixtureAnalysis, RAW } from '../review/fixture';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS, type PageRow } from '../../src-renderer/db/schema';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const opened: GalleyDB[] = [];
let counter = 0;

/** A database of its own per test, under fake-indexeddb; `closeDatabases` deletes them all. */
export function freshDb(): GalleyDB {
  const db = new GalleyDB(`renderer-test-${++counter}`);
  opened.push(db);
  return db;
}

/**
 * A page row without its review revision, which only tells one install's memory which review is
 * current: a restored or imported page gets a revision of its own.
 */
export function withoutReviewRevision<Row extends Partial<PageRow>>(row: Row): Omit<Row, 'reviewRevision'> {
  const { reviewRevision: _revision, ...rest } = row;
  return rest;
}

/** Stores a review as the app's writers do, in a transaction with its page, whose counts follow it. */
export function storeReview(db: GalleyDB, review: ReviewRecord): Promise<string> {
  return db.transaction('rw', db.reviews, db.pages, () => db.reviews.put(review));
}

/** A fresh database holding one page, `p1`, imported with `raw` and not analysed yet. */
export async function dbWithPage(raw: string): Promise<GalleyDB> {
  const db = freshDb();
  await db.pages.put({
    id: 'p1',
    name: 'p1.txt',
    size: raw.length,
    encoding: 'utf-8',
    importedAt: 0,
    status: 'new',
    stats: null,
  });
  await db.raws.put({ id: 'p1', text: raw });
  return db;
}

/** A page reviewed on pipeline version 1: a split approved, an edit reverted, a flag dismissed, a paragraph typed. */
export async function reviewedDb(): Promise<GalleyDB> {
  const db = await dbWithPage(RAW);
  await ensureReview(db, 'p1', fixtureAnalysis);
  await commitAction(db, ['p1'], ([page]) => approveBoundary(page, 'b2'));
  await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'strip'));
  await commitAction(db, ['p1'], ([page]) => dismissFlag(page, 'f-lookalike'));
  await commitAction(db, ['p1'], ([page]) => {
    const article = cleanOf(page).articles[1];
    return editBlockText(page, article.id, article.blocks[0].id, '本报讯 广汉市向荥经县学习。');
  });
  return db;
}

/** Writes `fixture.tables` into database `name` as schema version `fixture.version` stored them, then closes it. */
export async function storeAtVersion(
  name: string,
  fixture: { version: number; tables: Record<string, unknown[]> },
): Promise<void> {
  const old = new Dexie(name);
  declareVersions(
    old,
    SCHEMA_VERSIONS.filter(({ version }) => version <= fixture.version),
  );
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

export async function closeDatabases(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}

export function fixture(name: string, as: string = name): SourceFile {
  return { name: as, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

export function textFile(name: string, text: string): SourceFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

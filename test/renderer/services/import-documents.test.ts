import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveRequest, SourceFile } from '../../../src-shared/ipc/contract';
import { setEditStatus } from '../../../src-shared/review';
import { pageStats, type GalleyDB } from '../../../src-renderer/db/schema';
import { runExport } from '../../../src-renderer/services/export';
import { importFiles } from '../../../src-renderer/services/import';
import type { ReimportChoice, ReimportConflict } from '../../../src-renderer/services/import-documents';
import { commitAction, ensureReview, travel } from '../../../src-renderer/db/reviews';
import { closeDatabases, freshDb } from '../helpers';

afterEach(closeDatabases);

const SEED = '000_72052502c9dc2eec.txt';
const EXPORTED_AT = Date.UTC(2026, 10, 24, 12);
const EDITED_AT = Date.UTC(2026, 10, 25, 9);

/** The page as a Galley JSON document, exported at `at`. */
async function exportedDocument(db: GalleyDB, id: string, at: number): Promise<SourceFile> {
  const requests: SaveRequest[] = [];
  const host = {
    saveFiles: vi.fn(
      async (request: SaveRequest) => (requests.push(request), { saved: true as const, location: 'out', count: 1 }),
    ),
  };
  await runExport(db, host, { pageIds: [id], format: 'json' }, { now: () => at });
  const [file] = requests[0].files;
  return { name: file.name, bytes: file.data };
}

/**
 * A page exported as a Galley document (never approved, so the file dates its review by the export) while still as the pipeline left it, then changed by the
 * editor (one join reverted): importing the document again would undo that work.
 */
async function editedAfterExport(): Promise<{
  db: GalleyDB;
  id: string;
  document: SourceFile;
  edited: unknown;
  reviewedAt: number;
}> {
  const db = freshDb();
  const seed = { name: SEED, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../../seeds', SEED))) };
  const [{ id }] = (await importFiles(db, [seed])).added;
  await ensureReview(db, id);
  const reviewedAt = EXPORTED_AT;
  const document = await exportedDocument(db, id, EXPORTED_AT);
  await commitAction(
    db,
    [id],
    ([page]) =>
      setEditStatus(
        page,
        page.analysis.edits.find((edit) => edit.kind === 'join' && edit.status === 'applied')!.id,
        'reverted',
      ),
    EDITED_AT,
  );
  return {
    db,
    id,
    document,
    edited: (await db.reviews.get(id))!.analysis,
    reviewedAt,
  };
}

function answering(choice: ReimportChoice) {
  return vi.fn((_conflict: ReimportConflict) => choice);
}

describe('importing a Galley document over a page the editor has changed since', () => {
  it('should keep the editor’s work when nobody decides otherwise', async () => {
    const { db, id, document, edited } = await editedAfterExport();
    const report = await importFiles(db, [document]);

    expect(report.added).toEqual([]);
    expect(report.skipped).toEqual([{ name: SEED, reason: 'already-in-library' }]);
    expect((await db.reviews.get(id))?.analysis).toEqual(edited);
    expect((await db.pages.get(id))?.status).toBe('in-review');
    expect(await db.history.count()).toBe(1);
  });

  it('should ask first, saying what differs', async () => {
    const { db, id, document, reviewedAt } = await editedAfterExport();
    const decide = answering('keep');
    await importFiles(db, [document], { decideReimport: decide });

    expect(decide).toHaveBeenCalledTimes(1);
    expect(decide.mock.calls[0][0]).toEqual({
      document: document.name,
      pageId: id,
      name: SEED,
      status: { library: 'in-review', file: 'new' },
      updatedAt: { library: EDITED_AT, file: reviewedAt },
      differing: { edits: 1, splits: 0, flags: 0 },
    });
  });

  it('should take the file’s review as one undoable step, keeping the history and the dates', async () => {
    const { db, id, document, edited, reviewedAt } = await editedAfterExport();
    const importedAt = (await db.pages.get(id))!.importedAt;
    const report = await importFiles(db, [document], { decideReimport: answering('take') });

    expect(report.added).toEqual([{ id, name: SEED }]);
    const taken = (await db.reviews.get(id))!;
    expect(taken.analysis).not.toEqual(edited);
    expect(taken.updatedAt).toBe(reviewedAt);
    expect((await db.pages.get(id))?.importedAt).toBe(importedAt);
    expect(await db.history.count()).toBe(2);

    await travel(db, id, 'undo');
    expect((await db.reviews.get(id))?.analysis).toEqual(edited);
  });

  it('should import the file as a page of its own beside the editor’s', async () => {
    const { db, id, document, edited, reviewedAt } = await editedAfterExport();
    const report = await importFiles(db, [document], { decideReimport: answering('copy') });

    expect(report.added).toEqual([{ id: `${id}-2`, name: '000_72052502c9dc2eec (2).txt' }]);
    expect((await db.reviews.get(id))?.analysis).toEqual(edited);
    expect((await db.raws.get(`${id}-2`))?.text).toBe((await db.raws.get(id))?.text);
    expect((await db.reviews.get(`${id}-2`))?.updatedAt).toBe(reviewedAt);
    expect((await db.pages.get(`${id}-2`))?.stats).toEqual(pageStats((await db.reviews.get(`${id}-2`))!.analysis));
    expect(await db.history.count()).toBe(1);
  });

  it('should not ask about a page whose review is the file’s already', async () => {
    const { db, document } = await editedAfterExport();
    await importFiles(db, [document], { decideReimport: answering('take') });
    const decide = answering('take');

    const report = await importFiles(db, [document], { decideReimport: decide });

    expect(decide).not.toHaveBeenCalled();
    expect(report.skipped).toEqual([{ name: SEED, reason: 'already-in-library' }]);
  });
});

describe('importing a reviewed page from a Galley document', () => {
  it('should keep the review’s decisions, so that a re-analysis replays them', async () => {
    const { db, id } = await editedAfterExport();
    const document = await exportedDocument(db, id, EDITED_AT);
    const elsewhere = freshDb();

    await importFiles(elsewhere, [document]);

    const decisions = await elsewhere.decisions.where('pageId').equals(id).toArray();
    expect(decisions.map((decision) => decision.action)).toEqual([
      expect.objectContaining({ type: 'edit-status', rule: expect.stringMatching(/^join\./), status: 'reverted' }),
    ]);
  });
});

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOCUMENT_SCHEMA_VERSION } from '../../src-shared/export';
import type { SaveRequest, SaveResult, SourceFile } from '../../src-shared/ipc/contract';
import { setEditStatus } from '../../src-shared/review';
import type { GalleyDB, PageRow } from '../../src-renderer/db/schema';
import { loadExportable, runExport, summarize } from '../../src-renderer/services/export';
import { importFiles } from '../../src-renderer/services/import';
import { commitAction, ensureReview } from '../../src-renderer/db/reviews';
import { closeDatabases, freshDb, withoutReviewRevision } from './helpers';

afterEach(closeDatabases);

const SEEDS = join(import.meta.dirname, '../../seeds');
const SEED_NAMES = ['000_72052502c9dc2eec.txt', '001_f633f705ac59ae29.txt'];
const AT = Date.UTC(2026, 10, 24, 12);

function seed(name: string): SourceFile {
  return { name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) };
}

/** A library with the seeds imported and analysed, as the desk leaves them. */
async function library(names: readonly string[] = SEED_NAMES): Promise<{ db: GalleyDB; ids: string[] }> {
  const db = freshDb();
  const report = await importFiles(db, names.map(seed));
  const ids = report.added.map(({ id }) => id);
  for (const id of ids) await ensureReview(db, id);
  return { db, ids };
}

/** A host whose save dialog answers `result`, keeping what it was asked to save. */
function host(result: SaveResult | Error = { saved: true, location: 'out', count: 1 }) {
  const requests: SaveRequest[] = [];
  const saveFiles = vi.fn(async (request: SaveRequest) => {
    requests.push(request);
    if (result instanceof Error) throw result;
    return result;
  });
  return { saveFiles, requests };
}

/** Every row of every table: a refused import or export must leave this exactly as it was. */
async function dump(db: GalleyDB): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const)),
  );
}

async function revertFirstJoin(db: GalleyDB, pageId: string): Promise<void> {
  const review = await db.reviews.get(pageId);
  const join = review!.analysis.edits.find((edit) => edit.kind === 'join' && edit.status === 'applied');
  await commitAction(db, [pageId], ([page]) => setEditStatus(page, join!.id, 'reverted'));
}

describe('runExport', () => {
  it('should record the export apart from the review state and store the manifests once the host saved the files', async () => {
    const { db, ids } = await library();
    const saved = host({ saved: true, location: 'export.zip', count: 3 });
    const outcome = await runExport(db, saved, { pageIds: ids, format: 'txt' }, { now: () => AT });

    expect(outcome).toMatchObject({ saved: true, location: 'export.zip', files: 3 });
    expect(saved.requests[0].suggestedName).toBe('galley-export-2026-11-24-txt');
    expect(saved.requests[0].files.map((file) => file.name)).toEqual([
      '000_72052502c9dc2eec.clean.txt',
      '001_f633f705ac59ae29.clean.txt',
      'report.md',
    ]);
    for (const id of ids) {
      expect(await db.pages.get(id)).toMatchObject({ status: 'new', exported: { at: AT, formats: ['txt'] } });
      const manifest = await db.exports.get([id, 'txt']);
      expect(manifest).toMatchObject({ pageId: id, format: 'txt', exportedAt: AT });
      expect(manifest?.articles.length).toBeGreaterThan(1);
    }
  });

  it('should name the approver and the date of approval in the export, and only for an approved page', async () => {
    const { db, ids } = await library();
    await db.pages.update(ids[0], { status: 'approved', approval: { by: '王编辑', at: AT - 1000 } });
    const saved = host({ saved: true, location: 'out', count: 2 });
    await runExport(db, saved, { pageIds: [ids[0]], format: 'tei' }, { now: () => AT });
    await runExport(db, saved, { pageIds: [ids[1]], format: 'tei' }, { now: () => AT });
    const [approved, unreviewed] = saved.requests.map((request) => new TextDecoder().decode(request.files[0].data));
    expect(approved).toContain('<name>王编辑</name>');
    expect(approved).toContain(`<change when="${new Date(AT - 1000).toISOString()}" status="approved"`);
    expect(approved).not.toContain('not reviewed');
    expect(unreviewed).toContain('not reviewed');
    expect((await db.pages.get(ids[0]))?.status).toBe('approved');
  });

  it('should change nothing when the user closes the save dialog', async () => {
    const { db, ids } = await library();
    const before = await dump(db);
    const outcome = await runExport(db, host({ saved: false }), { pageIds: ids, format: 'tei' }, { now: () => AT });
    expect(outcome.saved).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  it('should change nothing when writing the files fails', async () => {
    const { db, ids } = await library();
    const before = await dump(db);
    await expect(runExport(db, host(new Error('disk full')), { pageIds: ids, format: 'md' })).rejects.toThrow(
      'disk full',
    );
    expect(await dump(db)).toEqual(before);
  });

  it('should stop between pages when cancelled, without asking the host to save', async () => {
    const { db, ids } = await library();
    const before = await dump(db);
    const controller = new AbortController();
    const saving = host();
    const run = runExport(
      db,
      saving,
      { pageIds: ids, format: 'docx' },
      {
        signal: controller.signal,
        onProgress: ({ phase, done }) => phase === 'writing' && done === 1 && controller.abort(),
      },
    );
    await expect(run).rejects.toThrow();
    expect(saving.saveFiles).not.toHaveBeenCalled();
    expect(await dump(db)).toEqual(before);
  });

  it('should say which article changed when a page is exported again after an edit', async () => {
    const { db, ids } = await library(SEED_NAMES.slice(0, 1));
    const first = await runExport(db, host(), { pageIds: ids, format: 'tei' }, { now: () => AT });
    expect(first.pages[0].changes.firstExport).toBe(true);

    const unchanged = await summarize(db, await loadExportable(db, ids), 'md', AT + 1);
    expect(unchanged[0].changes).toMatchObject({ firstExport: false, added: [], changed: [], removed: [] });
    expect(unchanged[0].lastExportedAt).toBe(AT);

    await revertFirstJoin(db, ids[0]);
    const again = await runExport(db, host(), { pageIds: ids, format: 'tei' }, { now: () => AT + 60_000 });
    expect(again.pages[0].changes.changed).toHaveLength(1);
    expect(again.pages[0].changes.added).toEqual([]);
    const [summary] = await summarize(db, await loadExportable(db, ids), 'tei', AT + 60_000);
    expect(summary.report.edits.total.reverted).toBe(1);
    expect(summary.changes).toMatchObject({ added: [], changed: [], removed: [] });
    expect((await db.exports.get([ids[0], 'tei']))?.exportedAt).toBe(AT + 60_000);
  });
});

describe('importing a Galley JSON document', () => {
  async function exportedDocument(): Promise<{ db: GalleyDB; id: string; document: SourceFile }> {
    const { db, ids } = await library(SEED_NAMES.slice(0, 1));
    await revertFirstJoin(db, ids[0]);
    const saved = host();
    await runExport(db, saved, { pageIds: ids, format: 'json' }, { now: () => AT });
    const [file] = saved.requests[0].files;
    return { db, id: ids[0], document: { name: file.name, bytes: file.data } };
  }

  it('should restore the page exactly: record, status and review, so exporting it again gives the same bytes', async () => {
    const { db, id, document } = await exportedDocument();
    const target = freshDb();
    const report = await importFiles(target, [document]);
    expect(report.added).toEqual([{ id, name: SEED_NAMES[0] }]);
    expect(report.failed).toEqual([]);

    const [original] = await loadExportable(db, [id]);
    const [restored] = await loadExportable(target, [id]);
    // When this library exported and changed the page is its own history, not the document's.
    const { exported: _exported, changedAt: _changedAt, ...record } = original.page as typeof original.page & PageRow;
    expect({ ...restored, page: withoutReviewRevision(restored.page) }).toEqual({
      ...original,
      page: { ...withoutReviewRevision(record), status: 'in-review' },
    });
    expect((await target.pages.get(id))?.stats).toEqual((await db.pages.get(id))?.stats);

    const again = host();
    await runExport(target, again, { pageIds: [id], format: 'json' }, { now: () => AT });
    expect(again.requests[0].files[0].data).toEqual(document.bytes);
  });

  const refusals: Array<{ name: string; damage: (text: string) => string; reason: RegExp; problem: string }> = [
    {
      name: 'truncated.json',
      damage: (text) => text.slice(0, text.length / 2),
      reason: /truncated/,
      problem: 'document-truncated',
    },
    {
      name: 'newer.json',
      damage: (text) =>
        text.replace(`"schemaVersion": ${DOCUMENT_SCHEMA_VERSION}`, `"schemaVersion": ${DOCUMENT_SCHEMA_VERSION + 1}`),
      reason: /newer Galley/,
      problem: 'document-newer',
    },
    {
      name: 'other.json',
      damage: () => '{"name": "package", "version": "1.0.0"}',
      reason: /not a Galley document/,
      problem: 'document-not-galley',
    },
    {
      name: 'offsets.json',
      damage: (text) => text.replace(/"end": \d+/, '"end": 99999999'),
      reason: /outside the raw text/,
      problem: 'document-damaged',
    },
  ];
  for (const { name, damage, reason, problem } of refusals) {
    it(`should refuse ${name} by name and reason and leave the library untouched`, async () => {
      const { db, document } = await exportedDocument();
      const before = await dump(db);
      const text = damage(new TextDecoder().decode(document.bytes));
      const report = await importFiles(db, [{ name, bytes: new TextEncoder().encode(text) }]);
      expect(report.added).toEqual([]);
      expect(report.failed).toEqual([
        {
          name,
          reason: expect.stringMatching(reason),
          stage: 'read',
          problem: expect.objectContaining({ key: problem }),
        },
      ]);
      expect(await dump(db)).toEqual(before);
    });
  }

  it('should refuse a document whose raw text differs from the stored page with the same id', async () => {
    const { db, document } = await exportedDocument();
    const before = await dump(db);
    const text = new TextDecoder().decode(document.bytes).replace(/"raw": "(.)/, '"raw": "X$1');
    const report = await importFiles(db, [{ name: 'edited.json', bytes: new TextEncoder().encode(text) }]);
    expect(report.failed).toEqual([
      {
        name: 'edited.json',
        reason: expect.stringMatching(/raw text .* differs/),
        stage: 'read',
        problem: { key: 'document-raw-differs', page: expect.any(String) },
      },
    ]);
    expect(await dump(db)).toEqual(before);
  });
});

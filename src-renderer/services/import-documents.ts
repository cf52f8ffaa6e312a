import { exportablePages, ImportFormatError, parseDocumentJson } from '../../src-shared/export';
import type { ExportablePage } from '../../src-shared/export/types';
import type { SourceFile } from '../../src-shared/ipc/contract';
import { decodePage, DecodeError } from '../../src-shared/pipeline/decode';
import { pageStats, type GalleyDB } from '../db/schema';
import type { DeskHistory } from '../views/desk/persist';
import type { ImportReport } from './import';

/** A Galley JSON document: pages with their review state, to be restored as they were exported. */
export interface ReadDocument {
  name: string;
  pages: ExportablePage[];
  exportedAt: number;
}

/** Parses each file; one that is cut off, newer, damaged or not a document is reported by name and reason. */
export function readDocuments(files: readonly SourceFile[], report: ImportReport): ReadDocument[] {
  const documents: ReadDocument[] = [];
  for (const file of files) {
    try {
      const document = parseDocumentJson(decodePage(file.bytes, file.name).text);
      documents.push({ name: file.name, pages: exportablePages(document), exportedAt: document.exportedAt });
    } catch (error) {
      if (!(error instanceof DecodeError || error instanceof ImportFormatError)) throw error;
      report.failed.push({ name: file.name, reason: error.reason, stage: 'read' });
    }
  }
  return documents;
}

/**
 * Each document's pages replace the stored ones with the same id (record, status, review) or are
 * added; one transaction for all. A document whose raw text differs from the stored text of the
 * same page is refused whole: raw text is never rewritten.
 */
export async function storeDocuments(db: GalleyDB, documents: readonly ReadDocument[], report: ImportReport): Promise<void> {
  if (documents.length === 0) return;
  const restored: ImportReport['added'] = [];
  const refused: ImportReport['failed'] = [];
  await db.transaction('rw', [db.pages, db.raws, db.reviews, db.tombstones, db.history], async () => {
    restored.length = 0;
    refused.length = 0;
    for (const document of documents) {
      const stored = await db.raws.bulkGet(document.pages.map(({ page }) => page.id));
      const clash = document.pages.find(({ page }, i) => stored[i] !== undefined && stored[i].text !== page.raw);
      if (clash) {
        refused.push({ name: document.name, reason: `the raw text of ${clash.page.name} differs from the stored page with the same id`, stage: 'read' });
        continue;
      }
      for (const [i, { page, analysis, reviewedAt }] of document.pages.entries()) {
        const { raw, ...record } = page;
        await db.pages.put({ ...record, stats: pageStats(analysis) });
        if (!stored[i]) await db.raws.add({ id: page.id, text: raw });
        await db.reviews.put({ pageId: page.id, analysis, updatedAt: reviewedAt ?? document.exportedAt });
        await db.tombstones.delete(page.id);
        restored.push({ id: page.id, name: page.name });
      }
    }
    // Undo steps recorded against the replaced reviews would no longer apply to them.
    const ids = new Set(restored.map(({ id }) => id));
    const stale = await db.history.filter((row) => (row.entry as Partial<DeskHistory>).pages?.some((id) => ids.has(id)) ?? false).primaryKeys();
    await db.history.bulkDelete(stale);
  });
  report.added.push(...restored);
  report.failed.push(...refused);
}

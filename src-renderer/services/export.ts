import { exportBatch, exportPage } from '../../src-shared/export/batch';
import {
  describeChanges,
  exportManifest,
  type ExportChanges,
  type ExportManifest,
} from '../../src-shared/export/manifest';
import { changeReport, type ChangeReport } from '../../src-shared/export/report';
import { safeFileName, stem } from '../../src-shared/export/text-utils';
import type { ExportablePage, ExportFormat, ExportOptions } from '../../src-shared/export/types';
import type { GalleyApi, OutputFile } from '../../src-shared/ipc/contract';
import { materialize } from '../../src-shared/model';
import type { GalleyDB, PageRow } from '../db/schema';
import { ensureReview } from '../db/reviews';

/**
 * Stored pages → files handed to the host (a folder in Electron, a download on the web). A page
 * counts as exported, and its manifest is stored, only once the host says the files were saved:
 * a cancelled dialog or a failed write leaves every page as it was.
 */

export interface ExportRequest {
  pageIds: readonly string[];
  format: ExportFormat;
  markdownLayout?: ExportOptions['markdownLayout'];
}

export type ExportPhase = 'reading' | 'writing' | 'saving';

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  total: number;
}

/** What an export of one page changes against its most recent export in any format (article content does not depend on the format). */
export interface PageChanges {
  pageId: string;
  name: string;
  changes: ExportChanges;
  /** When the export `changes` compares against was made; null before the first. */
  lastExportedAt: number | null;
}

/** One page as the export dialog and the change report show it. */
export interface PageSummary extends PageChanges {
  report: ChangeReport;
}

export type ExportOutcome =
  | { saved: true; location: string; files: number; pages: PageChanges[] }
  /** The user closed the save dialog: nothing was written, nothing changed. */
  | { saved: false; pages: PageChanges[] };

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  now?: () => number;
}

/** Pages read per transaction while preparing a batch; progress is reported after each. */
const READ_CHUNK = 100;

export class ExportError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ExportError';
  }
}

/**
 * The pages as exporters take them: record, raw text, review and clean articles. A page never
 * opened is analysed first, exactly as opening it in the desk would.
 */
export async function loadExportable(
  db: GalleyDB,
  pageIds: readonly string[],
  options: Omit<RunOptions, 'now'> = {},
): Promise<ExportablePage[]> {
  const { signal, onProgress } = options;
  const pages: ExportablePage[] = [];
  for (let from = 0; from < pageIds.length; from += READ_CHUNK) {
    signal?.throwIfAborted();
    const ids = pageIds.slice(from, from + READ_CHUNK);
    const [rows, raws, reviews] = await Promise.all([
      db.pages.bulkGet(ids),
      db.raws.bulkGet(ids),
      db.reviews.bulkGet(ids),
    ]);
    for (const [index, id] of ids.entries()) {
      const row = rows[index];
      const raw = raws[index];
      if (!row || !raw) throw new ExportError(`page ${id} is no longer in the library`);
      const review = reviews[index] ?? (await ensureReview(db, id));
      if (!review) throw new ExportError(`${row.name} has no review to export`);
      // The row's cached stats ride along; the exporters pick the record's own fields.
      pages.push({
        page: { ...row, raw: raw.text },
        analysis: review.analysis,
        clean: materialize(raw.text, review.analysis),
        ...signOff(row),
      });
    }
    onProgress?.({ phase: 'reading', done: pages.length, total: pageIds.length });
    // Let the progress paint between chunks of a large batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return pages;
}

/** Who approved the page and when, as the exporters name it; nothing for a page not approved. */
export function signOff(row: PageRow): Pick<ExportablePage, 'reviewer' | 'reviewedAt'> {
  if (row.status !== 'approved') return {};
  if (!row.approval) return { reviewer: UNNAMED_REVIEWER };
  return { reviewer: row.approval.by || UNNAMED_REVIEWER, reviewedAt: row.approval.at };
}

/** Approved before an editor name was set (or before Galley recorded who approved). */
export const UNNAMED_REVIEWER = 'unnamed editor';

/** The latest manifest of each page, whatever the format it was exported in. */
export async function latestManifests(db: GalleyDB, pageIds: readonly string[]): Promise<Map<string, ExportManifest>> {
  const rows = await db.exports
    .where('pageId')
    .anyOf([...pageIds])
    .toArray();
  const latest = new Map<string, ExportManifest>();
  for (const row of rows) {
    const known = latest.get(row.pageId);
    if (!known || row.exportedAt > known.exportedAt) latest.set(row.pageId, row);
  }
  return latest;
}

/** "What changed since the last export" for pages as they are now. */
export async function changesSinceExport(
  db: GalleyDB,
  pages: readonly ExportablePage[],
  format: ExportFormat,
  at: number,
): Promise<PageChanges[]> {
  const previous = await latestManifests(
    db,
    pages.map(({ page }) => page.id),
  );
  return pages.map((page) => {
    const last = previous.get(page.page.id);
    return {
      pageId: page.page.id,
      name: page.page.name,
      changes: describeChanges(last, exportManifest(page, format, at)),
      lastExportedAt: last?.exportedAt ?? null,
    };
  });
}

/**
 * The change report too, for the few pages a dialog shows. It costs a Levenshtein distance over
 * the page, so a batch leaves it to the exporter's report.md.
 */
export async function summarize(
  db: GalleyDB,
  pages: readonly ExportablePage[],
  format: ExportFormat,
  at: number,
): Promise<PageSummary[]> {
  const changes = await changesSinceExport(db, pages, format, at);
  return changes.map((page, index) => ({ ...page, report: changeReport(pages[index]) }));
}

/** Reads, exports and saves; then, and only then, stores the manifests and records the export (never the review state). */
export async function runExport(
  db: GalleyDB,
  host: Pick<GalleyApi, 'saveFiles'>,
  request: ExportRequest,
  options: RunOptions = {},
): Promise<ExportOutcome> {
  const { signal, onProgress, now = Date.now } = options;
  if (request.pageIds.length === 0) throw new ExportError('no pages to export');
  const pages = await loadExportable(db, request.pageIds, { signal, onProgress });
  const exportedAt = now();
  const exportOptions: ExportOptions = {
    exportedAt,
    ...(request.markdownLayout ? { markdownLayout: request.markdownLayout } : {}),
  };
  const summaries = await changesSinceExport(db, pages, request.format, exportedAt);
  const files = await exportFiles(pages, request.format, exportOptions, { signal, onProgress });

  signal?.throwIfAborted();
  onProgress?.({ phase: 'saving', done: 0, total: files.length });
  const result = await host.saveFiles({ suggestedName: suggestedName(pages, request.format, exportedAt), files });
  if (!result.saved) return { saved: false, pages: summaries };

  // The files are out: past this point the export is not cancellable, only recorded.
  await recordExport(db, pages, request.format, exportedAt);
  onProgress?.({ phase: 'saving', done: files.length, total: files.length });
  return { saved: true, location: result.location, files: result.count, pages: summaries };
}

/** Once the host saved the files: each page's manifest, and its export state (when, in which formats). */
export async function recordExport(
  db: GalleyDB,
  pages: readonly ExportablePage[],
  format: ExportFormat,
  exportedAt: number,
): Promise<void> {
  await db.transaction('rw', db.pages, db.exports, async () => {
    await db.exports.bulkPut(pages.map((page) => exportManifest(page, format, exportedAt)));
    const rows = await db.pages.bulkGet(pages.map(({ page }) => page.id));
    for (const row of rows) {
      if (!row) continue;
      const formats = [...new Set([...(row.exported?.formats ?? []), format])].sort();
      await db.pages.update(row.id, { exported: { at: exportedAt, formats } });
    }
  });
}

function exportFiles(
  pages: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  run: Omit<RunOptions, 'now'>,
): Promise<OutputFile[]> {
  if (pages.length === 1) return exportPage(pages[0], format, options);
  return exportBatch(pages, format, options, {
    signal: run.signal,
    onPage: async (done, total) => {
      run.onProgress?.({ phase: 'writing', done, total });
      if (done % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
}

/** A page keeps its source's name; a batch is named by date and format (the zip name on the web). */
export function suggestedName(pages: readonly ExportablePage[], format: ExportFormat, at: number): string {
  if (pages.length === 1) return safeFileName(stem(pages[0].page.name), 'page');
  return `galley-export-${new Date(at).toISOString().slice(0, 10)}-${format}`;
}

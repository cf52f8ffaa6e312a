import type { SourceFile } from '../../src-shared/ipc/contract';
import { contentHash, decodePage, DecodeError, hasNoText, type DecodeProblem } from '../../src-shared/pipeline/decode';
import type { DocumentProblem } from '../../src-shared/export';
import type { GalleyDB, PageRow, RawRow } from '../db/schema';
import type { DecideReimport } from './import-documents';
import { errorText } from '../error-text';

export interface ImportProgress {
  done: number;
  total: number;
  /** The file being read now; null between batches and at the end. */
  current: string | null;
  pagesPerSecond: number;
  /** null until the rate is known. */
  secondsLeft: number | null;
}

export type SkipReason = 'already-in-library' | 'deleted-earlier';

/**
 * Why a file could not be read, for the notice to say in the interface language: as a page (the
 * decoder's), as a Galley document (the parser's), or a document page whose text is not the text
 * stored under its id.
 */
export type ReadProblem = DecodeProblem | DocumentProblem | { key: 'document-raw-differs'; page: string };

export interface ImportReport {
  /** Pages stored by this import; a Galley document (.json) may replace a stored page's review (see import-documents). */
  added: Array<{ id: string; name: string }>;
  /** Not an error: the page is stored already, or the user deleted it (and did not ask to bring it back). */
  skipped: Array<{ name: string; reason: SkipReason }>;
  /** Stored by this import, but the file held no text (empty or whitespace only), so the page has no articles. */
  empty: Array<{ id: string; name: string }>;
  /** `read`: the file is not a text page (reason from the host or the decoder); `save`: its batch could not be stored. */
  /** `problem`: the reason as data where the reader gave one, so the notice can say it in the interface's language. */
  failed: Array<{ name: string; reason: string; stage: 'read' | 'save'; problem?: ReadProblem }>;
  /** True when the signal aborted the import; every batch stored before that is complete. */
  cancelled: boolean;
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Files per transaction: a cancelled or failed import loses at most one batch, never half of one. */
  batchSize?: number;
  now?: () => number;
  /** Asked for each page of a Galley document that would replace reviewed work; without it the library's review is kept. */
  decideReimport?: DecideReimport;
  /** The editor chose "import anyway": pages deleted earlier are stored again and their deletion forgotten. */
  bringBackDeleted?: boolean;
}

interface Prepared {
  page: PageRow;
  raw: RawRow;
}

/** Files per transaction unless told otherwise; the benchmark's floor writes in the same units. */
export const IMPORT_BATCH_SIZE = 100;

/**
 * Source files → stored pages. Each file is decoded exactly as it will be stored, hashed into its
 * id, and written with its raw text in one transaction per batch, so the database never holds a
 * page without its text. Bad files are reported by name and reason; the rest are still imported.
 */
export async function importFiles(
  db: GalleyDB,
  files: readonly SourceFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const {
    signal,
    onProgress,
    batchSize = IMPORT_BATCH_SIZE,
    now = Date.now,
    decideReimport,
    bringBackDeleted = false,
  } = options;
  const report: ImportReport = { added: [], skipped: [], empty: [], failed: [], cancelled: false };
  const started = now();
  let done = 0;
  const progress = (current: string | null) => {
    const seconds = (now() - started) / 1000;
    const pagesPerSecond = seconds > 0 ? done / seconds : 0;
    const secondsLeft = pagesPerSecond > 0 ? (files.length - done) / pagesPerSecond : null;
    onProgress?.({ done, total: files.length, current, pagesPerSecond, secondsLeft });
  };

  progress(null);
  for (let from = 0; from < files.length; from += batchSize) {
    if (signal?.aborted) break;
    const batch = files.slice(from, from + batchSize);
    const prepared: Prepared[] = [];
    const documents: SourceFile[] = [];
    for (const file of batch) {
      progress(file.name);
      if (file.refused !== undefined)
        report.failed.push({
          name: file.name,
          reason: file.refused,
          stage: 'read',
          ...(file.refusal ? { problem: file.refusal } : {}),
        });
      else if (isDocumentFile(file.name)) documents.push(file);
      else {
        const result = await prepare(file, now());
        if ('reason' in result) report.failed.push(result);
        else prepared.push(result);
      }
      done++;
    }
    if (signal?.aborted) break;
    const stored =
      (await storing(
        () => storeBatch(db, prepared, report, bringBackDeleted),
        prepared.map(({ page }) => page.name),
        report,
      )) && (await restoreDocuments(db, documents, report, decideReimport));
    if (!stored) break;
    progress(null);
  }
  report.cancelled = signal?.aborted ?? false;
  return report;
}

/** Galley's JSON export: restored, not read as a text page. */
function isDocumentFile(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}

/** The document parser and its schema load only when a document is imported, never for text pages. */
async function restoreDocuments(
  db: GalleyDB,
  files: readonly SourceFile[],
  report: ImportReport,
  decide?: DecideReimport,
): Promise<boolean> {
  if (files.length === 0) return true;
  const { readDocuments, storeDocuments } = await import('./import-documents');
  const documents = readDocuments(files, report);
  return storing(
    () => storeDocuments(db, documents, report, decide),
    documents.map(({ name }) => name),
    report,
  );
}

/** Runs one transaction; if it fails, nothing of it was written and its files are reported unsaved. */
async function storing(write: () => Promise<void>, names: readonly string[], report: ImportReport): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    // Later batches would fail alike, so the import stops here.
    const reason = errorText(error);
    for (const name of names) report.failed.push({ name, reason, stage: 'save' });
    return false;
  }
}

/** A page file's rows as the import stores them; a DecodeError when the bytes are not a page. */
export async function importRows(file: Pick<SourceFile, 'name' | 'bytes'>, importedAt: number): Promise<Prepared> {
  const { text, encoding } = decodePage(file.bytes, file.name);
  const id = await contentHash(file.bytes);
  return {
    page: { id, name: file.name, size: file.bytes.length, encoding, importedAt, status: 'new', stats: null },
    raw: { id, text },
  };
}

async function prepare(file: SourceFile, importedAt: number): Promise<Prepared | ImportReport['failed'][number]> {
  try {
    return await importRows(file, importedAt);
  } catch (error) {
    if (error instanceof DecodeError)
      return {
        name: file.name,
        reason: error.reason,
        stage: 'read',
        ...(error.problem ? { problem: error.problem } : {}),
      };
    throw error;
  }
}

async function storeBatch(
  db: GalleyDB,
  prepared: readonly Prepared[],
  report: ImportReport,
  bringBackDeleted: boolean,
): Promise<void> {
  const added: Array<{ id: string; name: string }> = [];
  const skipped: ImportReport['skipped'] = [];
  const empty: ImportReport['empty'] = [];
  await db.transaction('rw', db.pages, db.raws, db.tombstones, async () => {
    added.length = 0;
    skipped.length = 0;
    const ids = prepared.map(({ page }) => page.id);
    const [stored, deleted] = await Promise.all([db.pages.bulkGet(ids), db.tombstones.bulkGet(ids)]);
    const fresh: Prepared[] = [];
    const seen = new Set<string>();
    prepared.forEach((item, i) => {
      if (deleted[i] && !bringBackDeleted) skipped.push({ name: item.page.name, reason: 'deleted-earlier' });
      else if (stored[i] || seen.has(item.page.id))
        skipped.push({ name: item.page.name, reason: 'already-in-library' });
      else {
        seen.add(item.page.id);
        fresh.push(item);
      }
    });
    await db.pages.bulkAdd(fresh.map(({ page }) => page));
    await db.raws.bulkAdd(fresh.map(({ raw }) => raw));
    // In the same transaction as the page, so a page is never back while its tombstone still says deleted.
    if (bringBackDeleted) await db.tombstones.bulkDelete(fresh.map(({ page }) => page.id));
    for (const { page } of fresh) added.push({ id: page.id, name: page.name });
    empty.length = 0;
    for (const { page, raw } of fresh) if (hasNoText(raw.text)) empty.push({ id: page.id, name: page.name });
  });
  // Only a committed transaction counts: a retry inside Dexie would otherwise report twice.
  report.added.push(...added);
  report.empty.push(...empty);
  report.skipped.push(...skipped);
}

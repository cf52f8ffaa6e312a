import type { SourceFile } from '../src-shared/ipc/contract';
import { galley } from './bridge';
import { db } from './db/db';
import { deletePage } from './services/library';
import { importFiles, type ImportReport } from './services/import';
import { loadSeedsOnce } from './services/seeds';
import { askToDelete, selectPage, setImportProgress, useLibrary } from './store/library';
import { pushNotice, type Notice } from './store/ui';

/** Intents the views dispatch: each runs a service and reports through the stores. */

let running: AbortController | null = null;

async function withProgress(
  run: (signal: AbortSignal) => Promise<ImportReport | null>,
  announceAdded: boolean,
): Promise<void> {
  if (running) {
    pushNotice({ tone: 'info', key: 'library:notice.busy' });
    return;
  }
  const controller = new AbortController();
  running = controller;
  try {
    const report = await run(controller.signal);
    if (report) for (const notice of noticesFor(report, announceAdded)) pushNotice(notice);
  } catch (error) {
    pushNotice({ tone: 'error', key: 'library:notice.importCrashed', values: { reason: error instanceof Error ? error.message : String(error) } });
  } finally {
    running = null;
    setImportProgress(null);
  }
}

export function importSourceFiles(files: SourceFile[]): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  return withProgress((signal) => importFiles(db, files, { signal, onProgress: setImportProgress }), true);
}

export async function pickAndImport(): Promise<void> {
  await importSourceFiles(await galley.openFiles());
}

/** The first start's seed pages simply appear in the list; only problems are announced. */
export function loadSeeds(): Promise<void> {
  return withProgress((signal) => loadSeedsOnce(db, galley, { signal, onProgress: setImportProgress }), false);
}

export function cancelImport(): void {
  running?.abort();
}

/** Deletes the page awaiting confirmation; the cursor moves to `nextSelection` (the row after it). */
export async function confirmDelete(nextSelection: string | null): Promise<void> {
  const id = useLibrary.getState().confirmDeleteId;
  askToDelete(null);
  if (!id) return;
  await deletePage(db, id);
  if (useLibrary.getState().selectedId === id) selectPage(nextSelection);
}

const LISTED_FILES = 20;

function fileLines(entries: ReadonlyArray<{ name: string; reason?: string }>): string[] {
  const lines = entries.slice(0, LISTED_FILES).map(({ name, reason }) => (reason ? `${name}: ${reason}` : name));
  if (entries.length > LISTED_FILES) lines.push(`… +${entries.length - LISTED_FILES}`);
  return lines;
}

/** What the user is told after an import; errors name every file (up to a readable number). */
export function noticesFor(report: ImportReport, announceAdded = true): Omit<Notice, 'id'>[] {
  const notices: Omit<Notice, 'id'>[] = [];
  const unreadable = report.failed.filter((failure) => failure.stage === 'read');
  const unsaved = report.failed.filter((failure) => failure.stage === 'save');
  const duplicate = report.skipped.filter((skip) => skip.reason === 'already-in-library');
  const deleted = report.skipped.filter((skip) => skip.reason === 'deleted-earlier');
  if (unreadable.length > 0) {
    notices.push({ tone: 'error', key: 'library:notice.unreadable', values: { count: unreadable.length }, details: fileLines(unreadable) });
  }
  if (unsaved.length > 0) {
    notices.push({ tone: 'error', key: 'library:notice.unsaved', values: { count: unsaved.length }, details: fileLines(unsaved) });
  }
  if (announceAdded && report.added.length > 0) notices.push({ tone: 'info', key: 'library:notice.added', values: { count: report.added.length } });
  if (duplicate.length > 0) notices.push({ tone: 'info', key: 'library:notice.duplicate', values: { count: duplicate.length }, details: fileLines(duplicate) });
  if (deleted.length > 0) notices.push({ tone: 'info', key: 'library:notice.deleted', values: { count: deleted.length }, details: fileLines(deleted) });
  if (report.cancelled) notices.push({ tone: 'info', key: 'library:notice.cancelled', values: { count: report.added.length } });
  return notices;
}

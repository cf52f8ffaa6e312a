import type { SourceFile } from '../src-shared/ipc/contract';
import { galley } from './bridge';
import { db } from './db/db';
import { deletePage } from './services/library';
import { importFiles, type ImportReport } from './services/import';
import { noticesFor } from './services/import-notices';
import { loadSeedsOnce } from './services/seeds';
import { askToDelete, selectPage, setImportProgress, useLibrary } from './store/library';
import { pushFailure, pushNotice } from './store/ui';
import { askReimport } from './views/library/ReimportDialog';
import { offerGrouping } from './views/library/issues/commands';

/** Intents the views dispatch: each runs a service and reports through the stores. */

let running: AbortController | null = null;

async function runImport(
  run: (signal: AbortSignal) => Promise<ImportReport | null>,
  announceAdded: boolean,
  importAnyway?: (names: string[]) => void,
): Promise<void> {
  if (running) {
    pushNotice({ tone: 'info', key: 'library:notice.busy' });
    return;
  }
  const controller = new AbortController();
  running = controller;
  try {
    const report = await run(controller.signal);
    if (report) for (const notice of noticesFor(report, announceAdded, importAnyway)) pushNotice(notice);
  } catch (error) {
    pushFailure('library:notice.importCrashed', error);
  } finally {
    running = null;
    setImportProgress(null);
  }
}

/**
 * Imports the files, then shows the issues their folders and names point to, for the editor to
 * confirm. Files deleted earlier are skipped, with an offer to import them anyway.
 */
export async function importSourceFiles(files: SourceFile[], bringBackDeleted = false): Promise<void> {
  if (files.length === 0) return;
  const importAnyway = (names: string[]) =>
    void importSourceFiles(
      files.filter((file) => names.includes(file.name)),
      true,
    );
  await runImport(
    (signal) =>
      importFiles(db, files, { signal, onProgress: setImportProgress, decideReimport: askReimport, bringBackDeleted }),
    true,
    importAnyway,
  );
  await offerGrouping(files);
}

export async function pickAndImport(): Promise<void> {
  let files: SourceFile[];
  try {
    files = await galley.openFiles();
  } catch (error) {
    pushFailure('library:notice.importCrashed', error);
    return;
  }
  await importSourceFiles(files);
}

/** The first start's seed pages simply appear in the list; only problems are announced. */
export function loadSeeds(): Promise<void> {
  return runImport((signal) => loadSeedsOnce(db, galley, { signal, onProgress: setImportProgress }), false);
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

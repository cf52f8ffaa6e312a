import type { MenuCommand } from '../../../src-shared/ipc/contract';
import { runExport, type ExportRequest } from '../../services/export';
import { galley } from '../../bridge';
import { db } from '../../db/db';
import { errorText } from '../../error-text';
import { finishExport, openExportDialog, setExportProgress } from '../../store/export';
import { openLibrary, useUi } from '../../store/ui';

/** Intents of the export dialog: one export at a time, cancellable until the files are handed over. */

let running: AbortController | null = null;

export async function startExport(request: ExportRequest): Promise<void> {
  if (running) return;
  const controller = new AbortController();
  running = controller;
  setExportProgress({ phase: 'reading', done: 0, total: request.pageIds.length });
  try {
    const outcome = await runExport(db, galley, request, { signal: controller.signal, onProgress: setExportProgress });
    finishExport({ kind: 'done', outcome });
  } catch (error) {
    if (controller.signal.aborted) finishExport({ kind: 'cancelled' });
    else finishExport({ kind: 'failed', reason: errorText(error) });
  } finally {
    running = null;
  }
}

export function cancelExport(): void {
  running?.abort();
}

/** The File menu's "Export page…" (on the desk only) and "Export approved…" (opens the library's dialog). */
export function exportFromMenu(command: Extract<MenuCommand, 'export-page' | 'export-approved'>): void {
  const { route } = useUi.getState();
  if (command === 'export-page') {
    if (route.name === 'page') openExportDialog({ name: 'page', pageId: route.pageId });
    return;
  }
  openLibrary();
  openExportDialog({ name: 'library' }, [], 'approved');
}

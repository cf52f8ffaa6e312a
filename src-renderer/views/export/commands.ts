import type { ExportRequest } from '../../services/export';
import { runExport } from '../../services/export';
import { galley } from '../../bridge';
import { db } from '../../db/db';
import { finishExport, setExportProgress } from '../../store/export';

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
    else finishExport({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  } finally {
    running = null;
  }
}

export function cancelExport(): void {
  running?.abort();
}

import type { OutputFile } from '../ipc/contract';
import { exporters } from './registry';
import { changeReport, reportMarkdown } from './report';
import { claimName, exportBaseName, stem, utf8 } from './text-utils';
import type { ExportablePage, ExportFormat, ExportOptions } from './types';

export const BATCH_REPORT_NAME = 'report.md';

/** One page's files, named after its source file (the app's "export this page"). */
export function exportPage(page: ExportablePage, format: ExportFormat, options: ExportOptions): Promise<OutputFile[]> {
  return exporters[format].exportPage(page, exportBaseName(page.page.name, exporters[format].extension), options);
}

/** Lets a host show progress and stop a long batch between pages. */
export interface BatchProgress {
  signal?: AbortSignal;
  /** Called after each page's files are made; awaited, so a UI can paint between pages. */
  onPage?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Many pages: each page's files named as `exportPage` names them, a second page of the same name
 * as `name_2` (and never `report`), plus report.md summarizing the change report of every page.
 * Only returns files; the host writes them or zips them.
 */
export async function exportBatch(
  pages: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  progress: BatchProgress = {},
): Promise<OutputFile[]> {
  const exporter = exporters[format];
  const taken = new Set([stem(BATCH_REPORT_NAME)]);
  const files: OutputFile[] = [];
  for (const [index, page] of pages.entries()) {
    progress.signal?.throwIfAborted();
    files.push(...(await exporter.exportPage(page, claimName(exportBaseName(page.page.name, exporter.extension), taken), options)));
    await progress.onPage?.(index + 1, pages.length);
  }
  files.push({ name: BATCH_REPORT_NAME, data: utf8(reportMarkdown(pages.map(changeReport))) });
  return files;
}

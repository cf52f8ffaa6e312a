import type { OutputFile } from '../ipc/contract';
import { exporters } from './registry';
import { changeReport, reportMarkdown } from './report';
import { padIndex, safeFileName, stem, utf8 } from './text-utils';
import type { ExportablePage, ExportFormat, ExportOptions } from './types';

export const BATCH_REPORT_NAME = 'report.md';

/** One page's files, named after its source file (the app's "export this page"). */
export function exportPage(page: ExportablePage, format: ExportFormat, options: ExportOptions): Promise<OutputFile[]> {
  return exporters[format].exportPage(page, pageBaseName(page), options);
}

/** Lets a host show progress and stop a long batch between pages. */
export interface BatchProgress {
  signal?: AbortSignal;
  /** Called after each page's files are made; awaited, so a UI can paint between pages. */
  onPage?: (done: number, total: number) => void | Promise<void>;
}

/**
 * Many pages: each page's files prefixed with its position (`000_name`, `001_name`…, so names are
 * unique and sort in batch order even when two sources share a name), plus report.md summarizing
 * the change report of every page. Only returns files; the host writes them or zips them.
 */
export async function exportBatch(
  pages: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  progress: BatchProgress = {},
): Promise<OutputFile[]> {
  const width = Math.max(3, String(pages.length - 1).length);
  const files: OutputFile[] = [];
  for (const [index, page] of pages.entries()) {
    progress.signal?.throwIfAborted();
    files.push(...(await exporters[format].exportPage(page, `${padIndex(index, width)}_${pageBaseName(page)}`, options)));
    await progress.onPage?.(index + 1, pages.length);
  }
  files.push({ name: BATCH_REPORT_NAME, data: utf8(reportMarkdown(pages.map(changeReport))) });
  return files;
}

function pageBaseName(page: ExportablePage): string {
  return safeFileName(stem(page.page.name), 'page');
}

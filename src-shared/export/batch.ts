import type { OutputFile } from '../ipc/contract';
import { exporters } from './registry';
import { issueFileStem } from '../issues/group';
import { changeReport, issueChangeReport, issueReportMarkdown, reportMarkdown } from './report';
import { claimName, exportBaseName, stem, utf8 } from './text-utils';
import type { ExportableIssue, ExportablePage, ExportFormat, ExportOptions } from './types';

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
    files.push(
      ...(await exporter.exportPage(
        page,
        claimName(exportBaseName(page.page.name, exporter.extension), taken),
        options,
      )),
    );
    await progress.onPage?.(index + 1, pages.length);
  }
  files.push({ name: BATCH_REPORT_NAME, data: utf8(reportMarkdown(pages.map(changeReport))) });
  return files;
}

/** One issue's one document, named by its date or number (`2023-10-18.xml`, `1234期.md`). */
export function exportIssue(
  issue: ExportableIssue,
  format: ExportFormat,
  options: ExportOptions,
): Promise<OutputFile[]> {
  return exporters[format].exportIssue(issue, issueFileStem(issue.issue), options);
}

/**
 * Many issues, and the pages that belong to none: one document per issue named as `exportIssue`
 * names it, each loose page as `exportBatch` names it, a name taken earlier in the run suffixed
 * (`2023-10-18_2`), plus report.md with each issue's change report and the loose pages' table.
 */
export async function exportIssues(
  issues: readonly ExportableIssue[],
  loose: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  progress: BatchProgress = {},
): Promise<OutputFile[]> {
  const exporter = exporters[format];
  const taken = new Set([stem(BATCH_REPORT_NAME)]);
  const files: OutputFile[] = [];
  const total = issues.length + loose.length;
  for (const [index, issue] of issues.entries()) {
    progress.signal?.throwIfAborted();
    files.push(...(await exporter.exportIssue(issue, claimName(issueFileStem(issue.issue), taken), options)));
    await progress.onPage?.(index + 1, total);
  }
  for (const [index, page] of loose.entries()) {
    progress.signal?.throwIfAborted();
    files.push(
      ...(await exporter.exportPage(
        page,
        claimName(exportBaseName(page.page.name, exporter.extension), taken),
        options,
      )),
    );
    await progress.onPage?.(issues.length + index + 1, total);
  }
  const reports = issues.map((issue) => issueReportMarkdown(issueChangeReport(issue)));
  if (loose.length) reports.push(reportMarkdown(loose.map(changeReport), 'Change report: pages in no issue'));
  files.push({ name: BATCH_REPORT_NAME, data: utf8(reports.join('\n')) });
  return files;
}

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

/** One document of a batch: the name it wants, and how to make its files under the name it gets. */
interface BatchUnit {
  baseName: string;
  make: (name: string) => Promise<OutputFile[]>;
}

function pageUnit(page: ExportablePage, format: ExportFormat, options: ExportOptions): BatchUnit {
  const exporter = exporters[format];
  return {
    baseName: exportBaseName(page.page.name, exporter.extension),
    make: (name) => exporter.exportPage(page, name, options),
  };
}

/** Each unit's files under a name no earlier unit (nor the report) took, then the report. */
async function exportUnits(
  units: readonly BatchUnit[],
  report: () => string,
  progress: BatchProgress,
): Promise<OutputFile[]> {
  const taken = new Set([stem(BATCH_REPORT_NAME)]);
  const files: OutputFile[] = [];
  for (const [index, unit] of units.entries()) {
    progress.signal?.throwIfAborted();
    files.push(...(await unit.make(claimName(unit.baseName, taken))));
    await progress.onPage?.(index + 1, units.length);
  }
  files.push({ name: BATCH_REPORT_NAME, data: utf8(report()) });
  return files;
}

/**
 * Many pages: each page's files named as `exportPage` names them, a second page of the same name
 * as `name_2` (and never `report`), plus report.md summarizing the change report of every page.
 * Only returns files; the host writes them or zips them.
 */
export function exportBatch(
  pages: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  progress: BatchProgress = {},
): Promise<OutputFile[]> {
  return exportUnits(
    pages.map((page) => pageUnit(page, format, options)),
    () => reportMarkdown(pages.map(changeReport)),
    progress,
  );
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
export function exportIssues(
  issues: readonly ExportableIssue[],
  loose: readonly ExportablePage[],
  format: ExportFormat,
  options: ExportOptions,
  progress: BatchProgress = {},
): Promise<OutputFile[]> {
  const issueUnits = issues.map((issue): BatchUnit => ({
    baseName: issueFileStem(issue.issue),
    make: (name) => exporters[format].exportIssue(issue, name, options),
  }));
  const report = () => {
    const reports = issues.map((issue) => issueReportMarkdown(issueChangeReport(issue)));
    if (loose.length) reports.push(reportMarkdown(loose.map(changeReport), 'Change report: pages in no issue'));
    return reports.join('\n');
  };
  return exportUnits([...issueUnits, ...loose.map((page) => pageUnit(page, format, options))], report, progress);
}

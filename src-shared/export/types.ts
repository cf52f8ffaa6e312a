import type { CleanPage, IssueRecord, PageAnalysis, PageRecord } from '../model';
import type { OutputFile } from '../ipc/contract';

/**
 * Everything an exporter needs about one page. Exporters take data, never run the pipeline:
 * `clean` is `materialize(page.raw, analysis)` as the caller already has it.
 */
export interface ExportablePage {
  page: PageRecord;
  analysis: PageAnalysis;
  clean: CleanPage;
  /** Who approved the page; absent while nobody has. */
  reviewer?: string;
  /** Milliseconds since the epoch. */
  reviewedAt?: number;
}

/**
 * One issue (期) to export whole: its record and its pages, `pages[i]` being the page that
 * `issue.pages[i]` lists (`exportableIssue` checks that), so every format writes them in issue order.
 */
export interface ExportableIssue {
  issue: IssueRecord;
  pages: ExportablePage[];
}

export type ExportFormat = 'tei' | 'md' | 'txt' | 'json' | 'docx';

export interface ExportOptions {
  /** Milliseconds since the epoch; passed in so the same input always gives the same bytes. */
  exportedAt: number;
  /** Markdown only: one file per article (default) or one file per page. */
  markdownLayout?: 'article' | 'page';
}

export interface Exporter {
  format: ExportFormat;
  label: string;
  /** Without the dot. */
  extension: string;
  mime: string;
  /**
   * The files for one page. `baseName` is a safe name without extension; single-file formats
   * write `baseName.ext`, multi-file layouts write into the folder `baseName/`.
   */
  exportPage(page: ExportablePage, baseName: string, options: ExportOptions): Promise<OutputFile[]>;
  /** The one document of a whole issue, `baseName.ext`: a part per page in page order. */
  exportIssue(issue: ExportableIssue, baseName: string, options: ExportOptions): Promise<OutputFile[]>;
}

import type { CleanPage, PageAnalysis, PageRecord } from '../model';
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
}

import { basename } from 'node:path';
import { describeError } from './files';
import { readPageFile } from '../src-shared/node/read-page-file';
import type { OutputFile } from '../src-shared/ipc/contract';
import {
  changeReport,
  exporters,
  pageMarkdown,
  pageText,
  type ChangeReport,
  type ExportFormat,
  type ExportOptions,
} from '../src-shared/export';
import { materialize, type PageAnalysis, type PageRecord } from '../src-shared/model';
import { analyzePage } from '../src-shared/pipeline';
import { contentHash, decodePage, hasNoText } from '../src-shared/pipeline/decode';
import { toPageResult } from '../src-shared/pipeline/result';

/** A page read, decoded and analysed on its own; the cross-page checks come later, on the whole batch. */
export interface AnalysedPage {
  /** The path as given on the command line. */
  file: string;
  page: PageRecord;
  analysis: PageAnalysis;
  /** The file holds no text (empty or whitespace only): still a page, with no articles. */
  empty: boolean;
}

/** A file that could not be read or decoded, with the reason in words. */
export interface FailedFile {
  file: string;
  failure: string;
}

export type CleanFormat = 'json' | 'md' | 'txt';

/**
 * The per-page work of `clean` and `export`, by name, each a function of plain data to plain data
 * so it can run in a worker thread (see ./pool) as well as in this one, with the same result.
 */
export interface Tasks {
  analyse: { input: string; output: AnalysedPage | FailedFile };
  /** The page's text for `clean`: its JSON result (indented), Markdown or plain text. */
  clean: { input: { page: AnalysedPage; format: CleanFormat }; output: string };
  /** The page's files under the name the batch gave it, and its change report for report.md. */
  export: {
    input: { page: AnalysedPage; format: ExportFormat; name: string; options: ExportOptions };
    output: { files: OutputFile[]; report: ChangeReport };
  };
}

export type TaskName = keyof Tasks;

const handlers: { [Name in TaskName]: (input: Tasks[Name]['input']) => Promise<Tasks[Name]['output']> } = {
  analyse: analyseFile,
  async clean({ page, format }) {
    if (format === 'json') return JSON.stringify(toPageResult(page.page.name, page.page.raw, page.analysis), null, 2);
    const exportable = { ...page, clean: materialize(page.page.raw, page.analysis) };
    return format === 'md' ? pageMarkdown(exportable) : pageText(exportable);
  },
  async export({ page, format, name, options }) {
    const exportable = { ...page, clean: materialize(page.page.raw, page.analysis) };
    return { files: await exporters[format].exportPage(exportable, name, options), report: changeReport(exportable) };
  },
};

export function perform<Name extends TaskName>(
  name: Name,
  input: Tasks[Name]['input'],
): Promise<Tasks[Name]['output']> {
  return handlers[name](input);
}

/** Reads, decodes and analyses one file the way the app imports a page. */
async function analyseFile(file: string): Promise<AnalysedPage | FailedFile> {
  try {
    const bytes = await readPageFile(file);
    const name = basename(file);
    const { text, encoding } = decodePage(bytes, name);
    const id = await contentHash(bytes);
    return {
      file,
      page: { id, name, size: bytes.length, encoding, importedAt: 0, status: 'new', raw: text },
      analysis: analyzePage(text),
      empty: hasNoText(text),
    };
  } catch (error) {
    return { file, failure: describeError(error) };
  }
}

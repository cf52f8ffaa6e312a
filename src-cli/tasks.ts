import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { deserialize, serialize } from 'node:v8';
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
import { analyzePage, corpusDigestOf, withFlags } from '../src-shared/pipeline';
import { corpusFindingFlags, type CorpusDigest, type Finding } from '../src-shared/pipeline/lint';
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

/**
 * A page analysed and put aside on disk, in the runner's spool, with what the cross-page checks
 * read of it: all that stays in memory of a page until its output is made.
 */
export interface DigestedPage {
  file: string;
  digest: CorpusDigest;
  empty: boolean;
}

/** A page put aside on disk, with the cross-page checks' findings on it: what its output is made from. */
export interface SpooledPage {
  /** The path as given on the command line. */
  file: string;
  /** Its name in the library (the file's name). */
  name: string;
  spooled: string;
  corpus: Finding[];
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
  /** Analyses the file and writes the page to `spooled`. */
  analyse: { input: { file: string; spooled: string }; output: DigestedPage | FailedFile };
  /** The page's text for `clean`: its JSON result (indented), Markdown or plain text. */
  clean: { input: { page: SpooledPage; format: CleanFormat }; output: string };
  /** The page's files under the name the batch gave it, and its change report for report.md. */
  export: {
    input: { page: SpooledPage; format: ExportFormat; name: string; options: ExportOptions };
    output: { files: OutputFile[]; report: ChangeReport };
  };
}

export type TaskName = keyof Tasks;

const handlers: { [Name in TaskName]: (input: Tasks[Name]['input']) => Promise<Tasks[Name]['output']> } = {
  analyse: analyseFile,
  async clean({ page: spooled, format }) {
    const page = await readSpooled(spooled);
    if (format === 'json') return JSON.stringify(toPageResult(page.page.name, page.page.raw, page.analysis), null, 2);
    const exportable = { ...page, clean: materialize(page.page.raw, page.analysis) };
    return format === 'md' ? pageMarkdown(exportable) : pageText(exportable);
  },
  async export({ page: spooled, format, name, options }) {
    const page = await readSpooled(spooled);
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

/** Reads, decodes and analyses one file the way the app imports a page, and puts the page aside. */
async function analyseFile({ file, spooled }: Tasks['analyse']['input']): Promise<DigestedPage | FailedFile> {
  let page: AnalysedPage;
  try {
    const bytes = await readPageFile(file);
    const name = basename(file);
    const { text, encoding } = decodePage(bytes, name);
    const id = await contentHash(bytes);
    page = {
      file,
      page: { id, name, size: bytes.length, encoding, importedAt: 0, status: 'new', raw: text },
      analysis: analyzePage(text),
      empty: hasNoText(text),
    };
  } catch (error) {
    return { file, failure: describeError(error) };
  }
  // The structured clone a worker's message would make, so a page reads back as it was sent.
  await writeFile(spooled, serialize(page));
  const { id, raw } = page.page;
  return { file, digest: corpusDigestOf({ id, raw, analysis: page.analysis }), empty: page.empty };
}

/** A page put aside by `analyse`, with the cross-page checks' flags added. */
export async function readSpooled({ spooled, corpus }: SpooledPage): Promise<AnalysedPage> {
  const page = deserialize(await readFile(spooled)) as AnalysedPage;
  return { ...page, analysis: withFlags(page.analysis, corpusFindingFlags(page.page.raw, corpus)) };
}

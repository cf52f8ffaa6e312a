import type { Io } from './command';
import { inOrder, type Runner } from './pool';
import { counter } from './progress';
import type { AnalysedPage } from './tasks';
import type { ExportablePage } from '../src-shared/export';
import { materialize } from '../src-shared/model';
import { corpusFlags, withFlags } from '../src-shared/pipeline';

export interface LoadedPage extends ExportablePage {
  /** The path as given on the command line. */
  file: string;
}

/**
 * Reads, decodes and analyses the files the way the app imports them, each page on its own
 * through `runner` (in parallel when it has workers), then the cross-page checks over the whole
 * batch, so name variants and paragraphs printed on two pages are flagged across it. Those checks
 * need every page at once, so the pages and their analyses are held until they are done. A file
 * that cannot be read or decoded is named on stderr with its reason; the rest go on. A file with
 * no text is still a page (the app stores it too), with a warning: it has no articles. Messages
 * come in the files' order, however the work was spread.
 */
export async function analysePages(
  files: readonly string[],
  command: string,
  io: Io,
  runner: Runner,
): Promise<{ pages: AnalysedPage[]; failed: number }> {
  const pages: AnalysedPage[] = [];
  let failed = 0;
  const progress = counter(io, `galley ${command}: analysing`, files.length);
  await inOrder(
    files,
    runner.ahead,
    (file) => runner.run('analyse', file),
    (result) => {
      progress.step();
      if ('failure' in result) {
        failed++;
        io.stderr(`galley ${command}: ${result.file}: ${result.failure}\n`);
        return;
      }
      if (result.empty)
        io.stderr(
          `galley ${command}: ${result.file}: warning: the file holds no text (empty or whitespace only), so the page has no articles\n`,
        );
      pages.push(result);
    },
  );
  progress.end();
  const found = corpusFlags(pages.map(({ page, analysis }) => ({ id: page.id, raw: page.raw, analysis })));
  return {
    pages: pages.map((page) => ({ ...page, analysis: withFlags(page.analysis, found.get(page.page.id) ?? []) })),
    failed,
  };
}

/** `analysePages` with each page's clean articles, for the commands that group pages before they write. */
export async function loadPages(
  files: readonly string[],
  command: string,
  io: Io,
  runner: Runner,
): Promise<{ pages: LoadedPage[]; failed: number }> {
  const { pages, failed } = await analysePages(files, command, io, runner);
  return {
    pages: pages.map(({ file, page, analysis }) => ({ file, page, analysis, clean: materialize(page.raw, analysis) })),
    failed,
  };
}

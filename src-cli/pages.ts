import { basename, join } from 'node:path';
import type { Io } from './command';
import { inOrder, type Runner } from './pool';
import { counter } from './progress';
import { readSpooled, type DigestedPage, type SpooledPage } from './tasks';
import type { ExportablePage } from '../src-shared/export';
import { materialize } from '../src-shared/model';
import { corpusFindings, type Finding } from '../src-shared/pipeline/lint';

export interface LoadedPage extends ExportablePage {
  /** The path as given on the command line. */
  file: string;
}

/**
 * Reads, decodes and analyses the files the way the app imports them, each page on its own
 * through `runner` (in parallel when it has workers), then the cross-page checks over the whole
 * batch, so name variants and paragraphs printed on two pages are flagged across it. Those checks
 * need every page at once, but only its digest (a few KB): each page waits on disk in the
 * runner's spool, so memory grows by a digest a page, not by a page and its analysis. A file
 * that cannot be read or decoded is named on stderr with its reason; the rest go on. A file with
 * no text is still a page (the app stores it too), with a warning: it has no articles. Messages
 * come in the files' order, however the work was spread.
 */
export async function analysePages(
  files: readonly string[],
  command: string,
  io: Io,
  runner: Runner,
): Promise<{ pages: SpooledPage[]; failed: number }> {
  const pages: (DigestedPage & { spooled: string })[] = [];
  let failed = 0;
  const progress = counter(io, `galley ${command}: analysing`, files.length);
  const spooledAt = (index: number) => join(runner.spool, String(index));
  await inOrder(
    files,
    runner.ahead,
    (file, index) => runner.run('analyse', { file, spooled: spooledAt(index) }),
    (result, index) => {
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
      pages.push({ ...result, spooled: spooledAt(index) });
    },
  );
  progress.end();
  // Pages of one content (one id) are one page to the checks, so each gets what any of them was found to have.
  const findings = corpusFindings(pages.map(({ digest }) => digest));
  const found = new Map<string, Finding[]>();
  pages.forEach(({ digest }, p) => found.set(digest.id, [...(found.get(digest.id) ?? []), ...findings[p]]));
  return {
    pages: pages.map(({ file, digest, spooled }) => ({
      file,
      name: basename(file),
      spooled,
      corpus: found.get(digest.id)!,
    })),
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
  const { pages: spooled, failed } = await analysePages(files, command, io, runner);
  const pages: LoadedPage[] = [];
  for (const each of spooled) {
    const { file, page, analysis } = await readSpooled(each);
    pages.push({ file, page, analysis, clean: materialize(page.raw, analysis) });
  }
  return { pages, failed };
}

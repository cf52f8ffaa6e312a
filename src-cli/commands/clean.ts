import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { describeError, pageFilesOrTell, writingOutputs, type OutputSink } from '../files';
import { groupLoadedPages } from '../issues';
import { analysePages, loadPages, type LoadedPage } from '../pages';
import { inOrder, jobsFrom, JOBS_OPTION, startRunner, type Runner } from '../pool';
import { counter } from '../progress';
import type { CleanFormat, SpooledPage } from '../tasks';
import { issueFileStem } from '../../src-shared/issues';
import { claimName, exportBaseName } from '../../src-shared/export/text-utils';
import { toPageResult } from '../../src-shared/pipeline/result';

const FORMATS = ['json', 'md', 'txt'] as const satisfies readonly CleanFormat[];
type Format = (typeof FORMATS)[number];

/**
 * `galley clean FILE... --format json|md|txt [--out DIR]`: runs the pipeline on each page. A file
 * that cannot be read or decoded is reported on stderr with its reason; the others still run,
 * and the exit code says something failed. With --out each page is written as its name with the
 * format's extension (`.clean` added where that is the input's own name), a second page of one
 * name as `name_2` (listed on stderr), and nothing is written unless every output can be.
 * The pages are cleaned by --jobs worker threads (default: one per core; 1 runs them in this
 * thread) and written as they are done, in the inputs' order; on a terminal stderr shows progress.
 *
 * With --by-issue the paths may be folders (walked for .txt pages) and the pages are grouped
 * into issues as the app groups them: one line of JSON per issue, `{ issue, pages }` with its
 * pages in page order, then one with `issue: null` for the pages in no issue (named on stderr).
 */
const clean: Command = {
  summary: 'Clean raw OCR pages into articles, with every edit and flag.',
  usage: 'clean FILE... [--format json|md|txt] [--out DIR] [--jobs N] | clean PATH... --by-issue [--jobs N]',
  async run(argv, io) {
    const parsed = parseOptions(argv, io);
    if (!parsed) return 2;
    const files = parsed.byIssue ? await pageFilesOrTell('clean', parsed.files, io) : parsed.files;
    if (!files) return 1;
    const runner = startRunner(parsed.jobs, files.length);
    try {
      if (parsed.byIssue) return await cleanByIssue(files, io, runner);
      const { format, out } = parsed;
      if (!out) {
        const { failed } = await cleanToStdout(files, format, io, runner);
        return failed ? 1 : 0;
      }
      let failed = 0;
      const written = await writingOutputs('clean', out, files, io, async (sink) => {
        failed = (await cleanToFiles(files, format, sink, io, runner)).failed;
      });
      return written && !failed ? 0 : 1;
    } finally {
      await runner.close();
    }
  },
};

export default clean;

/**
 * Analyses the files, then cleans each page and hands its text to `use` as it is made, in the
 * inputs' order (`first` tells whether any came before it).
 */
async function cleanPages(
  files: readonly string[],
  format: Format,
  io: Io,
  runner: Runner,
  use: (text: string, page: SpooledPage, first: boolean) => Promise<void> | void,
): Promise<{ cleaned: number; failed: number }> {
  const { pages, failed } = await analysePages(files, 'clean', io, runner);
  const progress = counter(io, 'galley clean: writing', pages.length);
  await inOrder(
    pages,
    runner.ahead,
    (page) => runner.run('clean', { page, format }),
    async (text, index) => {
      progress.step();
      await use(text, pages[index], index === 0);
    },
  );
  progress.end();
  return { cleaned: pages.length, failed };
}

/**
 * Each page's clean text on stdout as it is made: with --format json one array (written element
 * by element, the bytes `JSON.stringify(array, null, 2)` would give), else the texts one after another.
 */
async function cleanToStdout(
  files: readonly string[],
  format: Format,
  io: Io,
  runner: Runner,
): Promise<{ failed: number }> {
  const json = format === 'json';
  const { cleaned, failed } = await cleanPages(files, format, io, runner, (text, _page, first) => {
    if (json) io.stdout(`${first ? '[\n' : ',\n'}  ${text.replaceAll('\n', '\n  ')}`);
    else io.stdout(first ? text : `\n${text}`);
  });
  if (json) io.stdout(cleaned ? '\n]\n' : '[]\n');
  return { failed };
}

/**
 * One file per page, named once from the page; a name taken earlier in the run gets a suffix,
 * told on stderr.
 */
async function cleanToFiles(
  files: readonly string[],
  format: Format,
  sink: OutputSink,
  io: Io,
  runner: Runner,
): Promise<{ failed: number }> {
  const taken = new Set<string>();
  const firstWith = new Map<string, string>();
  return cleanPages(files, format, io, runner, async (text, { file }) => {
    const base = exportBaseName(basename(file), format);
    const name = `${claimName(base, taken)}.${format}`;
    const wanted = `${base}.${format}`;
    if (name !== wanted)
      io.stderr(
        `galley clean: ${file}: written as ${name}, since ${wanted} is ${firstWith.get(wanted.toLowerCase())}'s\n`,
      );
    else firstWith.set(wanted.toLowerCase(), file);
    await sink.add({ name, data: format === 'json' ? `${text}\n` : text });
  });
}

async function cleanByIssue(files: readonly string[], io: Io, runner: Runner): Promise<number> {
  const { pages, failed } = await loadPages(files, 'clean', io, runner);
  const { issues, loose } = groupLoadedPages(pages, 'clean', io);
  const pageResult = (page: LoadedPage) => toPageResult(page.page.name, page.page.raw, page.analysis);
  for (const { issue, pages: issuePages } of issues) {
    const { paper, date, number } = issue;
    const entries = issue.pages.map((entry, index) => ({
      pageNumber: entry.pageNumber,
      pageName: entry.pageName,
      file: issuePages[index].file,
      result: pageResult(issuePages[index]),
    }));
    io.stdout(`${JSON.stringify({ issue: { paper, date, number, stem: issueFileStem(issue) }, pages: entries })}\n`);
  }
  if (loose.length)
    io.stdout(
      `${JSON.stringify({ issue: null, pages: loose.map((page) => ({ pageNumber: null, pageName: null, file: page.file, result: pageResult(page) })) })}\n`,
    );
  return failed ? 1 : 0;
}

function parseOptions(
  argv: string[],
  io: Io,
): { files: string[]; format: Format; out?: string; byIssue: boolean; jobs: number } | null {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        'by-issue': { type: 'boolean', default: false },
        jobs: JOBS_OPTION,
      },
    });
    if (values['by-issue'] && (values.format !== 'json' || values.out !== undefined)) {
      io.stderr(
        `galley clean: --by-issue prints JSON, one line per issue, to stdout (no --format or --out; export --by-issue writes files)\n`,
      );
      return null;
    }
    const format = values.format as Format;
    if (!FORMATS.includes(format)) {
      io.stderr(`galley clean: --format must be one of ${FORMATS.join(', ')}, not "${values.format}"\n`);
      return null;
    }
    if (positionals.length === 0) {
      io.stderr(`galley clean: no input files (usage: galley ${clean.usage})\n`);
      return null;
    }
    return { files: positionals, format, out: values.out, byIssue: values['by-issue'], jobs: jobsFrom(values.jobs) };
  } catch (error) {
    io.stderr(`galley clean: ${describeError(error)} (usage: galley ${clean.usage})\n`);
    return null;
  }
}

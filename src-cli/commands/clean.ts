import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { describeError, pageFilesOrTell, writeOutputs } from '../files';
import { groupLoadedPages } from '../issues';
import { loadPages, type LoadedPage } from '../pages';
import { issueFileStem } from '../../src-shared/issues';
import { pageMarkdown, pageText } from '../../src-shared/export';
import { claimName, exportBaseName } from '../../src-shared/export/text-utils';
import { toPageResult } from '../../src-shared/pipeline/result';

const FORMATS = ['json', 'md', 'txt'] as const;
type Format = (typeof FORMATS)[number];

interface Cleaned {
  file: string;
  /** The page result for JSON, the rendered text for md/txt. */
  value: unknown;
}

/**
 * `galley clean FILE... --format json|md|txt [--out DIR]`: runs the pipeline on each page. A file
 * that cannot be read or decoded is reported on stderr with its reason; the others still run,
 * and the exit code says something failed. With --out each page is written as its name with the
 * format's extension (`.clean` added where that is the input's own name), a second page of one
 * name as `name_2` (listed on stderr), and nothing is written unless every output can be.
 *
 * With --by-issue the paths may be folders (walked for .txt pages) and the pages are grouped
 * into issues as the app groups them: one line of JSON per issue, `{ issue, pages }` with its
 * pages in page order, then one with `issue: null` for the pages in no issue (named on stderr).
 */
const clean: Command = {
  summary: 'Clean raw OCR pages into articles, with every edit and flag.',
  usage: 'clean FILE... [--format json|md|txt] [--out DIR] | clean PATH... --by-issue',
  async run(argv, io) {
    const parsed = parseOptions(argv, io);
    if (!parsed) return 2;
    if (parsed.byIssue) return cleanByIssue(parsed.files, io);
    const { files, format, out } = parsed;
    const { pages, failed } = await loadPages(files, 'clean', io);
    const results = pages.map((page) => render(page, format));
    if (out) {
      if (!(await writeOutputs('clean', out, outputFiles(results, format, io), files, io))) return 1;
    } else if (format === 'json') {
      io.stdout(
        `${JSON.stringify(
          results.map((result) => result.value),
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout(results.map((result) => String(result.value)).join('\n'));
    }
    return failed ? 1 : 0;
  },
};

export default clean;

async function cleanByIssue(paths: readonly string[], io: Io): Promise<number> {
  const files = await pageFilesOrTell('clean', paths, io);
  if (!files) return 1;
  const { pages, failed } = await loadPages(files, 'clean', io);
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
): { files: string[]; format: Format; out?: string; byIssue: boolean } | null {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        'by-issue': { type: 'boolean', default: false },
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
    return { files: positionals, format, out: values.out, byIssue: values['by-issue'] };
  } catch (error) {
    io.stderr(`galley clean: ${describeError(error)} (usage: galley ${clean.usage})\n`);
    return null;
  }
}

function render(page: LoadedPage, format: Format): Cleaned {
  if (format === 'json') return { file: page.file, value: toPageResult(page.page.name, page.page.raw, page.analysis) };
  return { file: page.file, value: format === 'md' ? pageMarkdown(page) : pageText(page) };
}

/** One file per page, named once from the page; a name taken earlier in the run gets a suffix, told on stderr. */
function outputFiles(results: readonly Cleaned[], format: Format, io: Io): { name: string; data: string }[] {
  const taken = new Set<string>();
  const firstWith = new Map<string, string>();
  return results.map((result) => {
    const base = exportBaseName(basename(result.file), format);
    const name = `${claimName(base, taken)}.${format}`;
    const wanted = `${base}.${format}`;
    if (name !== wanted)
      io.stderr(
        `galley clean: ${result.file}: written as ${name}, since ${wanted} is ${firstWith.get(wanted.toLowerCase())}'s\n`,
      );
    else firstWith.set(wanted.toLowerCase(), result.file);
    return { name, data: format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : String(result.value) };
  });
}

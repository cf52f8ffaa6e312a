import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { describeError, loadPages, type LoadedPage } from '../pages';
import { pageMarkdown, pageText } from '../../src-shared/export';
import { toPageResult } from '../../src-shared/pipeline/result';

const FORMATS = ['json', 'md', 'txt'] as const;
type Format = (typeof FORMATS)[number];

interface Cleaned {
  file: string;
  output: string;
  /** The page result for JSON, the rendered text for md/txt. */
  value: unknown;
}

/**
 * `galley clean FILE... --format json|md|txt [--out DIR]`: runs the pipeline on each page. A file
 * that cannot be read or decoded is reported on stderr with its reason; the others still run,
 * and the exit code says something failed.
 */
const clean: Command = {
  summary: 'Clean raw OCR pages into articles, with every edit and flag.',
  usage: 'clean FILE... [--format json|md|txt] [--out DIR]',
  async run(argv, io) {
    const parsed = parseOptions(argv, io);
    if (!parsed) return 2;
    const { files, format, out } = parsed;
    const { pages, failed } = await loadPages(files, 'clean', io);
    const results = pages.map((page) => render(page, format));
    if (out) {
      await mkdir(out, { recursive: true });
      for (const result of results) {
        const text = format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : String(result.value);
        await writeFile(join(out, result.output), text, 'utf8');
      }
    } else if (format === 'json') {
      io.stdout(`${JSON.stringify(results.map((result) => result.value), null, 2)}\n`);
    } else {
      io.stdout(results.map((result) => String(result.value)).join('\n'));
    }
    return failed ? 1 : 0;
  },
};

export default clean;

function parseOptions(argv: string[], io: Io): { files: string[]; format: Format; out?: string } | null {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
    });
    const format = values.format as Format;
    if (!FORMATS.includes(format)) {
      io.stderr(`galley clean: --format must be one of ${FORMATS.join(', ')}, not "${values.format}"\n`);
      return null;
    }
    if (positionals.length === 0) {
      io.stderr(`galley clean: no input files\nUsage: galley ${clean.usage}\n`);
      return null;
    }
    return { files: positionals, format, out: values.out };
  } catch (error) {
    io.stderr(`galley clean: ${describeError(error)}\nUsage: galley ${clean.usage}\n`);
    return null;
  }
}

function render(page: LoadedPage, format: Format): Cleaned {
  const stem = basename(page.file, extname(page.file));
  if (format === 'json') return { file: page.file, output: `${stem}.json`, value: toPageResult(page.page.name, page.page.raw, page.analysis) };
  const rendered = format === 'md' ? pageMarkdown(page) : pageText(page);
  return { file: page.file, output: `${stem}.${format}`, value: rendered };
}

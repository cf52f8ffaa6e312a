import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { pageMarkdown, pageText, type ExportablePage } from '../../src-shared/export';
import { materialize } from '../../src-shared/model/materialize';
import { analyzePage } from '../../src-shared/pipeline';
import { contentHash, decodePage, DecodeError } from '../../src-shared/pipeline/decode';
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
    const results: Cleaned[] = [];
    let failed = 0;
    for (const file of files) {
      try {
        results.push(await cleanFile(file, format));
      } catch (error) {
        failed++;
        io.stderr(`galley clean: ${file}: ${reason(error)}\n`);
      }
    }
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
    io.stderr(`galley clean: ${reason(error)}\nUsage: galley ${clean.usage}\n`);
    return null;
  }
}

async function cleanFile(file: string, format: Format): Promise<Cleaned> {
  const bytes = new Uint8Array(await readFile(file));
  const source = basename(file);
  const { text: raw, encoding } = decodePage(bytes, source);
  const analysis = analyzePage(raw);
  const stem = basename(file, extname(file));
  if (format === 'json') return { file, output: `${stem}.json`, value: toPageResult(source, raw, analysis) };
  const page: ExportablePage = {
    page: { id: await contentHash(bytes), name: source, size: bytes.length, encoding, importedAt: 0, status: 'new', raw },
    analysis,
    clean: materialize(raw, analysis),
  };
  const rendered = format === 'md' ? pageMarkdown(page) : pageText(page);
  return { file, output: `${stem}.${format}`, value: rendered };
}

function reason(error: unknown): string {
  if (error instanceof DecodeError) return error.reason;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { writeOutputs } from '../files';
import { loadPages } from '../pages';
import { changeReport, EXPORT_FORMATS, exportBatch, isExportFormat, type ExportFormat } from '../../src-shared/export';

interface Options {
  files: string[];
  format: ExportFormat;
  out: string;
  layout: 'article' | 'page';
}

/**
 * `galley export FILE... --format tei|md|txt|json|docx --out DIR`: the app's batch export on raw
 * files. Each page goes through the same pipeline and the same exporter as in the app; files that
 * cannot be read are named on stderr and the rest are still exported. Every output is checked
 * before the first is written (`planWrites`), so a refused run writes nothing.
 */
const exportCommand: Command = {
  summary: 'Export raw OCR pages as TEI, Markdown, text, JSON or DOCX, with a change report.',
  usage: `export FILE... --format ${EXPORT_FORMATS.join('|')} --out DIR [--layout article|page]`,
  async run(argv, io) {
    const options = parseOptions(argv, io);
    if (!options) return 2;
    const { pages, failed } = await loadPages(options.files, 'export', io);
    if (pages.length === 0) return 1;
    const files = await exportBatch(pages, options.format, { exportedAt: Date.now(), markdownLayout: options.layout });
    if (!(await writeOutputs('export', options.out, files, options.files, io))) return 1;
    for (const page of pages) {
      const report = changeReport(page);
      io.stdout(
        `${report.source}: ${report.articles} articles, ${report.edits.total.applied} edits applied, ` +
          `CER ${(report.characters.errorRate * 100).toFixed(2)}%, ${report.flags.open} open flags, ${report.splits.undecided} undecided splits\n`,
      );
    }
    io.stdout(`wrote ${files.length} files to ${options.out}\n`);
    return failed ? 1 : 0;
  },
};

export default exportCommand;

function parseOptions(argv: string[], io: Io): Options | null {
  const fail = (message: string) => {
    io.stderr(`galley export: ${message} (usage: galley ${exportCommand.usage})\n`);
    return null;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, layout: { type: 'string', default: 'article' } },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.format === undefined || !isExportFormat(values.format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.out === undefined) return fail('--out DIR is required');
  if (values.layout !== 'article' && values.layout !== 'page') return fail('--layout must be article or page');
  if (positionals.length === 0) return fail('no input files');
  return { files: positionals, format: values.format, out: values.out, layout: values.layout };
}

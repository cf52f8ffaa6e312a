import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { pageFilesOrTell, writeOutputs } from '../files';
import { groupLoadedPages } from '../issues';
import { loadPages } from '../pages';
import {
  changeReport,
  EXPORT_FORMATS,
  exportBatch,
  exportIssues,
  issueChangeReport,
  isExportFormat,
  type ChangeReport,
  type ExportFormat,
} from '../../src-shared/export';
import { issueFileStem } from '../../src-shared/issues';

interface Options {
  files: string[];
  format: ExportFormat;
  out: string;
  layout: 'article' | 'page';
  byIssue: boolean;
}

/**
 * `galley export FILE... --format tei|md|txt|json|docx --out DIR`: the app's batch export on raw
 * files. Each page goes through the same pipeline and the same exporter as in the app; files that
 * cannot be read are named on stderr and the rest are still exported. Every output is checked
 * before the first is written (`planWrites`), so a refused run writes nothing.
 *
 * With --by-issue the paths may be folders (walked for .txt pages), the pages are grouped into
 * issues as the app groups them, and each issue is one document named by its date or number;
 * pages in no issue are exported as loose pages and named on stderr.
 */
const exportCommand: Command = {
  summary: 'Export raw OCR pages as TEI, Markdown, text, JSON or DOCX, with a change report.',
  usage: `export PATH... --format ${EXPORT_FORMATS.join('|')} --out DIR [--layout article|page] [--by-issue]`,
  async run(argv, io) {
    const options = parseOptions(argv, io);
    if (!options) return 2;
    const inputs = options.byIssue ? await pageFilesOrTell('export', options.files, io) : options.files;
    if (!inputs) return 1;
    const { pages, failed } = await loadPages(inputs, 'export', io);
    if (pages.length === 0) return 1;
    const exportOptions = { exportedAt: Date.now(), markdownLayout: options.layout };
    const grouped = options.byIssue ? groupLoadedPages(pages, 'export', io) : { issues: [], loose: pages };
    const files = options.byIssue
      ? await exportIssues(grouped.issues, grouped.loose, options.format, exportOptions)
      : await exportBatch(pages, options.format, exportOptions);
    if (!(await writeOutputs('export', options.out, files, inputs, io))) return 1;
    for (const exportable of grouped.issues) {
      const report = issueChangeReport(exportable);
      io.stdout(`${issueFileStem(exportable.issue)}: ${report.pages.length} pages, ${summary(report)}\n`);
    }
    for (const report of grouped.loose.map(changeReport)) io.stdout(`${report.source}: ${summary(report)}\n`);
    io.stdout(`wrote ${files.length} files to ${options.out}\n`);
    return failed ? 1 : 0;
  },
};

function summary(report: Pick<ChangeReport, 'articles' | 'edits' | 'characters' | 'flags' | 'splits'>): string {
  return (
    `${report.articles} articles, ${report.edits.total.applied} edits applied, ` +
    `CER ${(report.characters.errorRate * 100).toFixed(2)}%, ${report.flags.open} open flags, ${report.splits.undecided} undecided splits`
  );
}

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
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        layout: { type: 'string', default: 'article' },
        'by-issue': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.format === undefined || !isExportFormat(values.format))
    return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.out === undefined) return fail('--out DIR is required');
  if (values.layout !== 'article' && values.layout !== 'page') return fail('--layout must be article or page');
  if (positionals.length === 0) return fail('no input files');
  return {
    files: positionals,
    format: values.format,
    out: values.out,
    layout: values.layout,
    byIssue: values['by-issue'],
  };
}

import { parseArgs } from 'node:util';
import type { Command, Io } from '../command';
import { pageFilesOrTell, writeOutputs, writingOutputs } from '../files';
import { groupLoadedPages } from '../issues';
import { analysePages, loadPages } from '../pages';
import { inOrder, jobsFrom, JOBS_OPTION, startRunner, type Runner } from '../pool';
import { counter } from '../progress';
import {
  BATCH_REPORT_NAME,
  changeReport,
  EXPORT_FORMATS,
  exporters,
  exportIssues,
  issueChangeReport,
  isExportFormat,
  reportMarkdown,
  type ChangeReport,
  type ExportFormat,
} from '../../src-shared/export';
import { claimName, exportBaseName, stem, utf8 } from '../../src-shared/export/text-utils';
import { issueFileStem } from '../../src-shared/issues';

interface Options {
  files: string[];
  format: ExportFormat;
  out: string;
  layout: 'article' | 'page';
  byIssue: boolean;
  jobs: number;
}

/**
 * `galley export FILE... --format tei|md|txt|json|docx --out DIR`: the app's batch export on raw
 * files. Each page goes through the same pipeline and the same exporter as in the app; files that
 * cannot be read are named on stderr and the rest are still exported. Every output is checked
 * before it is written and the outputs land in --out together at the end (`writingOutputs`), so
 * a refused run writes nothing. The pages are analysed and exported by --jobs worker threads
 * (default: one per core; 1 runs them in this thread), each page's files written as they are
 * made; on a terminal stderr shows progress.
 *
 * With --by-issue the paths may be folders (walked for .txt pages), the pages are grouped into
 * issues as the app groups them, and each issue is one document named by its date or number;
 * pages in no issue are exported as loose pages and named on stderr.
 */
const exportCommand: Command = {
  summary: 'Export raw OCR pages as TEI, Markdown, text, JSON or DOCX, with a change report.',
  usage: `export PATH... --format ${EXPORT_FORMATS.join('|')} --out DIR [--layout article|page] [--by-issue] [--jobs N]`,
  async run(argv, io) {
    const options = parseOptions(argv, io);
    if (!options) return 2;
    const inputs = options.byIssue ? await pageFilesOrTell('export', options.files, io) : options.files;
    if (!inputs) return 1;
    const runner = startRunner(options.jobs, inputs.length);
    try {
      return await (options.byIssue ? exportByIssue : exportPages)(inputs, options, io, runner);
    } finally {
      await runner.close();
    }
  },
};

/**
 * Each page's files written as the page is done, in the inputs' order, named as `exportBatch`
 * names them (a second page of one name as `name_2`, never `report`), then report.md.
 */
async function exportPages(inputs: string[], options: Options, io: Io, runner: Runner): Promise<number> {
  const exportOptions = { exportedAt: Date.now(), markdownLayout: options.layout };
  const extension = exporters[options.format].extension;
  const reports: ChangeReport[] = [];
  let failed = 0;
  let written = 0;
  const done = await writingOutputs('export', options.out, inputs, io, async (sink) => {
    const analysed = await analysePages(inputs, 'export', io, runner);
    failed = analysed.failed;
    if (analysed.pages.length === 0) return;
    const taken = new Set([stem(BATCH_REPORT_NAME)]);
    const progress = counter(io, 'galley export: writing', analysed.pages.length);
    await inOrder(
      analysed.pages,
      runner.ahead,
      (page) =>
        runner.run('export', {
          page,
          format: options.format,
          name: claimName(exportBaseName(page.name, extension), taken),
          options: exportOptions,
        }),
      async ({ files, report }) => {
        progress.step();
        for (const file of files) await sink.add(file);
        written += files.length;
        reports.push(report);
      },
    );
    progress.end();
    await sink.add({ name: BATCH_REPORT_NAME, data: utf8(reportMarkdown(reports)) });
    written++;
  });
  if (!done || reports.length === 0) return 1;
  for (const report of reports) io.stdout(`${report.source}: ${summary(report)}\n`);
  io.stdout(`wrote ${written} files to ${options.out}\n`);
  return failed ? 1 : 0;
}

/** Pages grouped into issues: one document per issue, so every page is analysed before the first is written. */
async function exportByIssue(inputs: string[], options: Options, io: Io, runner: Runner): Promise<number> {
  const { pages, failed } = await loadPages(inputs, 'export', io, runner);
  if (pages.length === 0) return 1;
  const exportOptions = { exportedAt: Date.now(), markdownLayout: options.layout };
  const grouped = groupLoadedPages(pages, 'export', io);
  const files = await exportIssues(grouped.issues, grouped.loose, options.format, exportOptions);
  if (!(await writeOutputs('export', options.out, files, inputs, io))) return 1;
  for (const exportable of grouped.issues) {
    const report = issueChangeReport(exportable);
    io.stdout(`${issueFileStem(exportable.issue)}: ${report.pages.length} pages, ${summary(report)}\n`);
  }
  for (const report of grouped.loose.map(changeReport)) io.stdout(`${report.source}: ${summary(report)}\n`);
  io.stdout(`wrote ${files.length} files to ${options.out}\n`);
  return failed ? 1 : 0;
}

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
        jobs: JOBS_OPTION,
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  let jobs;
  try {
    jobs = jobsFrom(parsed.values.jobs);
  } catch (error) {
    return fail((error as Error).message);
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
    jobs,
  };
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportableIssue, exporters, exportIssues, type ExportablePage } from '../../src-shared/export';
import { decodeText, loadPage, OPTIONS, paragraphPage, seedIssue } from './fixture';

/**
 * Every TEI Galley writes is valid TEI P5 (tei_all), checked by xmllint, the validator archives
 * use. All documents go through one xmllint run: reading the 1 MB schema is most of its time.
 */
const SCHEMA = fileURLToPath(new URL('../fixtures/schemas/tei_all.rng', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'galley-tei-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function xmllint(files: readonly string[]): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, ...files], { encoding: 'utf8', timeout: 300_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'xmllint is not installed: the TEI exports cannot be validated. Install it (Debian: sudo apt-get install -y libxml2-utils; .ci/run does this where it is missing).',
    );
  }
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function teiFiles(): Promise<Map<string, string>> {
  const { issue, pages } = seedIssue();
  const exportable = exportableIssue(issue, pages);
  const unknown = exportableIssue(
    {
      ...issue,
      paper: null,
      date: null,
      number: null,
      pages: issue.pages.map((entry) => ({ ...entry, pageNumber: null, pageName: null })),
    },
    pages,
  );
  const empty = paragraphPage('');
  const onePage = async (page: ExportablePage) =>
    decodeText((await exporters.tei.exportPage(page, 'p', OPTIONS))[0].data);
  const documents = new Map<string, string>([
    ['sample-page.xml', await onePage(loadPage())],
    ['unreviewed-page.xml', await onePage({ ...loadPage(), reviewer: undefined, reviewedAt: undefined })],
    ['empty-page.xml', await onePage(empty)],
    ...(await Promise.all(
      exportable.pages.map(async (page): Promise<[string, string]> => [
        `seed-${page.page.name}.xml`,
        await onePage(page),
      ]),
    )),
    ['issue.xml', decodeText((await exporters.tei.exportIssue(exportable, 'i', OPTIONS))[0].data)],
    ['issue-unknown.xml', decodeText((await exporters.tei.exportIssue(unknown, 'i', OPTIONS))[0].data)],
  ]);
  for (const file of await exportIssues([exportable], [empty], 'tei', OPTIONS)) {
    if (file.name.endsWith('.xml')) documents.set(`batch-${file.name}`, decodeText(file.data));
  }
  return documents;
}

describe('TEI validity (tei_all, xmllint --relaxng)', () => {
  it('should find the vendored schema whole', () => {
    const schema = readFileSync(SCHEMA, 'utf8');
    expect(/TEI Edition: P5 Version\s4\.9\.0/.test(schema)).toBe(true);
    expect(schema.trimEnd().endsWith('</grammar>')).toBe(true);
  });

  it('should validate every page TEI and issue TEI Galley writes', async () => {
    const documents = await teiFiles();
    const paths = [...documents.entries()].map(([name, xml]) => {
      const target = join(folder, name);
      writeFileSync(target, xml);
      return target;
    });
    const { status, output } = xmllint(paths);
    expect(output.match(/ validates$/gm)?.length ?? 0, output).toBe(paths.length);
    expect(status, output).toBe(0);
  }, 300_000);

  it('should reject a document tei_all forbids, so a pass means something', () => {
    const bad = join(folder, 'bad.xml');
    writeFileSync(
      bad,
      '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>no header</p></body></text></TEI>\n',
    );
    const { status, output } = xmllint([bad]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/fails to validate/);
  }, 300_000);
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { proposePageName } from '../../src-shared/issues';
import { materialize, type IssueRecord, type PageAnalysis, type PageRecord } from '../../src-shared/model';
import { analyzeCorpus } from '../../src-shared/pipeline';
import type { ExportablePage, ExportOptions } from '../../src-shared/export';

export const FIXTURES = fileURLToPath(new URL('../fixtures/export/', import.meta.url));

interface PageFixture {
  page: PageRecord;
  analysis: PageAnalysis;
  reviewer?: string;
  reviewedAt?: number;
}

/** A hand-made page (test/fixtures/export/<name>.json): raw text, analysis and review, materialized here. */
export function loadPage(name = 'sample-page'): ExportablePage {
  const fixture = JSON.parse(readFileSync(`${FIXTURES}${name}.json`, 'utf8')) as PageFixture;
  return withAnalysis(fixture, fixture.analysis);
}

/** The same page with another analysis, as after an editor's action. */
export function withAnalysis(page: Omit<ExportablePage, 'clean'>, analysis: PageAnalysis): ExportablePage {
  return { ...page, analysis, clean: materialize(page.page.raw, analysis) };
}

export const OPTIONS: ExportOptions = { exportedAt: Date.UTC(2026, 10, 24, 16, 0, 0) };

export function decodeText(data: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(data);
}

/** A page whose whole raw text is one paragraph chunk, with the given edits: for counting tests. */
export function paragraphPage(raw: string, edits: PageAnalysis['edits'] = []): ExportablePage {
  const page: PageRecord = {
    id: '0'.repeat(64),
    name: 'one.txt',
    size: raw.length,
    encoding: 'utf-8',
    importedAt: 0,
    status: 'new',
    raw,
  };
  const analysis: PageAnalysis = {
    pipelineVersion: 1,
    chunks: [{ id: 'c0', start: 0, end: raw.length, role: 'paragraph' }],
    boundaries: [],
    edits,
    flags: [],
  };
  return withAnalysis({ page, analysis }, analysis);
}

/**
 * A three-page issue made of seeds analysed together (so names spelled two ways across pages are
 * flagged), listed in page order 1–3 but handed over shuffled, as a store returns them.
 */
export function seedIssue(): { issue: IssueRecord; pages: ExportablePage[] } {
  const seeds = ['000_72052502c9dc2eec', '001_f633f705ac59ae29', '003_feb7e2b1474b1bef'].map((name) => {
    const raw = readFileSync(new URL(`../../seeds/${name}.txt`, import.meta.url), 'utf8');
    return { id: name.slice(4).padEnd(64, '0'), name: `${name}.txt`, raw };
  });
  const analyses = analyzeCorpus(seeds);
  const pages = seeds.map(({ id, name, raw }, index): ExportablePage => {
    const approval = { by: '王编辑', at: Date.UTC(2026, 10, 20) };
    const page: PageRecord = {
      id,
      name,
      size: raw.length,
      encoding: 'utf-8',
      importedAt: 0,
      status: 'approved',
      approval,
      raw,
    };
    return withAnalysis(
      { page, analysis: analyses[index], reviewer: approval.by, reviewedAt: approval.at },
      analyses[index],
    );
  });
  const issue: IssueRecord = {
    id: 'issue-2023-10-18',
    paper: '四川科技报',
    date: '2023-10-18',
    number: '1234',
    pages: pages.map((page, index) => ({
      pageId: page.page.id,
      pageNumber: index + 1,
      pageName: proposePageName(page.analysis, page.page.raw),
    })),
    createdAt: 1,
    updatedAt: 2,
  };
  return { issue, pages: [pages[2], pages[0], pages[1]] };
}

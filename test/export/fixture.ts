import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { materialize, type PageAnalysis, type PageRecord } from '../../src-shared/model';
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
  const page: PageRecord = { id: '0'.repeat(64), name: 'one.txt', size: raw.length, encoding: 'utf-8', importedAt: 0, status: 'new', raw };
  const analysis: PageAnalysis = { pipelineVersion: 1, chunks: [{ id: 'c0', start: 0, end: raw.length, role: 'paragraph' }], boundaries: [], edits, flags: [] };
  return withAnalysis({ page, analysis }, analysis);
}

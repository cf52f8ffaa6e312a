import type { z } from 'zod';
import type { IssueRecord, PageRecord } from '../model';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_SCHEMA_VERSION,
  documentSchema,
  type DocumentPageRecord,
  type ExportedDocument,
  type ExportedPage,
} from './document-schema';
import { GALLEY_VERSION } from './galley-version';
import { checkNotNewer, describeValue, ImportFormatError, isPlainObject, parseJsonText } from './json-input';
import { changeReport } from './report';
import { utf8 } from './text-utils';
import type { ExportableIssue, ExportablePage, Exporter, ExportOptions } from './types';

export function buildDocument(pages: readonly ExportablePage[], options: ExportOptions): ExportedDocument {
  return {
    format: DOCUMENT_FORMAT,
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    generator: { name: 'Galley', version: GALLEY_VERSION },
    exportedAt: options.exportedAt,
    pages: pages.map((page) => ({
      page: pageRecord(page.page),
      analysis: page.analysis,
      review: { reviewer: page.reviewer ?? null, reviewedAt: page.reviewedAt ?? null },
      clean: page.clean,
      report: changeReport(page),
    })),
  };
}

/** A whole issue: its pages as `buildDocument` writes them, in page order, with the issue record itself. */
export function buildIssueDocument({ issue, pages }: ExportableIssue, options: ExportOptions): ExportedDocument {
  return { ...buildDocument(pages, options), issue: issueRecord(issue) };
}

/** Only the record's own fields (see pageRecord). */
function issueRecord({ id, paper, date, number, pages, createdAt, updatedAt }: IssueRecord): IssueRecord {
  return {
    id,
    paper,
    date,
    number,
    pages: pages.map(({ pageId, pageNumber, pageName }) => ({ pageId, pageNumber, pageName })),
    createdAt,
    updatedAt,
  };
}

/** Only the record's own fields: a database row may carry more (cached stats), which the format does not know. */
function pageRecord({ id, name, size, encoding, importedAt, status, raw }: PageRecord): DocumentPageRecord {
  return { id, name, size, encoding, importedAt, status, raw };
}

/** The record back from a document: an approved page gets its sign-off from `review`; an old `exported` page is in review. */
function recordOfDocument({ status, ...record }: DocumentPageRecord, review: ExportedPage['review']): PageRecord {
  if (status === 'exported') return { ...record, status: 'in-review' };
  if (status === 'approved' && review.reviewer !== null && review.reviewedAt !== null) {
    return { ...record, status, approval: { by: review.reviewer, at: review.reviewedAt } };
  }
  return { ...record, status };
}

/**
 * Canonical JSON: keys sorted at every level, two-space indent, final newline. The bytes depend
 * only on the values, never on how an object was built, so export → import → export is identical.
 */
export function serializeDocument(document: ExportedDocument): string {
  return `${JSON.stringify(document, sortedKeys, 2)}\n`;
}

/** One line of JSON with keys sorted at every level: equal values give equal text, however built. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

const DAMAGED = { key: 'document-damaged' } as const;

/** Text → document, or an ImportFormatError whose message says what is wrong in words an editor can act on. */
export function parseDocumentJson(text: string): ExportedDocument {
  const json = parseJsonText(text);
  if (!isPlainObject(json))
    throw new ImportFormatError('this is JSON, but not a Galley document (expected an object at the top)', {
      key: 'document-not-galley',
    });
  if (json.formatName === 'dexie')
    throw new ImportFormatError('this is a whole-database backup, not a page export: restore it as a backup', {
      key: 'document-is-backup',
    });
  if (json.format !== DOCUMENT_FORMAT)
    throw new ImportFormatError(
      `this is not a Galley document (format is ${describeValue(json.format)}, expected "${DOCUMENT_FORMAT}")`,
      { key: 'document-not-galley' },
    );
  const version = json.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ImportFormatError(`the schemaVersion ${describeValue(version)} is not a version number`, {
      key: 'document-bad-version',
    });
  checkNotNewer(version, DOCUMENT_SCHEMA_VERSION);
  const result = documentSchema.safeParse(json);
  if (!result.success)
    throw new ImportFormatError(`the document is damaged: ${describeIssues(result.error.issues)}`, DAMAGED);
  for (const page of result.data.pages) checkOffsets(page);
  if (result.data.issue) checkIssuePages(result.data.issue, result.data.pages);
  return result.data;
}

/** The issue lists exactly the document's pages, in their order: otherwise which page is which is lost. */
function checkIssuePages(issue: IssueRecord, pages: readonly ExportedPage[]): void {
  const listed = issue.pages.map((entry) => entry.pageId).join(',');
  const present = pages.map(({ page }) => page.id).join(',');
  if (listed !== present)
    throw new ImportFormatError(
      `the document is damaged: the issue lists ${issue.pages.length} pages that are not the document's ${pages.length} pages in the same order`,
      DAMAGED,
    );
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  return shown.join('; ') + more;
}

/** Every position must lie inside the raw text it points into, or reverting an edit would corrupt the page. */
function checkOffsets({ page, analysis }: ExportedPage): void {
  const length = page.raw.length;
  const lists = { chunks: analysis.chunks, edits: analysis.edits, flags: analysis.flags };
  for (const [list, items] of Object.entries(lists)) {
    items.forEach((item, index) => {
      if (item.start > item.end || item.end > length) {
        throw new ImportFormatError(
          `the document is damaged: pages[${page.name}].analysis.${list}.${index} spans ${item.start}..${item.end}, outside the raw text (length ${length})`,
          DAMAGED,
        );
      }
    });
  }
}

/** The pages of an imported document, ready to store or to export again. */
export function exportablePages(document: ExportedDocument): ExportablePage[] {
  return document.pages.map(({ page, analysis, clean, review }) => ({
    page: recordOfDocument(page, review),
    analysis,
    clean,
    ...(review.reviewer === null ? {} : { reviewer: review.reviewer }),
    ...(review.reviewedAt === null ? {} : { reviewedAt: review.reviewedAt }),
  }));
}

/** The issue of an imported issue document, ready to store or export again; null for a document of loose pages. */
export function exportableIssueOf(document: ExportedDocument): ExportableIssue | null {
  return document.issue ? { issue: document.issue, pages: exportablePages(document) } : null;
}

export const jsonExporter: Exporter = {
  format: 'json',
  label: 'Galley JSON',
  extension: 'json',
  mime: 'application/json',
  async exportPage(page, baseName, options) {
    return [{ name: `${baseName}.json`, data: utf8(serializeDocument(buildDocument([page], options))) }];
  },
  async exportIssue(issue, baseName, options) {
    return [{ name: `${baseName}.json`, data: utf8(serializeDocument(buildIssueDocument(issue, options))) }];
  },
};

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  changeReport,
  DOCUMENT_SCHEMA_VERSION,
  exportablePages,
  exporters,
  ImportFormatError,
  parseDocumentJson,
  serializeDocument,
} from '../../src-shared/export';
import { documentJsonSchema } from '../../src-shared/export/document-schema';
import { golden } from '../golden';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();
const text = serializeDocument(buildDocument([page], OPTIONS));
const SCHEMA_FILE = fileURLToPath(new URL('../../src-shared/export/document.schema.json', import.meta.url));

function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  ) as T;
}

function importError(input: string): string {
  try {
    parseDocumentJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError);
    return (error as Error).message;
  }
  throw new Error('the import was accepted');
}

// The tests corrupt a parsed document field by field, so its shape is deliberately unchecked.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(mutate: (json: any) => void): string {
  const json = JSON.parse(text);
  mutate(json);
  return JSON.stringify(json);
}

describe('JSON export', () => {
  it('should round-trip byte-identically: export, import, export', () => {
    expect(serializeDocument(parseDocumentJson(text))).toBe(text);
  });

  it('should give identical bytes when the imported pages are exported again', async () => {
    const imported = parseDocumentJson(text);
    const [file] = await exporters.json.exportPage(exportablePages(imported)[0], 'p', {
      exportedAt: imported.exportedAt,
    });
    expect(decodeText(file.data)).toBe(text);
  });

  it('should restore the page record, the analysis and the review exactly', () => {
    const [restored] = exportablePages(parseDocumentJson(text));
    expect(restored).toEqual({ ...page, page: { ...page.page, approval: { by: page.reviewer, at: page.reviewedAt } } });
  });

  it('should leave out fields a database row adds to the page record, so the export imports', () => {
    const row = { ...page, page: { ...page.page, stats: { articles: 2 } } };
    expect(serializeDocument(buildDocument([row], OPTIONS))).toBe(text);
  });

  it('should not depend on the order in which object keys were built', () => {
    expect(serializeDocument(reversedKeys(buildDocument([page], OPTIONS)))).toBe(text);
  });

  it('should tag the format and schema version and include the change report', () => {
    const json = JSON.parse(text);
    expect(json.format).toBe('galley-document');
    expect(json.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(json.pages[0].report).toEqual(changeReport(page));
  });

  it('should keep edit, flag and split statuses', () => {
    const [restored] = parseDocumentJson(text).pages;
    expect(restored.analysis.edits.map((edit) => edit.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'reverted',
      'proposed',
    ]);
    expect(restored.analysis.flags.map((flag) => flag.status)).toEqual(['corrected', 'open', 'open']);
    expect(restored.analysis.boundaries.map((boundary) => boundary.status)).toEqual(['approved', 'proposed']);
  });

  it('should publish a JSON Schema generated from the import schema', () => {
    const generated = `${JSON.stringify(documentJsonSchema(), null, 2)}\n`;
    expect(golden(SCHEMA_FILE, generated, 'UPDATE=1 npx vitest run test/export/json.test.ts')).toBe(generated);
    expect(JSON.parse(generated).properties.schemaVersion.anyOf).toEqual([
      { type: 'number', const: 1 },
      { type: 'number', const: DOCUMENT_SCHEMA_VERSION },
    ]);
  });

  it('should call a truncated file truncated', () => {
    expect(importError(text.slice(0, Math.floor(text.length / 2)))).toMatch(/truncated/);
    expect(importError(text.slice(0, text.lastIndexOf('}')))).toMatch(/truncated/);
  });

  it('should refuse an empty file and text that is not JSON', () => {
    expect(importError('  \n')).toMatch(/empty/);
    expect(importError('hello')).toMatch(/not valid JSON/);
  });

  it('should refuse JSON of another format, naming the format it found', () => {
    expect(importError('[1, 2]')).toMatch(/not a Galley document/);
    expect(importError(edited((json) => (json.format = 'something-else')))).toMatch(
      /format is "something-else", expected "galley-document"/,
    );
    expect(importError('{"formatName":"dexie","formatVersion":1,"data":{}}')).toMatch(/whole-database backup/);
  });

  it('should refuse a document from a newer Galley with both schema numbers', () => {
    const newer = DOCUMENT_SCHEMA_VERSION + 1;
    expect(importError(edited((json) => (json.schemaVersion = newer)))).toBe(
      `made by a newer Galley: schema ${newer} > ${DOCUMENT_SCHEMA_VERSION}; update Galley to open it`,
    );
  });

  it('should name the damaged field', () => {
    expect(importError(edited((json) => (json.pages[0].analysis.edits[1].status = 'done')))).toMatch(
      /^the document is damaged: pages\.0\.analysis\.edits\.1\.status/,
    );
    expect(importError(edited((json) => (json.pages[0].page.extra = true)))).toMatch(
      /pages\.0\.page: Unrecognized key: "extra"/,
    );
  });

  it('should refuse positions outside the raw text', () => {
    const length = page.page.raw.length;
    expect(importError(edited((json) => (json.pages[0].analysis.flags[0].end = length + 1)))).toMatch(
      /analysis\.flags\.0 spans .* outside the raw text/,
    );
  });
});

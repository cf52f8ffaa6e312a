import { z } from 'zod';
import {
  CHUNK_ROLES,
  EDIT_KINDS,
  EDIT_STATUSES,
  FLAG_KINDS,
  FLAG_STATUSES,
  FURNITURE_KINDS,
  ORIGINS,
  PAGE_STATUSES,
  SPLIT_STATUSES,
  type Boundary,
  type Chunk,
  type CleanPage,
  type Edit,
  type EditOp,
  type Flag,
  type IssuePage,
  type IssueRecord,
  type PageAnalysis,
  type PageRecord,
  type PageStatus,
} from '../model';
import type { ChangeReport, EditCounts } from './report';

/**
 * The JSON export (also the transfer format between machines) as a zod schema. It is typed
 * against the model, so the compiler catches drift; document.schema.json is generated from it
 * (test/export/json.test.ts regenerates it with UPDATE=1). Objects are strict: a key this
 * version does not know is an error, never silently dropped.
 */
export const DOCUMENT_FORMAT = 'galley-document';
/** 2 added the optional `issue`; documents of version 1 (pages only) still import. */
export const DOCUMENT_SCHEMA_VERSION = 2;
/** The first version whose documents may carry an issue. */
const ISSUE_SCHEMA_VERSION = 2;

const offset = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);
const origin = z.enum(ORIGINS);
const chunkRole = z.enum(CHUNK_ROLES);
const furnitureKind = z.enum(FURNITURE_KINDS);
const splitStatus = z.enum(SPLIT_STATUSES);
const editKind = z.enum(EDIT_KINDS);
const flagKind = z.enum(FLAG_KINDS);
const span = { start: offset, end: offset };

/**
 * The page record as a document holds it: who approved it is in `review`. Galley before review and
 * export became separate facts wrote an exported page as `exported`; it reads back as in review.
 */
export type DocumentPageRecord = Omit<PageRecord, 'status' | 'approval'> & { status: PageStatus | 'exported' };

const pageRecord: z.ZodType<DocumentPageRecord> = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9a-f]{64}(-[1-9]\d*)?$/)
    .describe('SHA-256 of the source file; a copy kept beside the original adds -n.'),
  name: z.string(),
  size: offset,
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']),
  importedAt: z.number(),
  status: z.enum([...PAGE_STATUSES, 'exported']),
  raw: z
    .string()
    .describe(
      'The page text exactly as decoded from the source file; every offset in the analysis counts UTF-16 code units into it.',
    ),
});

const chunk: z.ZodType<Chunk> = z.strictObject({
  ...span,
  id: z.string(),
  role: chunkRole,
  furniture: furnitureKind.optional(),
  section: z.string().optional(),
});

const boundary: z.ZodType<Boundary> = z.strictObject({
  id: z.string(),
  chunk: z.string(),
  confidence: unit,
  reason: z.string(),
  status: splitStatus,
  origin,
  title: z.string().optional(),
});

const editOp: z.ZodType<EditOp> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('replace'), cleanBefore: z.string().optional() }),
  z.strictObject({ type: z.literal('extract'), field: z.enum(['byline', 'caption']), value: z.string() }),
  z.strictObject({ type: z.literal('join'), chunk: z.string(), onto: z.string() }),
  z.strictObject({ type: z.literal('move'), chunk: z.string(), after: z.string() }),
  z.strictObject({
    type: z.literal('role'),
    chunk: z.string(),
    role: chunkRole,
    furniture: furnitureKind.optional(),
    section: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('set-text'), chunk: z.string(), text: z.string() }),
  z.strictObject({
    type: z.literal('set-field'),
    article: z.string(),
    field: z.enum(['title', 'kicker', 'section', 'byline']),
    value: z.string().nullable(),
  }),
  z.strictObject({ type: z.literal('set-captions'), article: z.string(), value: z.array(z.string()) }),
]);

const edit: z.ZodType<Edit> = z.strictObject({
  ...span,
  id: z.string(),
  kind: editKind,
  rule: z.string(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
  confidence: unit,
  status: z.enum(EDIT_STATUSES),
  origin,
  op: editOp,
});

const flag: z.ZodType<Flag> = z.strictObject({
  ...span,
  id: z.string(),
  kind: flagKind,
  rule: z.string(),
  text: z.string(),
  message: z.string(),
  suggestion: z.string().nullable(),
  confidence: unit,
  status: z.enum(FLAG_STATUSES),
});

const pageAnalysis: z.ZodType<PageAnalysis> = z.strictObject({
  pipelineVersion: z.number().int().nonnegative(),
  chunks: z.array(chunk),
  boundaries: z.array(boundary),
  edits: z.array(edit),
  flags: z.array(flag),
});

const spanObject = z.strictObject(span);

const cleanPage: z.ZodType<CleanPage> = z.strictObject({
  articles: z.array(
    z.strictObject({
      id: z.string(),
      section: z.string().nullable(),
      kicker: z.string().nullable(),
      title: z.string(),
      byline: z.string().nullable(),
      captions: z.array(z.string()),
      blocks: z.array(
        z.strictObject({
          id: z.string(),
          type: z.enum(['paragraph', 'subhead']),
          text: z.string(),
          spans: z.array(spanObject),
          chunks: z.array(z.string()),
        }),
      ),
      split: z.strictObject({
        status: splitStatus,
        confidence: unit,
        reason: z.string(),
        boundary: z.string().nullable(),
      }),
      spans: z.array(spanObject),
    }),
  ),
  furniture: z.array(z.strictObject({ ...span, kind: furnitureKind, text: z.string(), chunk: z.string() })),
});

const count = z.number().int().nonnegative();
const editCounts: z.ZodType<EditCounts> = z.strictObject({
  applied: count,
  proposed: count,
  reverted: count,
  auto: count,
  editor: count,
});

const changeReport: z.ZodType<ChangeReport> = z.strictObject({
  pageId: z.string(),
  source: z.string(),
  articles: count,
  furniture: count,
  edits: z.strictObject({ total: editCounts, byKind: z.partialRecord(editKind, editCounts) }),
  characters: z.strictObject({ raw: count, clean: count, distance: count, errorRate: z.number().nonnegative() }),
  flags: z.strictObject({ open: count, closed: count, openByKind: z.partialRecord(flagKind, count) }),
  splits: z.strictObject({ proposed: count, approved: count, rejected: count, undecided: count }),
});

export const exportedPageSchema = z.strictObject({
  page: pageRecord.describe(
    'The imported page: content hash id, source file name, size, encoding, status and the raw text.',
  ),
  analysis: pageAnalysis.describe(
    'Chunks with their roles, proposed and decided article boundaries, every edit (applied, proposed or reverted) and every flag, with raw offsets.',
  ),
  review: z
    .strictObject({
      reviewer: z.string().nullable(),
      reviewedAt: z.number().nullable().describe('Milliseconds since the epoch.'),
    })
    .describe('Who approved the page and when; null while nobody has.'),
  clean: cleanPage.describe(
    'Derived from page.raw and analysis (Galley recomputes it); written for readers that do not run Galley.',
  ),
  report: changeReport.describe(
    'Derived: edits by kind, character error rate raw → clean, open flags, split decisions, as they stood at export.',
  ),
});

const issuePage: z.ZodType<IssuePage> = z.strictObject({
  pageId: z.string(),
  pageNumber: offset.nullable().describe('The printed page number (第3版 → 3), when known.'),
  pageName: z.string().nullable().describe('The page name (版名), when known.'),
});

const issueRecord: z.ZodType<IssueRecord> = z.strictObject({
  id: z.string(),
  paper: z.string().nullable(),
  date: z.iso.date().nullable().describe('YYYY-MM-DD, when known.'),
  number: z.string().nullable().describe('The issue number (期号) as printed, when known.'),
  pages: z
    .array(issuePage)
    .describe("The issue's pages in page order; the document's pages are the same pages in the same order."),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const documentSchema = z
  .strictObject({
    format: z.literal(DOCUMENT_FORMAT).describe('Tells a Galley document from any other JSON.'),
    schemaVersion: z
      .union([z.literal(1), z.literal(DOCUMENT_SCHEMA_VERSION)])
      .describe('Raised when the layout changes; a Galley refuses documents newer than it knows.'),
    generator: z.strictObject({ name: z.literal('Galley'), version: z.string() }),
    exportedAt: z.number().describe('Milliseconds since the epoch.'),
    issue: issueRecord
      .optional()
      .describe('Present when the document is one newspaper issue (期): its paper, date, number and pages in order.'),
    pages: z.array(exportedPageSchema),
  })
  .refine((document) => document.issue === undefined || document.schemaVersion >= ISSUE_SCHEMA_VERSION, {
    message: `an issue needs schemaVersion ${ISSUE_SCHEMA_VERSION}`,
    path: ['issue'],
  });

export type ExportedPage = z.infer<typeof exportedPageSchema>;
export type ExportedDocument = z.infer<typeof documentSchema>;

/** The published JSON Schema, generated from `documentSchema`. */
export function documentJsonSchema(): object {
  return {
    ...z.toJSONSchema(documentSchema, { target: 'draft-2020-12' }),
    $id: `urn:galley:schema:document:${DOCUMENT_SCHEMA_VERSION}`,
    title: 'Galley document',
    description:
      'A Galley page or issue export: the raw page exactly as imported, the analysis with every edit, flag and split and its review status, plus the derived clean articles and change report. Importing it restores the page.',
  };
}

/** The model's parts, for other stores that hold them (the app's backup checks its rows with these). */
export { boundary as boundarySchema, edit as editSchema, flag as flagSchema, pageAnalysis as pageAnalysisSchema };

import { z } from 'zod';
import { boundarySchema, editSchema, flagSchema, pageAnalysisSchema } from '../../src-shared/export/document-schema';
import type { ExportFormat } from '../../src-shared/export/types';
import { NEEDS_LOOK_REASONS, PAGE_STATUSES } from '../../src-shared/model';
import { ACTION_LABELS, type ReviewOp } from '../../src-shared/review';
import type {
  ExportRow,
  HistoryRow,
  IssueHistoryRow,
  IssueRow,
  MetaRow,
  PageRow,
  PageStats,
  RawRow,
  TombstoneRow,
} from '../db/schema';
import { ISSUE_ACTIONS } from './issues';
import type { Decision, ReviewRecord } from '../../src-shared/model';

/**
 * What a row of each table may hold, as zod schemas typed against the rows the app writes, so a
 * restore can check every row of a backup before the library is touched. Objects are strict: a
 * key no version of Galley writes means the file was edited or is not ours.
 */

const count = z.number().int().nonnegative();
const time = z.number().finite();
const editStatus = z.enum(['applied', 'proposed', 'reverted']);
const splitStatus = z.enum(['proposed', 'approved', 'rejected']);
const flagStatus = z.enum(['open', 'accepted', 'dismissed', 'corrected']);
const EXPORT_FORMATS = ['tei', 'md', 'txt', 'json', 'docx'] as const satisfies readonly ExportFormat[];

const pageStats: z.ZodType<PageStats> = z.strictObject({
  articles: count,
  openFlags: count,
  undecidedSplits: count,
  sections: z.array(z.string()),
});

const pageFields = {
  id: z.string().min(1),
  name: z.string(),
  size: count,
  encoding: z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']),
  importedAt: time,
  status: z.enum(PAGE_STATUSES),
};

const approval = z.strictObject({ by: z.string(), at: time });

/** Before version 6 an exported page had the status `exported` (the upgrader splits it into review and export state). */
const legacyPageFields = { ...pageFields, status: z.enum([...PAGE_STATUSES, 'exported']) };

const reviewOp: z.ZodType<ReviewOp> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('edit-status'), id: z.string(), from: editStatus, to: editStatus }),
  z.strictObject({ type: z.literal('add-edit'), edit: editSchema, index: count }),
  z.strictObject({ type: z.literal('remove-edit'), edit: editSchema, index: count }),
  z.strictObject({ type: z.literal('update-edit'), from: editSchema, to: editSchema }),
  z.strictObject({ type: z.literal('boundary-status'), id: z.string(), from: splitStatus, to: splitStatus }),
  z.strictObject({ type: z.literal('add-boundary'), boundary: boundarySchema, index: count }),
  z.strictObject({ type: z.literal('remove-boundary'), boundary: boundarySchema, index: count }),
  z.strictObject({ type: z.literal('update-boundary'), from: boundarySchema, to: boundarySchema }),
  z.strictObject({ type: z.literal('flag-status'), id: z.string(), from: flagStatus, to: flagStatus }),
  z.strictObject({ type: z.literal('add-flag'), flag: flagSchema, index: count }),
  z.strictObject({ type: z.literal('remove-flag'), flag: flagSchema, index: count }),
  z.strictObject({ type: z.literal('replace-analysis'), from: pageAnalysisSchema, to: pageAnalysisSchema }),
]);

/** The desk's history row (db/schema.ts `DeskHistory`). */
const deskHistory = z.strictObject({
  step: z.strictObject({
    label: z.enum(ACTION_LABELS),
    detail: z.string(),
    patches: z.array(
      z.strictObject({
        pageId: z.string(),
        forward: z.array(reviewOp),
        inverse: z.array(reviewOp),
        status: z.strictObject({ from: z.enum(PAGE_STATUSES), to: z.enum(PAGE_STATUSES) }).optional(),
      }),
    ),
    coalesceKey: z.string().optional(),
  }),
  pages: z.array(z.string()),
  undone: z.boolean(),
  reopened: z.array(z.strictObject({ pageId: z.string(), approval: approval.optional() })).optional(),
});

/** A history entry as schema version 2 wrote it (db/schema.ts `LegacyHistoryEntry`): still held by libraries upgraded since. */
const legacyHistoryEntry = z.strictObject({ page: z.string().min(1), label: z.string() });

const span = { start: count, end: count };
const decisionAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('split'), chunkStart: count, status: splitStatus, title: z.string().optional() }),
  z.strictObject({ type: z.literal('editor-split'), chunkStart: count, boundary: boundarySchema }),
  z.strictObject({
    type: z.literal('edit-status'),
    rule: z.string(),
    ...span,
    before: z.string(),
    after: z.string(),
    status: editStatus,
  }),
  z.strictObject({ type: z.literal('flag-status'), rule: z.string(), ...span, text: z.string(), status: flagStatus }),
  z.strictObject({ type: z.literal('editor-edit'), edit: editSchema, position: count }),
]);

const decisionRow = z.strictObject({
  id: z.string().min(1),
  pageId: z.string().min(1),
  key: z.string().min(1),
  who: z.string(),
  at: time,
  action: decisionAction,
  needsLook: z.enum(NEEDS_LOOK_REASONS).optional(),
}) satisfies z.ZodType<Decision>;

const issueRow: z.ZodType<IssueRow> = z.strictObject({
  id: z.string().min(1),
  paper: z.string().nullable(),
  date: z.string().nullable(),
  number: z.string().nullable(),
  pages: z.array(
    z.strictObject({
      pageId: z.string().min(1),
      pageNumber: z.number().int().nullable(),
      pageName: z.string().nullable(),
    }),
  ),
  pageIds: z.array(z.string().min(1)),
  createdAt: time,
  updatedAt: time,
});

/** The library's issue undo log (services/issues.ts `IssueStep`). */
const issueStep = z.strictObject({
  label: z.enum(ISSUE_ACTIONS),
  detail: z.string(),
  before: z.array(issueRow),
  after: z.array(issueRow),
});

const metaRow: z.ZodType<MetaRow> = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('seedsLoaded'), value: z.boolean() }),
  z.strictObject({ key: z.literal('language'), value: z.enum(['zh', 'en']) }),
  z.strictObject({ key: z.literal('theme'), value: z.enum(['light', 'dark']) }),
  z.strictObject({ key: z.literal('editorName'), value: z.string() }),
  z.strictObject({ key: z.literal('teamServer'), value: z.string() }),
]);

const rows = {
  pages: z.strictObject({
    ...pageFields,
    approval: approval.optional(),
    stats: pageStats.nullable(),
    exported: z.strictObject({ at: time.nullable(), formats: z.array(z.enum(EXPORT_FORMATS)) }).optional(),
    changedAt: time.optional(),
  }) satisfies z.ZodType<PageRow>,
  raws: z.strictObject({ id: z.string().min(1), text: z.string() }) satisfies z.ZodType<RawRow>,
  reviews: z.strictObject({
    pageId: z.string().min(1),
    analysis: pageAnalysisSchema,
    updatedAt: time,
    proposal: z.strictObject({ analysis: pageAnalysisSchema, needsLook: z.array(decisionRow) }).optional(),
  }) satisfies z.ZodType<ReviewRecord>,
  history: z.strictObject({
    seq: z.number().int().positive(),
    at: time,
    entry: z.union([deskHistory, legacyHistoryEntry]),
  }) satisfies z.ZodType<HistoryRow>,
  tombstones: z.strictObject({
    id: z.string().min(1),
    name: z.string(),
    deletedAt: time,
  }) satisfies z.ZodType<TombstoneRow>,
  meta: metaRow,
  exports: z.strictObject({
    pageId: z.string().min(1),
    format: z.enum(EXPORT_FORMATS),
    exportedAt: time,
    articles: z.array(z.strictObject({ id: z.string(), title: z.string(), hash: z.string() })),
  }) satisfies z.ZodType<ExportRow>,
  decisions: decisionRow,
  issues: issueRow,
  issueHistory: z.strictObject({
    seq: z.number().int().positive(),
    at: time,
    step: issueStep,
    undone: z.boolean(),
  }) satisfies z.ZodType<IssueHistoryRow>,
};

export type BackupTable = keyof typeof rows;

/** Pages had no `stats` before schema version 2 (its upgrader computes them). */
const pagesBeforeStats = z.strictObject(legacyPageFields);
const pagesBeforeExportState = z.strictObject({ ...legacyPageFields, stats: pageStats.nullable() });

/** The schema a row of `table` must match in a backup made at `databaseVersion`. */
export function rowSchema(table: BackupTable, databaseVersion: number): z.ZodType {
  if (table !== 'pages' || databaseVersion >= 6) return rows[table];
  return databaseVersion < 2 ? pagesBeforeStats : pagesBeforeExportState;
}

export function isBackupTable(name: string): name is BackupTable {
  return Object.hasOwn(rows, name);
}

import Dexie, { type Table } from 'dexie';
import type { ExportManifest } from '../../src-shared/export/manifest';
import type { ExportFormat } from '../../src-shared/export/types';
import {
  DEFAULT_EDITOR,
  type Decision,
  type IssueRecord,
  type PageAnalysis,
  type PageRecord,
  type PageStatus,
  type ReviewRecord,
} from '../../src-shared/model';
import { analyzePage } from '../../src-shared/pipeline';
import type { ReviewPartRow } from './review-parts';
import { REVIEW_PARTS, reviewRowsMiddleware } from './review-rows';
import { deriveDecisions } from '../../src-shared/review/decisions';
import type { HistoryEntry } from '../../src-shared/review';

/**
 * Counts the library shows per page without loading its review. `null` on a page means it has not
 * been analysed yet (no review stored), which the library shows as "—", not as zero articles.
 */
export interface PageStats {
  articles: number;
  openFlags: number;
  undecidedSplits: number;
  /** Distinct section names, in page order. */
  sections: string[];
}

/** When a page was last exported and in which formats; `at` is null for exports made before Galley recorded when. */
export interface ExportState {
  at: number | null;
  formats: ExportFormat[];
}

/**
 * A page as listed: everything but the raw text, which lives in `raws` so listing never loads it.
 * `exported` is absent on a page never exported; `changedAt` is the last change to its review.
 */
export type PageRow = Omit<PageRecord, 'raw'> & {
  stats: PageStats | null;
  exported?: ExportState;
  changedAt?: number;
  /** Changes with every write of the page's review; `review-rows.ts` reads it to know a review it holds is current. */
  reviewRevision?: string;
};

/** Whether the page's review changed after its last export (an undated old export counts as unknown, not changed). */
export function changedSinceExport(page: Pick<PageRow, 'exported' | 'changedAt'>): boolean {
  const at = page.exported?.at;
  return at !== undefined && at !== null && page.changedAt !== undefined && page.changedAt > at;
}

/** Each page's export state from its stored manifests (one per page and format). */
export function exportStates(manifests: readonly ExportManifest[]): Map<string, ExportState> {
  const states = new Map<string, ExportState>();
  for (const { pageId, format, exportedAt } of manifests) {
    const known = states.get(pageId);
    states.set(pageId, {
      at: Math.max(known?.at ?? exportedAt, exportedAt),
      formats: [...(known?.formats ?? []), format].sort(),
    });
  }
  return states;
}

export interface RawRow {
  id: string;
  /** The text exactly as decoded; written once at import, never rewritten by any upgrader. */
  text: string;
}

/** What the desk keeps in a history row: the step, and whether it is currently undone (redo-able). */
export interface DeskHistory {
  step: HistoryEntry;
  pages: string[];
  undone: boolean;
}

/**
 * A history entry as schema version 2 wrote it: which page, and a label. It holds nothing to undo
 * with, and no upgrader rewrites it, so a library upgraded from then still has such rows.
 */
export interface LegacyHistoryEntry {
  page: string;
  label: string;
}

/** One entry of the global undo log. */
export interface HistoryRow {
  seq?: number;
  at: number;
  entry: DeskHistory | LegacyHistoryEntry;
}

/** Whether a history entry is one the desk can undo and redo. */
export function isDeskHistory(entry: HistoryRow['entry']): entry is DeskHistory {
  return 'step' in entry;
}

/** A page the user deleted: importing the same bytes again (seeds included) does not bring it back. */
export interface TombstoneRow {
  id: string;
  name: string;
  deletedAt: number;
}

/**
 * An issue as stored: the record, plus its page ids flat so one multi-entry index answers "which
 * issue holds this page" (Dexie cannot index a field inside an array of objects).
 */
export type IssueRow = IssueRecord & { pageIds: string[] };

/** One undoable step of the library's issue edits: the issues it touched as they were before and after. */
export interface IssueHistoryRow {
  seq?: number;
  at: number;
  /** `src-renderer/services/issues.ts` defines what a step holds. */
  step: unknown;
  undone: boolean;
}

/** What the last export of a page in one format contained; re-exporting compares against it. */
export type ExportRow = ExportManifest;

export type Language = 'zh' | 'en';
export type Theme = 'light' | 'dark';

export interface MetaValues {
  seedsLoaded: boolean;
  language: Language;
  theme: Theme;
  /** The name approvals and exports are signed with. */
  editorName: string;
  /** The team's CouchDB database (src-renderer/sync/); '' or absent for solo use. */
  teamServer: string;
}
export type MetaKey = keyof MetaValues;
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/**
 * The counts last derived from each chunk list, with the lists they were derived with: most steps
 * change edits alone, and counting sorts every chunk (55,000 on the largest page) again.
 */
const counted = new WeakMap<
  readonly unknown[],
  { analysis: Pick<PageAnalysis, 'boundaries' | 'flags'>; stats: PageStats }
>();

/** Derives a page's library counts from its review state; pure, shared by the desk and upgraders. */
export function pageStats(analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'flags'>): PageStats {
  const known = counted.get(analysis.chunks);
  if (known && known.analysis.boundaries === analysis.boundaries && known.analysis.flags === analysis.flags)
    return known.stats;
  const stats = countedStats(analysis);
  counted.set(analysis.chunks, { analysis: { boundaries: analysis.boundaries, flags: analysis.flags }, stats });
  return stats;
}

function countedStats(analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'flags'>): PageStats {
  const inPageOrder = [...analysis.chunks].sort((a, b) => a.start - b.start);
  const sections: string[] = [];
  for (const chunk of inPageOrder) {
    if (chunk.section && !sections.includes(chunk.section)) sections.push(chunk.section);
  }
  const live = analysis.boundaries.filter((boundary) => boundary.status !== 'rejected');
  // Content before the first boundary forms an article of its own (materialize's `page-start`).
  const firstContent = inPageOrder.find((chunk) => chunk.role !== 'furniture');
  const pageStartArticle = firstContent !== undefined && !live.some((boundary) => boundary.chunk === firstContent.id);
  return {
    articles: live.length + (pageStartArticle ? 1 : 0),
    openFlags: analysis.flags.filter((flag) => flag.status === 'open').length,
    undecidedSplits: analysis.boundaries.filter((boundary) => boundary.status === 'proposed').length,
    sections,
  };
}

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}

/**
 * Every schema the database has had, oldest first. Append only: a shipped version is never edited,
 * because users' databases were created with it. Upgraders rewrite page rows; none touches `raws`.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      pages: 'id, name, status, importedAt',
      raws: 'id',
      reviews: 'pageId',
      history: '++seq, at',
      tombstones: 'id',
      meta: 'key',
    },
  },
  {
    // Pages gain `stats` so the library can show counts without loading 10,000 reviews.
    version: 2,
    stores: {},
    upgrade: async (tx) => {
      const reviews = tx.table<ReviewRecord, string>('reviews');
      const pages = tx.table<PageRow, string>('pages');
      const analysed = new Map((await reviews.toArray()).map((review) => [review.pageId, review.analysis]));
      await pages.toCollection().modify((page: PageRow) => {
        const analysis = analysed.get(page.id);
        page.stats = analysis ? pageStats(analysis) : null;
      });
    },
  },
  {
    // The manifest of each page's last export per format, so a re-export can say what changed.
    // No upgrader: pages exported before had no manifest, and a first export says so.
    version: 3,
    stores: { exports: '[pageId+format], pageId' },
  },
  {
    // Newspaper issues (期) listing their pages in order, and the undo log of editing them. No
    // upgrader: every page stored before stays loose until the editor groups it.
    version: 4,
    stores: { issues: 'id, date, *pageIds', issueHistory: '++seq, at' },
  },
  {
    // The editor's decisions kept apart from the analysis, so a new pipeline can re-analyse a page
    // and replay them. Each review's are what it holds over a fresh analysis of its raw text.
    // Reviews are indexed by the pipeline version that made them, to find the stale ones.
    version: 5,
    stores: { decisions: 'id, pageId', reviews: 'pageId, analysis.pipelineVersion' },
    upgrade: async (tx) => {
      const reviews = await tx.table<ReviewRecord, string>('reviews').toArray();
      const raws = await tx.table<RawRow, string>('raws').bulkGet(reviews.map((review) => review.pageId));
      const decisions = reviews.flatMap((review, i) => {
        const raw = raws[i];
        if (!raw) return [];
        // No schema before 5 knew an editor name, so who made these is not known.
        const context = { pageId: review.pageId, who: DEFAULT_EDITOR, at: review.updatedAt };
        return deriveDecisions(analyzePage(raw.text), review.analysis, context);
      });
      await tx.table<Decision, string>('decisions').bulkAdd(decisions);
    },
  },
  {
    // Review and export become separate facts. An `exported` page returns to its review state:
    // nobody's sign-off was recorded, so it is in review if the editor ever changed it, else new;
    // its export state comes from the manifests (undated for exports before version 3).
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      const exported = exportStates(await tx.table<ExportRow>('exports').toArray());
      const changed = new Map(
        (await tx.table<ReviewRecord, string>('reviews').toArray()).map((review) => [review.pageId, review.updatedAt]),
      );
      const edited = new Set<string>();
      await tx.table<HistoryRow, number>('history').each(({ entry }) => {
        for (const pageId of isDeskHistory(entry) ? entry.pages : [entry.page]) edited.add(pageId);
      });
      await tx
        .table<PageRow, string>('pages')
        .toCollection()
        .modify((page: Omit<PageRow, 'status'> & { status: PageStatus | 'exported' }) => {
          const state = exported.get(page.id) ?? (page.status === 'exported' ? { at: null, formats: [] } : undefined);
          if (state) page.exported = state;
          const changedAt = changed.get(page.id);
          if (changedAt !== undefined) page.changedAt = changedAt;
          if (page.status === 'exported') page.status = edited.has(page.id) ? 'in-review' : 'new';
        });
    },
  },
  {
    // A review is stored as a small head row and segments of its long arrays (`review-parts.ts`),
    // so that a step writes the segments it changed instead of the whole review (30 MB on the
    // largest page). The middleware reads the whole rows stored before and writes them in parts;
    // one review at a time, so a large library is never held in memory whole.
    version: 7,
    stores: { [REVIEW_PARTS]: '[pageId+part]' },
    upgrade: async (tx) => {
      const reviews = tx.table<ReviewRecord, string>('reviews');
      for (const pageId of await reviews.toCollection().primaryKeys()) {
        const review = await reviews.get(pageId);
        if (review) await reviews.put(review);
      }
    },
  },
];

export const DB_NAME = 'galley';

/** Declares `versions` on a Dexie instance; tests use it to open a database at an older version. */
export function declareVersions(dexie: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = dexie.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

export class GalleyDB extends Dexie {
  pages!: Table<PageRow, string>;
  raws!: Table<RawRow, string>;
  /** Read and written whole; stored as heads here and segments in `reviewParts` by `review-rows.ts`. */
  reviews!: Table<ReviewRecord, string>;
  /** Only `review-rows.ts` reads and writes these. */
  reviewParts!: Table<ReviewPartRow, [string, number]>;
  history!: Table<HistoryRow, number>;
  tombstones!: Table<TombstoneRow, string>;
  meta!: Table<MetaRow, MetaKey>;
  exports!: Table<ExportRow, [string, string]>;
  issues!: Table<IssueRow, string>;
  issueHistory!: Table<IssueHistoryRow, number>;
  decisions!: Table<Decision, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    declareVersions(this);
    // Every review written, whoever writes it, takes its page's counts along in its transaction.
    this.use(reviewRowsMiddleware((review) => pageStats(review.analysis)));
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    const row = await this.meta.get(key);
    return row?.value as MetaValues[K] | undefined;
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.meta.put({ key, value } as MetaRow);
  }
}

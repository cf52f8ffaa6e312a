import { matchesRule, type IssuePage, type PageAnalysis } from '../../src-shared/model';
import { analyzePage, withFlags } from '../../src-shared/pipeline';
import { markedAfterReplay, replay } from '../../src-shared/review';
import { ensureReview } from '../db/reviews';
import type { GalleyDB } from '../db/schema';
import { buildPipelineVersion } from '../services/reanalyze';
import { issueRow } from '../services/issues';
import {
  inboundStatus,
  type InboundDecisions,
  type InboundPage,
  type PageIssue,
  type StatusDocument,
} from './documents';

/**
 * What the sync tells the writes below about this desk: `own` is called with the transaction that
 * writes, so the sync tells its own writes from the editor's; `changedHere` says whether the editor
 * changed a decision (by its id) or a page's status (by the page's) and the change is not sent yet.
 * It is asked inside the transaction that writes: a change of the editor's committed while that
 * transaction waited for its tables is seen, and not overwritten by what arrived before it.
 */
export interface DeskWrites {
  own(tx: IDBTransaction): void;
  changedHere(id: string): boolean;
}

/** A page that arrived from the team and passed its checks. */
export type ArrivedPage = Extract<InboundPage, { ok: true }>;

/** What one batch of the replica's changes brings this desk, each kind by page. */
export interface TeamArrivals {
  pages?: readonly ArrivedPage[];
  /**
   * Pages this desk holds that another desk filed in an issue: each is filed here too when it is in
   * no issue here (a page is usually sent once imported, and again once the editor groups it).
   */
  filings?: ReadonlyArray<{ pageId: string; issue: PageIssue }>;
  decisions?: ReadonlyMap<string, InboundDecisions>;
  /** Every version the replica holds of each page's status. */
  statuses?: ReadonlyMap<string, readonly StatusDocument[]>;
}

/**
 * Writes a batch of what arrived from the team in one transaction, and returns the ids of the pages
 * it stored. A page is stored as an import stores it, new and not analysed: the background analysis
 * reads it and replays the decisions this desk holds for it, which may have arrived long before.
 * A page this desk holds keeps its name and issue; one in no issue here is filed where the team
 * filed it.
 *
 * Decisions re-derive their page's review: the pipeline's reading of the raw text with every
 * decision the page now has replayed onto it, as a re-analysis does. A decision whose target this
 * desk's analysis lacks is kept and marked for a look, never dropped. The page's history is left
 * alone: undo takes back this editor's steps, not another editor's. Decisions for a page this desk
 * does not hold are stored for when it arrives. A decision or status the editor changed and has not
 * sent yet keeps the editor's version: it goes out next.
 */
export async function applyTeamArrivals(
  db: GalleyDB,
  { pages = [], filings = [], decisions = new Map(), statuses = new Map() }: TeamArrivals,
  desk: DeskWrites,
  analyze: (raw: string) => PageAnalysis = analyzePage,
): Promise<string[]> {
  const fresh = new Map<string, PageAnalysis>();
  for (const pageId of decisions.keys()) {
    const review = await ensureReview(db, pageId, analyze);
    const raw = review ? await db.raws.get(pageId) : undefined;
    if (raw) fresh.set(pageId, { ...analyze(raw.text), pipelineVersion: buildPipelineVersion() });
  }
  const tables = [db.pages, db.raws, db.tombstones, db.issues, db.reviews, db.decisions];
  return db.transaction('rw', tables, async (tx) => {
    desk.own(tx.idbtrans);
    const now = Date.now();
    const stored = await storePages(db, pages, now);
    for (const { pageId, issue } of filings) {
      const unfiled = (await db.issues.where('pageIds').equals(pageId).count()) === 0;
      if (unfiled && (await db.pages.get(pageId))) await fileInIssue(db, pageId, issue, now);
    }
    const writes = [...decisions.values()];
    await db.decisions.bulkDelete(writes.flatMap((write) => write.remove).filter((id) => !desk.changedHere(id)));
    await db.decisions.bulkPut(
      writes.flatMap((write) => write.put).filter((decision) => !desk.changedHere(decision.id)),
    );
    for (const [pageId, analysis] of fresh) await rederive(db, pageId, analysis, now);
    for (const [pageId, versions] of statuses) {
      const page = await db.pages.get(pageId);
      const state = page && inboundStatus(page, versions, desk.changedHere(pageId));
      if (state) await db.pages.update(pageId, { status: state.status, approval: state.approval });
    }
    return stored;
  });
}

/** The page's review from a fresh analysis with every decision it now has replayed. */
async function rederive(db: GalleyDB, pageId: string, fresh: PageAnalysis, now: number): Promise<void> {
  const stored = await db.reviews.get(pageId);
  if (!stored) return;
  const decisions = await db.decisions.where('pageId').equals(pageId).toArray();
  // The corpus check's flags need the whole library, so they stay as this desk found them.
  const corpus = stored.analysis.flags.filter((flag) => matchesRule(flag.rule, 'corpus'));
  const { analysis, needsLook } = replay(withFlags(fresh, corpus), decisions);
  await db.reviews.put({ ...stored, analysis, updatedAt: now });
  await db.decisions.bulkPut(markedAfterReplay(decisions, needsLook));
  await db.pages.update(pageId, { changedAt: now });
}

/**
 * Stores the pages this desk does not hold, with their raw text, filed in the issue the sending
 * desk has them in. A page the editor deleted from this library stays deleted: the team keeps it,
 * and importing its file again ("import anyway") brings it back.
 */
async function storePages(db: GalleyDB, pages: readonly ArrivedPage[], now: number): Promise<string[]> {
  const ids = pages.map(({ page }) => page.id);
  const [held, deleted] = await Promise.all([db.pages.bulkGet(ids), db.tombstones.bulkGet(ids)]);
  const arrived = pages.filter((_, i) => !held[i] && !deleted[i]);
  await db.pages.bulkAdd(arrived.map(({ page }) => ({ ...page, importedAt: now, status: 'new', stats: null })));
  await db.raws.bulkPut(arrived.map(({ page, text }) => ({ id: page.id, text })));
  for (const { page, issue } of arrived) if (issue) await fileInIssue(db, page.id, issue, now);
  return arrived.map(({ page }) => page.id);
}

/** Files an arrived page in its issue, which this desk creates when it has none of that id. */
async function fileInIssue(db: GalleyDB, pageId: string, issue: PageIssue, now: number): Promise<void> {
  const entry: IssuePage = { pageId, ...issue.page };
  const stored = await db.issues.get(issue.id);
  if (stored?.pageIds.includes(pageId)) return;
  const { id, paper, date, number } = issue;
  await db.issues.put(
    stored
      ? issueRow({ ...stored, pages: inPageOrder(stored.pages, entry), updatedAt: now })
      : issueRow({ id, paper, date, number, pages: [entry], createdAt: now, updatedAt: now }),
  );
}

/** The issue's pages with `entry` before the first page numbered after it, or last. */
function inPageOrder(pages: readonly IssuePage[], entry: IssuePage): IssuePage[] {
  const number = entry.pageNumber;
  const at = number === null ? -1 : pages.findIndex((page) => page.pageNumber !== null && page.pageNumber > number);
  return at < 0 ? [...pages, entry] : [...pages.slice(0, at), entry, ...pages.slice(at)];
}

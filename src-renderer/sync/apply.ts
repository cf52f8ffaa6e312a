import { matchesRule, type PageAnalysis } from '../../src-shared/model';
import { analyzePage, withFlags } from '../../src-shared/pipeline';
import { replay } from '../../src-shared/review';
import { ensureReview } from '../db/reviews';
import type { GalleyDB } from '../db/schema';
import { buildPipelineVersion, inForce } from '../services/reanalyze';
import { inboundStatus, type InboundDecisions, type StatusDocument } from './documents';

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

/**
 * Stores decisions that arrived from the team and re-derives the page's review from them: the
 * pipeline's reading of the raw text with every decision the page now has replayed onto it, as a
 * re-analysis does. A decision whose target this desk's analysis lacks is kept and marked for a
 * look, never dropped. The page's history is left alone: undo takes back this editor's steps, not
 * another editor's. Decisions for a page this desk does not hold are stored for when it arrives.
 * A decision the editor changed and has not sent yet keeps the editor's version: it goes out next.
 */
export async function applyTeamDecisions(
  db: GalleyDB,
  pageId: string,
  writes: InboundDecisions,
  desk: DeskWrites,
  analyze: (raw: string) => PageAnalysis = analyzePage,
): Promise<void> {
  const review = await ensureReview(db, pageId, analyze);
  const raw = review ? await db.raws.get(pageId) : undefined;
  const fresh = raw ? { ...analyze(raw.text), pipelineVersion: buildPipelineVersion() } : null;
  await db.transaction('rw', [db.reviews, db.pages, db.decisions], async (tx) => {
    desk.own(tx.idbtrans);
    await db.decisions.bulkDelete(writes.remove.filter((id) => !desk.changedHere(id)));
    await db.decisions.bulkPut(writes.put.filter((decision) => !desk.changedHere(decision.id)));
    const stored = await db.reviews.get(pageId);
    if (!stored || !fresh) return;
    const decisions = await db.decisions.where('pageId').equals(pageId).toArray();
    // The corpus check's flags need the whole library, so they stay as this desk found them.
    const corpus = stored.analysis.flags.filter((flag) => matchesRule(flag.rule, 'corpus'));
    const { analysis, needsLook } = replay(withFlags(fresh, corpus), decisions);
    const now = Date.now();
    await db.reviews.put({ ...stored, analysis, updatedAt: now });
    const lookAt = new Map(needsLook.map((decision) => [decision.id, decision]));
    await db.decisions.bulkPut(decisions.map((decision) => lookAt.get(decision.id) ?? inForce(decision)));
    await db.pages.update(pageId, { changedAt: now });
  });
}

/** Brings the page's status in line with the team's versions of it, unless this desk moved it and has not sent the move. */
export async function applyTeamStatus(
  db: GalleyDB,
  pageId: string,
  versions: readonly StatusDocument[],
  desk: DeskWrites,
): Promise<void> {
  await db.transaction('rw', db.pages, async (tx) => {
    desk.own(tx.idbtrans);
    const page = await db.pages.get(pageId);
    const state = page && inboundStatus(page, versions, desk.changedHere(pageId));
    if (state) await db.pages.update(pageId, { status: state.status, approval: state.approval });
  });
}

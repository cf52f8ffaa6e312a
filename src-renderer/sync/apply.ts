import { matchesRule, type PageAnalysis } from '../../src-shared/model';
import { analyzePage, withFlags } from '../../src-shared/pipeline';
import { replay } from '../../src-shared/review';
import { ensureReview } from '../db/reviews';
import type { GalleyDB } from '../db/schema';
import { buildPipelineVersion, inForce } from '../services/reanalyze';
import { inboundStatus, type InboundDecisions, type StatusDocument } from './documents';

/**
 * Stores decisions that arrived from the team and re-derives the page's review from them: the
 * pipeline's reading of the raw text with every decision the page now has replayed onto it, as a
 * re-analysis does. A decision whose target this desk's analysis lacks is kept and marked for a
 * look, never dropped. The page's history is left alone: undo takes back this editor's steps, not
 * another editor's. Decisions for a page this desk does not hold are stored for when it arrives.
 * `transaction` is called with the transaction that writes, so the sync service can tell its own
 * writes from the editor's.
 */
export async function applyTeamDecisions(
  db: GalleyDB,
  pageId: string,
  writes: InboundDecisions,
  transaction: (tx: IDBTransaction) => void,
  analyze: (raw: string) => PageAnalysis = analyzePage,
): Promise<void> {
  const review = await ensureReview(db, pageId, analyze);
  const raw = review ? await db.raws.get(pageId) : undefined;
  const fresh = raw ? { ...analyze(raw.text), pipelineVersion: buildPipelineVersion() } : null;
  await db.transaction('rw', [db.reviews, db.pages, db.decisions], async (tx) => {
    transaction(tx.idbtrans);
    await db.decisions.bulkDelete(writes.remove);
    await db.decisions.bulkPut(writes.put);
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

/**
 * Brings the page's status in line with the team's versions of it. Whether this desk moved the page
 * and has not sent the move yet (`movedHere`) is asked inside the transaction that writes: a move of
 * the editor's committed while this one waited for the table is seen, and not overwritten by a
 * version it never saw.
 */
export async function applyTeamStatus(
  db: GalleyDB,
  pageId: string,
  versions: readonly StatusDocument[],
  movedHere: () => boolean,
  transaction: (tx: IDBTransaction) => void,
): Promise<void> {
  await db.transaction('rw', db.pages, async (tx) => {
    transaction(tx.idbtrans);
    const page = await db.pages.get(pageId);
    const state = page && inboundStatus(page, versions, movedHere());
    if (state) await db.pages.update(pageId, { status: state.status, approval: state.approval });
  });
}

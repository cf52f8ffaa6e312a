import { matchesRule, type PageAnalysis, type ReanalysisProposal } from '../../src-shared/model';
import { PIPELINE_VERSION, withFlags } from '../../src-shared/pipeline';
import { entry, markedAfterReplay, patch, readsTheSame, replay } from '../../src-shared/review';
import { commitAction, reviewTables } from '../db/reviews';
import type { GalleyDB, PageRow } from '../db/schema';
import { progressMeter, type AnalyzeProgress, type Analyzer } from './analyze';

/**
 * The pipeline version this build reports. `?pipelineVersion=N` in the page address overrides it,
 * so an end-to-end test can stand for a newer build without a second pipeline.
 */
export function buildPipelineVersion(search: string = globalThis.location?.search ?? ''): number {
  const asked = Number(new URLSearchParams(search).get('pipelineVersion'));
  return Number.isInteger(asked) && asked > 0 ? asked : PIPELINE_VERSION;
}

/** Pages whose stored analysis another pipeline version made. */
export function stalePageIds(db: GalleyDB, version: number): Promise<string[]> {
  return db.reviews.where('analysis.pipelineVersion').notEqual(version).primaryKeys();
}

export interface ReanalyzeReport {
  reanalysed: number;
  /** Approved or exported pages that got a proposal instead of a change. */
  proposed: number;
  /** Decisions that found no target in the new analysis; each is kept, marked. */
  needsLook: number;
  cancelled: boolean;
}

const BATCH_SIZE = 50;

/**
 * Re-analyses every page a different pipeline version analysed, in the analyser's
 * worker, and replays the editor's decisions onto each new analysis in the transaction that
 * stores it, so an action made meanwhile is never lost. An approved or exported page keeps its
 * review; the new analysis waits beside it as a proposal.
 */
export async function reanalyzeStale(
  db: GalleyDB,
  analyze: Analyzer,
  options: {
    version?: number;
    signal?: AbortSignal;
    onProgress?: (progress: AnalyzeProgress) => void;
    now?: () => number;
  } = {},
): Promise<ReanalyzeReport> {
  const { version = buildPipelineVersion(), signal, onProgress, now = Date.now } = options;
  const ids = await stalePageIds(db, version);
  const report: ReanalyzeReport = { reanalysed: 0, proposed: 0, needsLook: 0, cancelled: false };
  // A library of 10,000 pages takes minutes to re-analyse: the editor sees how far it got.
  const progress = ids.length > 0 ? progressMeter('reanalysis', ids.length, onProgress, now) : () => {};
  progress(0);
  for (let from = 0; from < ids.length && !signal?.aborted; from += BATCH_SIZE) {
    const batch = ids.slice(from, from + BATCH_SIZE);
    const raws = await db.raws.bulkGet(batch);
    const results = await analyze(raws.flatMap((raw) => (raw ? [{ id: raw.id, raw: raw.text }] : [])));
    if (signal?.aborted) break;
    await db.transaction('rw', [db.reviews, db.pages, db.decisions], async () => {
      for (const result of results) {
        if ('error' in result) continue; // stays on its old analysis and is tried on the next run
        const replayed = await replayStored(db, result.id, { ...result.analysis, pipelineVersion: version });
        if (!replayed) continue;
        const { review, page, decisions, proposal } = replayed;
        report.needsLook += proposal.needsLook.length;
        if (isSignedOff(page)) {
          await db.reviews.put({ ...review, proposal });
          report.proposed++;
          continue;
        }
        await db.reviews.put({ pageId: review.pageId, analysis: proposal.analysis, updatedAt: review.updatedAt });
        await db.decisions.bulkPut(markedAfterReplay(decisions, proposal.needsLook));
        report.reanalysed++;
      }
    });
    progress(Math.min(ids.length, from + BATCH_SIZE));
  }
  report.cancelled = signal?.aborted ?? false;
  return report;
}

/** An approved or exported page is not changed under the editor: its re-analysis waits as a proposal. */
function isSignedOff(page: PageRow): boolean {
  return page.status === 'approved' || page.exported !== undefined;
}

/**
 * The stored page's decisions replayed onto its fresh analysis, as the proposal to store or take;
 * null when the page was deleted meanwhile.
 */
async function replayStored(db: GalleyDB, pageId: string, fresh: PageAnalysis) {
  const [review, page] = await Promise.all([db.reviews.get(pageId), db.pages.get(pageId)]);
  if (!review || !page) return null;
  const decisions = await db.decisions.where('pageId').equals(pageId).toArray();
  // The corpus check's flags need the whole library, so a page's re-analysis keeps those it had.
  const corpus = review.analysis.flags.filter((flag) => matchesRule(flag.rule, 'corpus'));
  const proposal: ReanalysisProposal = replay(withFlags(fresh, corpus), decisions);
  return { review, page, decisions, proposal };
}

/**
 * Puts the replayed analysis in place as an undoable step and marks the page's decisions as the
 * replay found them. An analysis that reads as the page already does is no step: there is nothing
 * to undo, and undoing a bare version change would only make the page stale again.
 */
async function takeProposal(db: GalleyDB, pageId: string, proposal: ReanalysisProposal) {
  const step = await commitAction(db, [pageId], ([page]) =>
    entry(
      'page.reanalyse',
      String(proposal.analysis.pipelineVersion),
      readsTheSame(page.analysis, proposal.analysis)
        ? []
        : [patch(pageId, [{ type: 'replace-analysis', from: page.analysis, to: proposal.analysis }])],
    ),
  );
  if (!step) await db.reviews.update(pageId, { 'analysis.pipelineVersion': proposal.analysis.pipelineVersion });
  const decisions = await db.decisions.where('pageId').equals(pageId).toArray();
  await db.decisions.bulkPut(markedAfterReplay(decisions, proposal.needsLook));
  return step;
}

/** Takes the waiting re-analysis of an approved page, as an undoable step. */
export function acceptProposal(db: GalleyDB, pageId: string) {
  return db.transaction('rw', reviewTables(db), async () => {
    const review = await db.reviews.get(pageId);
    return review?.proposal ? takeProposal(db, pageId, review.proposal) : null;
  });
}

export interface PageReanalysis {
  /**
   * `taken`: the page now shows the new analysis (undoable); `unchanged`: it read the same, so
   * there is nothing to undo; `proposed`: it waits beside an approved or exported page.
   */
  outcome: 'taken' | 'unchanged' | 'proposed';
  needsLook: number;
}

/**
 * Re-analyses one page because the editor asked, with this build's pipeline, replaying their
 * decisions as a background re-analysis does. Being the editor's own action, it is an undoable
 * step; an approved or exported page still gets a proposal rather than a change. Null when the
 * page is gone; an analysis that fails throws its reason.
 */
export async function reanalysePage(
  db: GalleyDB,
  analyze: Analyzer,
  pageId: string,
  version: number = buildPipelineVersion(),
): Promise<PageReanalysis | null> {
  const raw = await db.raws.get(pageId);
  if (!raw) return null;
  const [result] = await analyze([{ id: pageId, raw: raw.text }]);
  if (!result) return null;
  if ('error' in result) throw new Error(result.error);
  return db.transaction('rw', reviewTables(db), async () => {
    const replayed = await replayStored(db, pageId, { ...result.analysis, pipelineVersion: version });
    if (!replayed) return null;
    const { review, page, proposal } = replayed;
    const needsLook = proposal.needsLook.length;
    if (isSignedOff(page)) {
      await db.reviews.put({ ...review, proposal });
      return { outcome: 'proposed', needsLook };
    }
    const step = await takeProposal(db, pageId, proposal);
    return { outcome: step ? 'taken' : 'unchanged', needsLook };
  });
}

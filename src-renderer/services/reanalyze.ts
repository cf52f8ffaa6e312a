import { matchesRule, type Decision, type PageAnalysis, type ReviewRecord } from '../../src-shared/model';
import { PIPELINE_VERSION, withFlags } from '../../src-shared/pipeline';
import { entry, patch, replay } from '../../src-shared/review';
import { commitAction, reviewTables } from '../db/reviews';
import { pageStats, type GalleyDB } from '../db/schema';
import type { Analyzer } from './analyze';

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
 * Re-analyses every page a different pipeline version analysed (or `only`), in the analyser's
 * worker, and replays the editor's decisions onto each new analysis in the transaction that
 * stores it, so an action made meanwhile is never lost. An approved or exported page keeps its
 * review; the new analysis waits beside it as a proposal.
 */
export async function reanalyzeStale(
  db: GalleyDB,
  analyze: Analyzer,
  options: { version?: number; only?: readonly string[]; signal?: AbortSignal } = {},
): Promise<ReanalyzeReport> {
  const { version = buildPipelineVersion(), only, signal } = options;
  const ids = only ? [...only] : await stalePageIds(db, version);
  const report: ReanalyzeReport = { reanalysed: 0, proposed: 0, needsLook: 0, cancelled: false };
  for (let from = 0; from < ids.length && !signal?.aborted; from += BATCH_SIZE) {
    const batch = ids.slice(from, from + BATCH_SIZE);
    const raws = await db.raws.bulkGet(batch);
    const results = await analyze(raws.flatMap((raw) => (raw ? [{ id: raw.id, raw: raw.text }] : [])));
    if (signal?.aborted) break;
    await db.transaction('rw', [db.reviews, db.pages, db.decisions], async () => {
      for (const result of results) {
        if ('error' in result) continue; // stays on its old analysis and is tried on the next run
        const [review, page] = await Promise.all([db.reviews.get(result.id), db.pages.get(result.id)]);
        if (!review || !page) continue;
        const decisions = await db.decisions.where('pageId').equals(result.id).toArray();
        const { analysis, needsLook } = replayOnto({ ...result.analysis, pipelineVersion: version }, review, decisions);
        const lookAt = new Set(needsLook.map((d) => d.id));
        report.needsLook += lookAt.size;
        if (page.status === 'approved' || page.exported !== undefined) {
          await db.reviews.put({ ...review, proposal: { analysis, needsLook } });
          report.proposed++;
          continue;
        }
        await db.reviews.put({ pageId: review.pageId, analysis, updatedAt: review.updatedAt });
        await db.pages.update(page.id, { stats: pageStats(analysis) });
        await db.decisions.bulkPut([...needsLook, ...decisions.filter((d) => !lookAt.has(d.id)).map(inForce)]);
        report.reanalysed++;
      }
    });
  }
  report.cancelled = signal?.aborted ?? false;
  return report;
}

function inForce(decision: Decision): Decision {
  const kept = { ...decision };
  delete kept.needsLook;
  return kept;
}

/** The corpus check's flags need the whole library, so a page's re-analysis keeps those it had. */
function replayOnto(fresh: PageAnalysis, review: ReviewRecord, decisions: readonly Decision[]) {
  const corpus = review.analysis.flags.filter((flag) => matchesRule(flag.rule, 'corpus'));
  return replay(withFlags(fresh, corpus), decisions);
}

/** Takes the waiting re-analysis of an approved page, as an undoable step. */
export function acceptProposal(db: GalleyDB, pageId: string) {
  return db.transaction('rw', reviewTables(db), async () => {
    const review = await db.reviews.get(pageId);
    if (!review?.proposal) return null;
    const { proposal } = review;
    const step = await commitAction(db, [pageId], ([page]) =>
      entry('page.reanalyse', String(proposal.analysis.pipelineVersion), [
        patch(pageId, [{ type: 'replace-analysis', from: page.analysis, to: proposal.analysis }]),
      ]),
    );
    const lookAt = new Map(proposal.needsLook.map((d) => [d.id, d]));
    const decisions = await db.decisions.where('pageId').equals(pageId).toArray();
    await db.decisions.bulkPut(decisions.map((d) => lookAt.get(d.id) ?? inForce(d)));
    return step;
  });
}

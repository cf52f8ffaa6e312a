import { withHeldDecisions } from '../db/reviews';
import type { GalleyDB } from '../db/schema';
import type { ReviewRecord } from '../../src-shared/model';
import type { AnalyzeInput, AnalyzeOutput } from '../workers/analyze-batch';

/** Runs the pipeline on a batch of pages: in a worker in the app, in-thread in tests. */
export type Analyzer = (pages: readonly AnalyzeInput[]) => Promise<AnalyzeOutput[]>;

export interface AnalyzeProgress {
  /** A first analysis, or the re-analysis of pages an older pipeline read. */
  phase: 'analysis' | 'reanalysis';
  done: number;
  total: number;
  pagesPerSecond: number;
  /** null until the rate is known. */
  secondsLeft: number | null;
}

/**
 * Reports `done` of `total` pages with the rate so far and the time left at that rate: called once
 * at the start and after each batch stored.
 */
export function progressMeter(
  phase: AnalyzeProgress['phase'],
  total: number,
  onProgress: ((progress: AnalyzeProgress) => void) | undefined,
  now: () => number,
): (done: number) => void {
  const started = now();
  return (done) => {
    const seconds = (now() - started) / 1000;
    const pagesPerSecond = seconds > 0 ? done / seconds : 0;
    const secondsLeft = pagesPerSecond > 0 ? (total - done) / pagesPerSecond : null;
    onProgress?.({ phase, done, total, pagesPerSecond, secondsLeft });
  };
}

export interface AnalyzeReport {
  analysed: number;
  /** Pages the pipeline threw on; they stay unanalysed (stats null) and are tried again next run. */
  failed: Array<{ id: string; name: string; reason: string }>;
  /** True when the signal stopped the run; every batch stored before that is complete. */
  cancelled: boolean;
}

export interface AnalyzeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: AnalyzeProgress) => void;
  /** Pages per transaction: a cancelled run loses at most the batch in flight, never half of one. */
  batchSize?: number;
  now?: () => number;
}

const DEFAULT_BATCH_SIZE = 50;

/** Pages with no analysis yet, oldest import first, so a fresh import fills in from its top. */
export function pendingPageIds(db: GalleyDB): Promise<string[]> {
  return db.pages
    .orderBy('importedAt')
    .filter((page) => page.stats === null)
    .primaryKeys();
}

/**
 * Analyses every page that has none and stores, per batch and in one transaction, each page's
 * review with the decisions held for it replayed (its library counts follow it, see GalleyDB).
 * The next batch is read and analysed while the current one is written, so the worker is rarely
 * idle. A review that appeared meanwhile (the editor opened the page) is never overwritten.
 */
export async function analyzePending(
  db: GalleyDB,
  analyze: Analyzer,
  options: AnalyzeOptions = {},
): Promise<AnalyzeReport> {
  const { signal, onProgress, batchSize = DEFAULT_BATCH_SIZE, now = Date.now } = options;
  const report: AnalyzeReport = { analysed: 0, failed: [], cancelled: false };
  const ids = await pendingPageIds(db);
  const batches: string[][] = [];
  for (let from = 0; from < ids.length; from += batchSize) batches.push(ids.slice(from, from + batchSize));

  const progress = progressMeter('analysis', ids.length, onProgress, now);
  let done = 0;
  const load = async (batch: readonly string[]) => {
    const raws = await db.raws.bulkGet([...batch]);
    return analyze(raws.flatMap((raw) => (raw ? [{ id: raw.id, raw: raw.text }] : [])));
  };

  progress(done);
  let next = batches.length > 0 ? load(batches[0]) : null;
  try {
    for (let i = 0; i < batches.length && !signal?.aborted; i++) {
      const results = await next!;
      next = i + 1 < batches.length ? load(batches[i + 1]) : null;
      if (signal?.aborted) break;
      await storeAnalyses(db, results, report, now());
      done += batches[i].length;
      progress(done);
    }
  } finally {
    // A batch read ahead but never stored is simply dropped; nothing of it was written.
    next?.catch(() => {});
  }
  report.cancelled = signal?.aborted ?? false;
  return report;
}

async function storeAnalyses(
  db: GalleyDB,
  results: readonly AnalyzeOutput[],
  report: AnalyzeReport,
  updatedAt: number,
): Promise<void> {
  const ids = results.map((result) => result.id);
  let analysed = 0;
  const failed: AnalyzeReport['failed'] = [];
  await db.transaction('rw', db.pages, db.reviews, db.decisions, async () => {
    analysed = 0;
    failed.length = 0;
    const [pages, reviews] = await Promise.all([db.pages.bulkGet(ids), db.reviews.bulkGet(ids)]);
    const added: ReviewRecord[] = [];
    results.forEach((result, i) => {
      const page = pages[i];
      if (!page) return; // deleted while it was being analysed
      if ('error' in result) {
        failed.push({ id: page.id, name: page.name, reason: result.error });
        return;
      }
      if (!reviews[i]) added.push({ pageId: page.id, analysis: result.analysis, updatedAt });
      analysed++;
    });
    await db.reviews.bulkAdd(await withHeldDecisions(db, added));
  });
  // Counted only once the transaction committed.
  report.analysed += analysed;
  report.failed.push(...failed);
}

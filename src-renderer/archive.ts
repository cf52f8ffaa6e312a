import { galley } from './bridge';
import { db } from './db/db';
import { analyzePending } from './services/analyze';
import { storeCorpusFlags } from './services/corpus';
import { reanalyzeStale } from './services/reanalyze';
import { backupFileName, BackupError, exportBackup, restoreBackup, type RestorePlan } from './services/backup';
import { i18n } from './i18n';
import { setAnalysisProgress } from './store/analysis';
import { useLibrary } from './store/library';
import { pushFailure, pushNotice } from './store/ui';
import { findCorpusFlagsInWorker } from './workers/corpus-check';
import { createAnalyzerPool, type WorkerAnalyzer } from './workers/worker-analyzer';

/** Intents for a large archive: background analysis after every import, backup and restore. */

/**
 * The run in progress. Holding the worker here matters: nothing else outside it refers to the
 * worker, and a garbage collection mid-run would otherwise take it (and the pending batch) away.
 */
let analysis: { controller: AbortController; worker: WorkerAnalyzer } | null = null;
let analyseAgain = false;

/** Analyses every page that has no analysis yet, in a worker; a call during a run queues one more run. */
export async function analyzeInBackground(): Promise<void> {
  if (analysis) {
    analyseAgain = true;
    return;
  }
  const run = { controller: new AbortController(), worker: createAnalyzerPool() };
  analysis = run;
  const { signal } = run.controller;
  let analysedAny = false;
  try {
    do {
      analyseAgain = false;
      const report = await analyzePending(db, run.worker.analyze, { signal, onProgress: setAnalysisProgress });
      analysedAny ||= report.analysed > 0;
      if (report.failed.length > 0) {
        pushNotice({
          tone: 'error',
          key: 'scale:analysis.failed',
          values: { count: report.failed.length },
          details: report.failed.map(({ name }) => name),
          technical: report.failed.map(({ name, reason }) => `${name}: ${reason}`).join('\n'),
        });
      }
    } while (analyseAgain && !signal.aborted);
    // Pages another pipeline version analysed get this one's reading, the editor's decisions replayed.
    const reanalysis = signal.aborted
      ? null
      : await reanalyzeStale(db, run.worker.analyze, { signal, onProgress: setAnalysisProgress });
    analysedAny ||= (reanalysis?.reanalysed ?? 0) > 0;
    if (reanalysis && reanalysis.needsLook > 0) {
      pushNotice({ tone: 'info', key: 'scale:reanalysis.needsLook', values: { count: reanalysis.needsLook } });
    }
    // New pages can make a name on an old page a rare variant: the library is checked as a whole.
    if (analysedAny && !signal.aborted) await storeCorpusFlags(db, await findCorpusFlagsInWorker());
  } catch (error) {
    pushFailure('scale:analysis.crashed', error);
  } finally {
    run.worker.terminate();
    analysis = null;
    setAnalysisProgress(null);
  }
  // Asked again while this run was being stopped (a restore cancels it, then wants its pages analysed).
  if (analyseAgain) void analyzeInBackground();
}

/** Stops after the batch in flight; pages not reached are analysed on the next start or import. */
export function cancelAnalysis(): void {
  analysis?.controller.abort();
}

/** Analyses what is pending now, then again whenever an import finishes. */
export function startBackgroundAnalysis(): () => void {
  const unsubscribe = useLibrary.subscribe((state, previous) => {
    if (previous.progress && !state.progress) void analyzeInBackground();
  });
  void analyzeInBackground();
  return unsubscribe;
}

export async function backUpLibrary(): Promise<void> {
  try {
    const data = new Uint8Array(await (await exportBackup(db)).arrayBuffer());
    const name = backupFileName();
    const result = await galley.saveFiles({ suggestedName: name, files: [{ name, data }] });
    if (result.saved) pushNotice({ tone: 'info', key: 'scale:backup.saved', values: { location: result.location } });
  } catch (error) {
    pushFailure('scale:backup.failed', error);
  }
}

/**
 * Restores `file` once it has passed every check and `confirm` agreed; refusals are named and
 * translated, and leave the library as it was.
 */
export async function restoreLibrary(file: File, confirm: (plan: RestorePlan) => boolean): Promise<void> {
  // Analysis writes pages; stop it so it cannot write into the tables being replaced.
  cancelAnalysis();
  try {
    const report = await restoreBackup(db, file.name, new Uint8Array(await file.arrayBuffer()), confirm);
    if (report) {
      const pages = report.tables.find((table) => table.name === 'pages')?.rows ?? 0;
      pushNotice({ tone: 'info', key: 'scale:restore.done', values: { name: file.name, count: pages } });
    }
  } catch (error) {
    if (error instanceof BackupError) {
      const reason = i18n.t(`scale:restore.problem.${error.problem.key}`, error.problem);
      pushNotice({ tone: 'error', key: 'scale:restore.failed', values: { name: file.name, reason } });
    } else {
      const reason = i18n.t('scale:restore.problem.unexpected');
      pushFailure('scale:restore.failed', error, { name: file.name, reason });
    }
  }
  void analyzeInBackground();
}

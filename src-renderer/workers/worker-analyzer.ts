import type { Analyzer } from '../services/analyze';
import type { AnalyzeOutput } from './analyze-batch';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze.worker';
import { userActive } from './user-activity';

export interface WorkerAnalyzer {
  analyze: Analyzer;
  terminate(): void;
}

/** An `Analyzer` backed by one module worker; batches are answered in the order they were sent. */
export function createWorkerAnalyzer(): WorkerAnalyzer {
  const worker = new Worker(new URL('./analyze.worker.ts', import.meta.url), {
    type: 'module',
    name: 'galley-analyze',
  });
  const waiting = new Map<number, { resolve: (results: AnalyzeOutput[]) => void; reject: (error: Error) => void }>();
  let nextRequest = 1;

  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
    const request = waiting.get(event.data.requestId);
    waiting.delete(event.data.requestId);
    request?.resolve(event.data.results);
  };
  worker.onerror = (event) => failAll(new Error(`the analysis worker failed: ${event.message || 'unknown error'}`));
  worker.onmessageerror = () => failAll(new Error('the analysis worker sent a message that could not be read'));

  return {
    analyze: (pages) =>
      new Promise((resolve, reject) => {
        const requestId = nextRequest++;
        waiting.set(requestId, { resolve, reject });
        worker.postMessage({ requestId, pages } satisfies AnalyzeRequest);
      }),
    terminate: () => {
      worker.terminate();
      failAll(new Error('the analysis worker was stopped'));
    },
  };
}

/** Workers beyond this many cost each its own copy of the pipeline and lexicon for little gain. */
const MAX_POOL = 4;

/**
 * One analysis worker per core (at most MAX_POOL), as one `Analyzer`: a batch is shared out in
 * contiguous slices, one per worker, analysed at once and answered in the order it came. While the
 * editor scrolls or types, a batch goes to one worker fewer (see poolAnalyzers).
 */
export function createAnalyzerPool(cores = globalThis.navigator?.hardwareConcurrency ?? 1): WorkerAnalyzer {
  const size = Math.max(1, Math.min(MAX_POOL, cores));
  return poolAnalyzers(Array.from({ length: size }, createWorkerAnalyzer), userActive);
}

/**
 * The workers as one `Analyzer`. A batch asked for while `editing()` leaves the last worker out:
 * with a worker on every core, the page's frames waited for a core, and scrolling the library
 * while the analysis wrote dropped one frame in three (issue 13). A batch takes well under a
 * second, so the pool is whole again soon after the editor stops.
 */
export function poolAnalyzers(
  workers: readonly WorkerAnalyzer[],
  editing: () => boolean = () => false,
): WorkerAnalyzer {
  return {
    analyze: async (pages) => {
      const working = workers.length > 1 && editing() ? workers.slice(0, -1) : workers;
      const share = Math.ceil(pages.length / working.length);
      const slices = working
        .map((worker, i) => ({ worker, pages: pages.slice(i * share, (i + 1) * share) }))
        .filter((slice) => slice.pages.length > 0);
      const results = await Promise.all(slices.map(({ worker, pages: slice }) => worker.analyze(slice)));
      return results.flat();
    },
    terminate: () => {
      for (const worker of workers) worker.terminate();
    },
  };
}

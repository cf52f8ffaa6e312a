import type { CorpusFindings } from '../services/corpus';
import type { CorpusResponse } from './corpus.worker';

/** One corpus check in a worker of its own, which reads the library from IndexedDB itself. */
export function findCorpusFlagsInWorker(): Promise<CorpusFindings> {
  const worker = new Worker(new URL('./corpus.worker.ts', import.meta.url), { type: 'module', name: 'galley-corpus' });
  return new Promise<CorpusFindings>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<CorpusResponse>) => {
      if ('error' in event.data) reject(new Error(event.data.error));
      else resolve(event.data.findings);
    };
    worker.onerror = (event) => reject(new Error(`the corpus check failed: ${event.message || 'unknown error'}`));
    worker.postMessage(null);
  }).finally(() => worker.terminate());
}

import type { TextSearchResult } from '../services/text-search';
import type { TextSearchRequest, TextSearchResponse } from './text-search.worker';

let worker: Worker | null = null;
const waiting = new Map<
  number,
  { resolve: (result: TextSearchResult | null) => void; reject: (error: Error) => void }
>();
let nextRequest = 1;

function failAll(error: Error): void {
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
  worker?.terminate();
  worker = null;
}

/**
 * The library's full-text search in a worker kept for the session (its module and dictionary load
 * once). A newer query stops the one in flight, which then resolves to null.
 */
export function searchTextInWorker(query: string): Promise<TextSearchResult | null> {
  if (!worker) {
    worker = new Worker(new URL('./text-search.worker.ts', import.meta.url), { type: 'module', name: 'galley-search' });
    worker.onmessage = (event: MessageEvent<TextSearchResponse>) => {
      const { data } = event;
      const request = waiting.get(data.requestId);
      waiting.delete(data.requestId);
      if ('error' in data) request?.reject(new Error(data.error));
      else request?.resolve('result' in data ? data.result : null);
    };
    worker.onerror = (event) => failAll(new Error(`the search worker failed: ${event.message || 'unknown error'}`));
  }
  const requestId = nextRequest++;
  const started = worker;
  return new Promise((resolve, reject) => {
    waiting.set(requestId, { resolve, reject });
    started.postMessage({ requestId, query } satisfies TextSearchRequest);
  });
}

/// <reference lib="webworker" />
import '../../src-shared/zod-config';
import { analyzeBatch, type AnalyzeInput } from './analyze-batch';

export interface AnalyzeRequest {
  requestId: number;
  pages: readonly AnalyzeInput[];
}

export interface AnalyzeResponse {
  requestId: number;
  results: ReturnType<typeof analyzeBatch>;
}

// The pipeline is pure CPU work: here it never blocks input, scrolling or rendering.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<AnalyzeRequest>) => {
  const { requestId, pages } = event.data;
  scope.postMessage({ requestId, results: analyzeBatch(pages) } satisfies AnalyzeResponse);
};

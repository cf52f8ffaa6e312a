/// <reference lib="webworker" />
import '../../src-shared/zod-config';
import { db } from '../db/db';
import { searchText, type RawTexts, type TextSearchResult } from '../services/text-search';
import { errorText } from '../error-text';

export interface TextSearchRequest {
  requestId: number;
  query: string;
}

/** `superseded`: a newer request came in first, so this one stopped and has no result. */
export type TextSearchResponse =
  | { requestId: number; result: TextSearchResult }
  | { requestId: number; superseded: true }
  | { requestId: number; error: string };

// A pass over every raw text is too much for the UI thread at archive scale. Each query reads the
// pages and reviews afresh, so it sees what was imported or edited since the last one; the raw texts
// are read once and kept (about 10 KB a page), since they never change.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const rawTexts: RawTexts = new Map();
let running: AbortController | null = null;
scope.onmessage = (event: MessageEvent<TextSearchRequest>) => {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const { requestId, query } = event.data;
  searchText(db, query, { signal: controller.signal, rawTexts }).then(
    (result) => scope.postMessage({ requestId, result } satisfies TextSearchResponse),
    (error: unknown) =>
      scope.postMessage(
        (controller.signal.aborted
          ? { requestId, superseded: true }
          : { requestId, error: errorText(error) }) satisfies TextSearchResponse,
      ),
  );
};

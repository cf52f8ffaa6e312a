/// <reference lib="webworker" />
import '../../src-shared/zod-config';
import { db } from '../db/db';
import { findCorpusFlags, type CorpusFindings } from '../services/corpus';
import { errorText } from '../error-text';

export type CorpusResponse = { findings: CorpusFindings } | { error: string };

// Reading every page and indexing it is seconds of work at archive scale: never on the UI thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = () => {
  findCorpusFlags(db).then(
    (findings) => scope.postMessage({ findings } satisfies CorpusResponse),
    (error: unknown) => scope.postMessage({ error: errorText(error) } satisfies CorpusResponse),
  );
};

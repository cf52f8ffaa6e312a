import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodePage } from '../src-shared/pipeline/decode';
import { chunk } from '../src-shared/pipeline/chunk';
import { classify } from '../src-shared/pipeline/classify';
import { lintCorpus, type CorpusPage } from '../src-shared/pipeline/lint';

export interface LintTiming {
  pages: number;
  ms: number;
  pagesPerSecond: number;
  flags: number;
}

/**
 * Times the corpus-wide checks (name variants, the same text on two pages) over the whole corpus.
 * They read only each page's chunk roles, so chunking and classifying, done first, are not timed.
 */
export function lintCorpusTiming(files: readonly string[]): LintTiming {
  const pages: CorpusPage[] = files.map((file) => {
    const { text: raw } = decodePage(new Uint8Array(readFileSync(file)), basename(file));
    const { pieces } = classify(chunk({ raw, pieces: [], edits: [], flags: [], boundaries: [] }));
    return { id: basename(file), raw, chunks: pieces.map(({ id, start, end, role }) => ({ id, start, end, role })) };
  });
  const started = performance.now();
  const flags = lintCorpus(pages);
  const ms = performance.now() - started;
  let count = 0;
  for (const list of flags.values()) count += list.length;
  return { pages: pages.length, ms, pagesPerSecond: pages.length / (ms / 1000), flags: count };
}

import type { Chunk, Flag, PageAnalysis } from '../model/analysis';
import { classify } from './classify';
import { MARKUP } from './chunk';
import { removedBlocks, type PageView, type Stage } from './draft';
import { toPageResult, type PageResult } from './result';
import { dedupe } from './dedupe';
import { displaced } from './displaced';
import { extractBylines } from './extract';
import { join } from './join';
import { corpusDigest, lintCorpus, type CorpusDigest } from './lint';
import { lint } from './lint-stage';
import { reflow } from './reflow';
import { segment } from './segment';
import { strip } from './strip';

export type { PageResult, ResultArticle, ResultEdit, ResultFlag } from './result';
export { decodePage, DecodeError } from './decode';

/** Bumped whenever the output for the same raw text may change (stored analyses record it). */
export const PIPELINE_VERSION = 44;

/** The stages in order; frozen so the app and the CLI always run the same pipeline. */
export const STAGES: readonly Stage[] = Object.freeze([
  reflow,
  classify,
  strip,
  extractBylines,
  dedupe,
  join,
  displaced,
  segment,
  lint,
]);

/** Raw page text → the pipeline's plan for it. Deterministic: the same text gives the same analysis. */
export function analyzePage(raw: string): PageAnalysis {
  const start: PageView = { raw, pieces: [], edits: [], flags: [], boundaries: [] };
  const done = STAGES.reduce((draft, stage) => stage(draft), start);
  const chunks: Chunk[] = done.pieces.map((piece) => {
    const result: Chunk = { id: piece.id, start: piece.start, end: piece.end, role: piece.role };
    if (piece.furniture) result.furniture = piece.furniture;
    if (piece.section) result.section = piece.section;
    return result;
  });
  return {
    pipelineVersion: PIPELINE_VERSION,
    chunks,
    boundaries: [...done.boundaries],
    edits: [...done.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id)),
    flags: [...done.flags].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
  };
}

export interface CorpusInput {
  id: string;
  raw: string;
}

/**
 * Pages analysed together: each page on its own, then the checks that need to see past one page
 * (name variants, a paragraph printed on two pages) once over the whole batch. The corpus lint
 * indexes shingles and name tokens, so this stays near-linear in the number of pages.
 */
export function analyzeCorpus(pages: readonly CorpusInput[]): PageAnalysis[] {
  const analyses = pages.map((page) => analyzePage(page.raw));
  const found = corpusFlags(pages.map((page, i) => ({ ...page, analysis: analyses[i] })));
  return analyses.map((analysis, i) => withFlags(analysis, found.get(pages[i].id) ?? []));
}

/** The corpus checks over pages that are already analysed (the app's library). */
export function corpusFlags(pages: readonly (CorpusInput & { analysis: PageAnalysis })[]): Map<string, Flag[]> {
  return lintCorpus(pages.map((page) => ({ id: page.id, raw: page.raw, chunks: liveChunks(page.raw, page.analysis) })));
}

/** What the corpus checks need of one analysed page, so a batch can keep that and not the page. */
export function corpusDigestOf(page: CorpusInput & { analysis: PageAnalysis }): CorpusDigest {
  return corpusDigest({ id: page.id, raw: page.raw, chunks: liveChunks(page.raw, page.analysis) });
}

/** Adds flags the analysis does not hold yet (by id), keeping the pipeline's order. */
export function withFlags(analysis: PageAnalysis, flags: readonly Flag[]): PageAnalysis {
  const known = new Set(analysis.flags.map((flag) => flag.id));
  const fresh = flags.filter((flag) => !known.has(flag.id));
  if (fresh.length === 0) return analysis;
  return {
    ...analysis,
    flags: [...analysis.flags, ...fresh].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
  };
}

/**
 * Chunks of a stored analysis that still hold text once applied removals (duplicates) are taken
 * out, read as the page view reads them: a chunk is removed when a removal covers its words (the
 * chunk after any leading markup).
 */
export function liveChunks(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'edits'>): Chunk[] {
  const blocks = analysis.chunks.map((chunk) => ({
    chunk,
    content: { start: chunk.start + (MARKUP.exec(raw.slice(chunk.start, chunk.end))?.[0].length ?? 0), end: chunk.end },
  }));
  const removed = removedBlocks(blocks, analysis.edits);
  return blocks
    .filter(
      (block) =>
        block.chunk.role !== 'furniture' &&
        !removed.has(block) &&
        raw.slice(block.chunk.start, block.chunk.end).trim() !== '',
    )
    .map((block) => block.chunk);
}

/** One page as the CLI prints it: the clean articles, furniture, edits and flags. */
export function cleanPage(source: string, raw: string): PageResult {
  return toPageResult(source, raw, analyzePage(raw));
}

import type { Chunk, Flag, PageAnalysis } from '../model/analysis';
import { classify } from './classify';
import type { PageDraft, Stage } from './draft';
import { toPageResult, type PageResult } from './result';
import { dedupe } from './dedupe';
import { displaced } from './displaced';
import { extractBylines } from './extract';
import { join } from './join';
import { lintCorpus } from './lint';
import { lint } from './lint-stage';
import { reflow } from './reflow';
import { segment } from './segment';
import { strip } from './strip';

export type { PageResult, ResultArticle, ResultEdit, ResultFlag } from './result';
export { decodePage, DecodeError } from './decode';

/** Bumped whenever the output for the same raw text may change (stored analyses record it). */
export const PIPELINE_VERSION = 8;

/** The stages in order; frozen so the app and the CLI always run the same pipeline. */
export const STAGES: readonly Stage[] = Object.freeze([reflow, classify, strip, extractBylines, dedupe, join, displaced, segment, lint]);

/** Raw page text → the pipeline's plan for it. Deterministic: the same text gives the same analysis. */
export function analyzePage(raw: string): PageAnalysis {
  const start: PageDraft = { raw, pieces: [], edits: [], flags: [], boundaries: [] };
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

/** Adds flags the analysis does not hold yet (by id), keeping the pipeline's order. */
export function withFlags(analysis: PageAnalysis, flags: readonly Flag[]): PageAnalysis {
  const known = new Set(analysis.flags.map((flag) => flag.id));
  const fresh = flags.filter((flag) => !known.has(flag.id));
  if (fresh.length === 0) return analysis;
  return { ...analysis, flags: [...analysis.flags, ...fresh].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)) };
}

/**
 * Chunks that still hold text once applied removals (duplicates) are taken out. A chunk is removed
 * when one removal covers it; sweeping both by start, the farthest end of the removals begun so far
 * tells, so the check is linear after sorting.
 */
export function liveChunks(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'edits'>): Chunk[] {
  const removals = analysis.edits
    .filter((edit) => edit.status === 'applied' && edit.op.type === 'replace' && edit.after === '')
    .sort((a, b) => a.start - b.start);
  const covered = new Set<Chunk>();
  let next = 0;
  let reach = -Infinity;
  for (const chunk of [...analysis.chunks].sort((a, b) => a.start - b.start)) {
    for (; next < removals.length && removals[next].start <= chunk.start; next++) reach = Math.max(reach, removals[next].end);
    if (chunk.end <= reach) covered.add(chunk);
  }
  return analysis.chunks.filter((chunk) => chunk.role !== 'furniture' && !covered.has(chunk) && raw.slice(chunk.start, chunk.end).trim() !== '');
}

/** One page as the CLI prints it: the clean articles, furniture, edits and flags. */
export function cleanPage(source: string, raw: string): PageResult {
  return toPageResult(source, raw, analyzePage(raw));
}

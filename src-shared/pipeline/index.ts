import type { Chunk, PageAnalysis } from '../model/analysis';
import { chunk } from './chunk';
import { classify } from './classify';
import type { CorpusContext, PageDraft, Stage } from './draft';
import { toPageResult, type PageResult } from './result';
import { dedupe } from './dedupe';
import { displaced } from './displaced';
import { extractBylines } from './extract';
import { join } from './join';
import { lint } from './lint-stage';
import { segment } from './segment';
import { strip } from './strip';

export type { CorpusContext } from './draft';
export type { PageResult, ResultArticle, ResultEdit, ResultFlag } from './result';
export { decodePage, DecodeError } from './decode';

/** Bumped whenever the output for the same raw text may change (stored analyses record it). */
export const PIPELINE_VERSION = 1;

/** The stages in order; frozen so the app and the CLI always run the same pipeline. */
export const STAGES: readonly Stage[] = Object.freeze([chunk, classify, strip, extractBylines, dedupe, join, displaced, segment, lint]);

/** Raw page text → the pipeline's plan for it. Deterministic: the same text gives the same analysis. */
export function analyzePage(raw: string, options: { corpus?: CorpusContext } = {}): PageAnalysis {
  const start: PageDraft = { raw, pieces: [], edits: [], flags: [], boundaries: [], corpus: options.corpus };
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

/** One page as the CLI prints it: the clean articles, furniture, edits and flags. */
export function cleanPage(source: string, raw: string): PageResult {
  return toPageResult(source, raw, analyzePage(raw));
}

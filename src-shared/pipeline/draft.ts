import type { Boundary, ChunkRole, Edit, EditKind, EditOp, Flag, FlagKind, FurnitureKind } from '../model/analysis';
import type { Span } from '../model/span';

/**
 * One blank-line separated block of the raw page, with the evidence the stages read. `start/end`
 * cover the whole block (markup included); `text` is what the block says once markup, trailing
 * spaces and line wraps are set aside, and is used for classification only: the page's text is
 * always derived from raw + edits by `materialize`.
 */
export interface Piece extends Span {
  id: string;
  /** Raw range of the words, after any leading markup (`# `, `- `) and before trailing spaces. */
  content: Span;
  text: string;
  /** `#`, `##`, `###` or `-` when the block was marked up by an earlier conversion. */
  markup: string | null;
  /** Number of lines in the block (a sponsor list or a banner with its pinyin has several). */
  lines: number;
  /** Blank lines between this block and the previous one (or the page start). */
  gapBefore: number;
  gapAfter: number;
  role: ChunkRole;
  furniture?: FurnitureKind;
  section?: string;
  /** Set by dedupe: the block's text is removed by an applied edit. */
  removed?: boolean;
}

/** The page as it moves through the stages; each stage returns a new draft. */
export interface PageDraft {
  readonly raw: string;
  readonly pieces: readonly Piece[];
  readonly edits: readonly Edit[];
  readonly flags: readonly Flag[];
  readonly boundaries: readonly Boundary[];
}

export type Stage = (draft: PageDraft) => PageDraft;

export interface EditSpec {
  kind: EditKind;
  rule: string;
  start: number;
  end: number;
  after: string;
  reason: string;
  confidence: number;
  op: EditOp;
  status?: Edit['status'];
}

/** Edit ids are `e-<rule>-<start>`: stable across runs, unique because one rule fires once per offset. */
export function makeEdit(raw: string, spec: EditSpec): Edit {
  return {
    id: `e-${spec.rule}-${spec.start}`,
    kind: spec.kind,
    rule: spec.rule,
    start: spec.start,
    end: spec.end,
    before: raw.slice(spec.start, spec.end),
    after: spec.after,
    reason: spec.reason,
    confidence: round(spec.confidence),
    status: spec.status ?? 'applied',
    origin: 'auto',
    op: spec.op,
  };
}

export interface FlagSpec {
  kind: FlagKind;
  rule: string;
  start: number;
  end: number;
  message: string;
  suggestion?: string | null;
  confidence: number;
}

export function makeFlag(raw: string, spec: FlagSpec): Flag {
  return {
    id: `f-${spec.rule}-${spec.start}`,
    kind: spec.kind,
    rule: spec.rule,
    start: spec.start,
    end: spec.end,
    text: raw.slice(spec.start, spec.end),
    message: spec.message,
    suggestion: spec.suggestion ?? null,
    confidence: round(spec.confidence),
    status: 'open',
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Pieces that still carry text (not removed as duplicates), in raw order. */
export function livePieces(draft: Pick<PageDraft, 'pieces'>): Piece[] {
  return draft.pieces.filter((piece) => !piece.removed);
}

/** Blank lines that leave room for a photo on a page whose blocks are set one blank line apart. */
const MIN_IMAGE_GAP = 2;

/**
 * The fewest blank lines that make an image gap on this page: more than its own usual gap between
 * blocks. Conversions differ (one blank line between paragraphs, or two), so an absolute count
 * would read every paragraph break of a double-spaced page as a photo.
 */
/** The nearest block before `i` that is not page furniture: what a block follows in the text. */
export function previousContent(pieces: readonly Piece[], i: number): Piece | undefined {
  for (let j = i - 1; j >= 0; j--) if (pieces[j].role !== 'furniture') return pieces[j];
  return undefined;
}

export function imageGapOf(pieces: readonly Piece[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < pieces.length; i++) counts.set(pieces[i].gapBefore, (counts.get(pieces[i].gapBefore) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [gap, count] of counts) {
    if (count > most || (count === most && gap < usual)) {
      usual = gap;
      most = count;
    }
  }
  return Math.max(MIN_IMAGE_GAP, usual + 1);
}

export function isTitleRole(role: ChunkRole): boolean {
  return role === 'headline' || role === 'kicker' || role === 'subhead';
}

/** A headline or its kicker: where an article begins (a subhead only begins a report inside one). */
export function opensArticle(piece: Piece): boolean {
  return piece.role === 'headline' || piece.role === 'kicker';
}

/**
 * Body blocks that follow their article's closing credit with no headline since: where repeated
 * and displaced text lands. A credit printed before any body text (under the headline) closes
 * nothing, nor does one that `caughtInCut` says a break printed inside a paragraph; a headline
 * already removed as a repeat opens nothing.
 */
export function strandedBlocks(pieces: readonly Piece[], caughtInCut: (piece: Piece) => boolean = () => false): Set<Piece> {
  const result = new Set<Piece>();
  let closed = false;
  let body = false;
  for (const piece of pieces) {
    if (isTitleRole(piece.role)) {
      closed = !!piece.removed;
      body = false;
    } else if (piece.role === 'byline') {
      if (body && !caughtInCut(piece)) closed = true;
    } else if (piece.role === 'paragraph') {
      if (closed) result.add(piece);
      else body = true;
    }
  }
  return result;
}

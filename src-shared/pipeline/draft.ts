import type { Boundary, ChunkRole, Edit, EditKind, EditOp, Flag, FlagKind, FurnitureKind } from '../model/analysis';
import { spanContains, type Span } from '../model/span';

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
  /** Its first line is indented: it opens a paragraph (the rest of one continued after a break is not). */
  indented?: boolean;
  /** Blank lines between this block and the previous one (or the page start). */
  gapBefore: number;
  gapAfter: number;
  role: ChunkRole;
  furniture?: FurnitureKind;
  section?: string;
  /** What the applied edits decided about the block, kept up to date by `commit`: its words are removed (a copy)... */
  removed?: boolean;
  /** ...it continues the paragraph of this id across a cut... */
  joinedOnto?: string;
  /** ...it is read in another role than it was classified in (a title-like line caught in a cut reads as a caption)... */
  readAs?: ChunkRole;
  /** ...a credit printed inline at its end was taken out as its article's byline. */
  creditInline?: boolean;
  /**
   * The article it is printed in as the page's titles cut it so far (a kicker and the headline
   * under it open one), counted from 0 over the blocks still on the page; furniture has none.
   */
  article?: number;
}

/**
 * The page as it moves through the stages: its blocks, with what each stage decided about them,
 * and the edits, flags and boundaries so far. Each stage returns a new view; edits and flags
 * enter it through `commit`, which keeps the blocks' state in step with them.
 */
export interface PageView {
  readonly raw: string;
  readonly pieces: readonly Piece[];
  readonly edits: readonly Edit[];
  readonly flags: readonly Flag[];
  readonly boundaries: readonly Boundary[];
}

/** The view's former name, still used by reflow.ts. */
export type PageDraft = PageView;

export type Stage = (view: PageView) => PageView;

/**
 * Adds a stage's edits and flags to the view and records on each block what the applied ones
 * decide, so that no later stage reads the edit list to find out: a replacement with nothing over
 * a block's words removes the block (and drops the earlier edits inside it, now moot), a join
 * names the paragraph the block continues, a role change how it reads, a byline extraction that
 * it held a credit. The articles are counted again from the roles the view now has (classify and
 * segment set roles themselves and commit what they set).
 */
export function commit(view: PageView, edits: readonly Edit[] = [], flags: readonly Flag[] = []): PageView {
  const applied = edits.filter((edit) => edit.status === 'applied');
  const removals = applied.filter(isRemoval).sort((a, b) => a.start - b.start);
  const joins = new Map<string, string>();
  const recast = new Map<string, ChunkRole>();
  const credits: number[] = [];
  for (const edit of applied) {
    if (edit.op.type === 'join') joins.set(edit.op.chunk, edit.op.onto);
    else if (edit.op.type === 'role') recast.set(edit.op.chunk, edit.op.role);
    else if (edit.op.type === 'extract' && edit.op.field === 'byline') credits.push(edit.start);
  }
  credits.sort((a, b) => a - b);
  const decided = view.pieces.map((piece) => {
    const change: Partial<Piece> = {};
    if (!piece.removed && removals.length && insideAny(removals, piece.content)) change.removed = true;
    const onto = joins.get(piece.id);
    if (onto !== undefined) change.joinedOnto = onto;
    const role = recast.get(piece.id);
    if (role !== undefined) change.readAs = role;
    if (!piece.creditInline && credits.length && anyWithin(credits, piece)) change.creditInline = true;
    return Object.keys(change).length ? { ...piece, ...change } : piece;
  });
  return {
    ...view,
    pieces: countArticles(decided),
    edits: [...(removals.length ? view.edits.filter((edit) => !insideAny(removals, edit)) : view.edits), ...edits],
    flags: flags.length ? [...view.flags, ...flags] : view.flags,
  };
}

/** An edit that replaces text with nothing: over a block's words, it removes the block. */
function isRemoval(edit: Edit): boolean {
  return edit.op.type === 'replace' && edit.after === '';
}

/**
 * The blocks of `blocks` whose words the applied removals among `edits` take out: what a stored
 * analysis says is gone, read the way `commit` reads it.
 */
export function removedBlocks<T extends { content: Span }>(blocks: readonly T[], edits: readonly Edit[]): Set<T> {
  const removals = edits
    .filter((edit) => edit.status === 'applied' && isRemoval(edit))
    .sort((a, b) => a.start - b.start);
  return new Set(blocks.filter((block) => insideAny(removals, block.content)));
}

/** A new article where a title follows a block that is not one; furniture and removed blocks are in none. */
function countArticles(pieces: readonly Piece[]): Piece[] {
  let article = -1;
  let previousTitle = false;
  return pieces.map((piece) => {
    let number: number | undefined;
    if (!piece.removed && piece.role !== 'furniture') {
      const title = opensArticle(piece);
      if (article < 0 || (title && !previousTitle)) article++;
      previousTitle = title;
      number = article;
    }
    return piece.article === number ? piece : { ...piece, article: number };
  });
}

/** Whether `span` lies inside one of `sorted` (non-overlapping, by start): a binary search. */
function insideAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= span.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && spanContains(sorted[hi], span);
}

/** Whether one of the sorted offsets falls inside `span`. */
function anyWithin(sorted: readonly number[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < span.end;
}

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
export function livePieces(view: Pick<PageView, 'pieces'>): Piece[] {
  return view.pieces.filter((piece) => !piece.removed);
}

/** The nearest block before `i` that is not page furniture: what a block follows in the text. */
export function previousContent(pieces: readonly Piece[], i: number): Piece | undefined {
  for (let j = i - 1; j >= 0; j--) if (pieces[j].role !== 'furniture') return pieces[j];
  return undefined;
}

/** Blank lines that leave room for a photo on a page whose blocks are set one blank line apart. */
const MIN_IMAGE_GAP = 2;

/**
 * The fewest blank lines that make an image gap on this page: more than its own usual gap between
 * blocks. Conversions differ (one blank line between paragraphs, or two), so an absolute count
 * would read every paragraph break of a double-spaced page as a photo.
 */
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
export function strandedBlocks(
  pieces: readonly Piece[],
  caughtInCut: (piece: Piece) => boolean = () => false,
): Set<Piece> {
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

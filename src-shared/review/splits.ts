import {
  readingOrder,
  type Article,
  type Block,
  type Boundary,
  type CleanPage,
  type Edit,
  type Flag,
  type PageAnalysis,
  type SplitStatus,
} from '../model';
import { findById } from './actions';
import { entry, patch, type HistoryEntry } from './history';
import type { ReviewOp } from './ops';
import { cleanOf, findArticle, newId, type ReviewPage } from './page';

/** The editor agrees that a new article starts here. */
export function approveBoundary(page: ReviewPage, boundaryId: string): HistoryEntry {
  return decide(page, [boundaryId], 'approved', 'split.approve');
}

/** The editor disagrees: the article is merged into the one before it. */
export function rejectBoundary(page: ReviewPage, boundaryId: string): HistoryEntry {
  return decide(page, [boundaryId], 'rejected', 'split.reject');
}

/** Every still-proposed boundary at or above `threshold` approved in one step. */
export function approveAllAbove(page: ReviewPage, threshold: number): HistoryEntry {
  const ids = page.analysis.boundaries
    .filter((b) => b.status === 'proposed' && b.confidence >= threshold)
    .map((b) => b.id);
  return decide(page, ids, 'approved', 'split.approve-above', `≥ ${threshold}`);
}

function decide(
  page: ReviewPage,
  ids: string[],
  to: SplitStatus,
  label: HistoryEntry['label'],
  detail?: string,
): HistoryEntry {
  const ops: ReviewOp[] = [];
  for (const id of ids) {
    const boundary = findById(page.analysis.boundaries, id, 'boundary');
    if (boundary.status !== to) ops.push({ type: 'boundary-status', id, from: boundary.status, to });
    ops.push(...settleSplitFlags(page.analysis, boundary));
  }
  return entry(label, detail ?? ids.join(' '), [patch(page.pageId, ops)]);
}

/** A doubt about a split is answered by deciding that split. */
function settleSplitFlags(analysis: PageAnalysis, boundary: Boundary): ReviewOp[] {
  const chunk = analysis.chunks.find((c) => c.id === boundary.chunk);
  if (!chunk) return [];
  return analysis.flags
    .filter(
      (f: Flag) =>
        f.kind === 'low-confidence-split' && f.status === 'open' && f.start < chunk.end && chunk.start < f.end,
    )
    .map((f) => ({ type: 'flag-status', id: f.id, from: f.status, to: 'accepted' }) as const);
}

/** The reason stored on a split the editor made: the desk shows it in the interface language. */
export const EDITOR_SPLIT_REASON = 'split by the editor';

/**
 * Starts a new article at the block whose first chunk is `chunkId`, approved at once because the
 * editor made it. A rejected boundary already there is approved again rather than duplicated.
 */
export function splitArticleAt(page: ReviewPage, chunkId: string, title?: string): HistoryEntry {
  findById(page.analysis.chunks, chunkId, 'chunk');
  const existing = page.analysis.boundaries.find((b) => b.chunk === chunkId);
  const typedTitle = title?.trim() ? title.trim() : undefined;
  if (existing) {
    const to: Boundary = { ...existing, status: 'approved' };
    if (typedTitle !== undefined) to.title = typedTitle;
    const ops: ReviewOp[] =
      JSON.stringify(to) === JSON.stringify(existing) ? [] : [{ type: 'update-boundary', from: existing, to }];
    return entry('split.add', typedTitle ?? chunkId, [patch(page.pageId, ops)]);
  }
  const boundary: Boundary = {
    id: newId('split'),
    chunk: chunkId,
    confidence: 1,
    reason: EDITOR_SPLIT_REASON,
    status: 'approved',
    origin: 'editor',
  };
  if (typedTitle !== undefined) boundary.title = typedTitle;
  const index = insertionIndex(page.analysis, chunkId);
  return entry('split.add', typedTitle ?? chunkId, [patch(page.pageId, [{ type: 'add-boundary', boundary, index }])]);
}

/** Keeps boundaries in raw order, as the pipeline emits them. */
function insertionIndex(analysis: PageAnalysis, chunkId: string): number {
  const startOf = new Map(analysis.chunks.map((c) => [c.id, c.start]));
  const at = startOf.get(chunkId) ?? 0;
  const index = analysis.boundaries.findIndex((b) => (startOf.get(b.chunk) ?? 0) > at);
  return index === -1 ? analysis.boundaries.length : index;
}

/** Merges an article into the one before it by rejecting the boundary that opens it. */
export function mergeWithPrevious(page: ReviewPage, articleId: string): HistoryEntry {
  const article = findArticle(cleanOf(page), articleId);
  if (article.split.boundary === null)
    throw new RangeError(`article ${articleId} is the first on the page; nothing to merge into`);
  return decide(page, [article.split.boundary], 'rejected', 'split.merge');
}

/**
 * Moves a block so it is read right after chunk `after` (which may sit in another article). Every
 * chunk of a joined block moves, in order, so the join still holds at the new place.
 */
export function moveBlock(page: ReviewPage, articleId: string, blockId: string, after: string): HistoryEntry {
  const article = findArticle(cleanOf(page), articleId);
  const block = article.blocks.find((b) => b.id === blockId);
  if (!block) throw new RangeError(`no block ${blockId} in article ${articleId}`);
  if (block.chunks.includes(after)) return entry('block.move', blockId, []);
  const ops: ReviewOp[] = [];
  let anchor = after;
  for (const chunkId of block.chunks) {
    const chunk = findById(page.analysis.chunks, chunkId, 'chunk');
    const edit: Edit = {
      id: newId('move'),
      kind: 'move',
      rule: 'review.move',
      start: chunk.start,
      end: chunk.end,
      before: page.raw.slice(chunk.start, chunk.end),
      after: page.raw.slice(chunk.start, chunk.end),
      reason: 'moved by the editor',
      confidence: 1,
      status: 'applied',
      origin: 'editor',
      op: { type: 'move', chunk: chunkId, after: anchor },
    };
    ops.push({ type: 'add-edit', edit, index: page.analysis.edits.length + ops.length });
    anchor = chunkId;
  }
  return entry('block.move', blockId, [patch(page.pageId, ops)]);
}

/**
 * Moves a block one place up or down inside its article: the anchor is the chunk read just before
 * the block's new place, found in the current reading order (which may be a headline).
 */
export function moveBlockBy(page: ReviewPage, articleId: string, blockId: string, direction: -1 | 1): HistoryEntry {
  const article = findArticle(cleanOf(page), articleId);
  const index = article.blocks.findIndex((b) => b.id === blockId);
  const target = index + direction;
  if (index === -1 || target < 0 || target >= article.blocks.length) return entry('block.move', blockId, []);
  const anchor =
    direction === 1 ? lastChunk(article.blocks[target]) : anchorBefore(page, article, article.blocks[target]);
  if (anchor === undefined) return entry('block.move', blockId, []);
  return moveBlock(page, articleId, blockId, anchor);
}

/** A place among an article's blocks: right before or right after one of them. */
export interface BlockPlace {
  block: string;
  side: 'before' | 'after';
}

/**
 * Every place a block can be moved to in an article, in reading order: before its first block,
 * then after each block. Nothing goes before a first block that opens the article (a split at a
 * paragraph), as it would land in the article above.
 */
export function blockPlaces(page: ReviewPage, articleId: string): BlockPlace[] {
  const article = findArticle(cleanOf(page), articleId);
  const after = article.blocks.map((b): BlockPlace => ({ block: b.id, side: 'after' }));
  const [first] = article.blocks;
  return first && anchorBefore(page, article, first) !== undefined
    ? [{ block: first.id, side: 'before' }, ...after]
    : after;
}

/** Moves a block into another article at `place`, after its last block when no place is given. */
export function moveBlockToArticle(
  page: ReviewPage,
  fromArticleId: string,
  blockId: string,
  toArticleId: string,
  place?: BlockPlace,
): HistoryEntry {
  const target = findArticle(cleanOf(page), toArticleId);
  const at = place ? target.blocks.find((b) => b.id === place.block) : target.blocks[target.blocks.length - 1];
  if (!at) throw new RangeError(`article ${toArticleId} has no block ${place?.block ?? 'to move after'}`);
  const anchor = place?.side === 'before' ? anchorBefore(page, target, at) : lastChunk(at);
  if (anchor === undefined) throw new RangeError(`block ${at.id} opens article ${toArticleId}: nothing goes before it`);
  return moveBlock(page, fromArticleId, blockId, anchor);
}

/** The chunk a block put before `block` is read after, when that place is still inside `article`. */
function anchorBefore(page: ReviewPage, article: Article, block: Block): string | undefined {
  const opening = page.analysis.boundaries.find((b) => b.id === article.split.boundary);
  return opening?.chunk === block.chunks[0] ? undefined : chunkReadBefore(page, block);
}

/** The chunk read right before `block` in the current reading order (which may be a headline). */
function chunkReadBefore(page: ReviewPage, block: Block): string | undefined {
  const order = readingOrder(
    page.analysis.chunks,
    page.analysis.edits.filter((e) => e.status === 'applied'),
  ).map((c) => c.id);
  return order[order.indexOf(block.chunks[0]) - 1];
}

function lastChunk(block: Block): string {
  return block.chunks[block.chunks.length - 1];
}

export interface PageApproval {
  allowed: boolean;
  undecidedSplits: number;
  untitledSplits: Article[];
  openFlags: number;
}

/**
 * A page may be approved once every split is decided and every article the editor split off has
 * a title; open flags only warn. `clean` is the page materialized from `analysis`.
 */
export function pageApproval(analysis: PageAnalysis, clean: CleanPage): PageApproval {
  const undecidedSplits = analysis.boundaries.filter((b) => b.status === 'proposed').length;
  const untitled = untitledSplits(analysis, clean);
  const openFlags = analysis.flags.filter((f) => f.status === 'open').length;
  return {
    allowed: undecidedSplits === 0 && untitled.length === 0,
    undecidedSplits,
    untitledSplits: untitled,
    openFlags,
  };
}

/**
 * Articles opened by the editor's own split that still have no title. The split itself is decided
 * (the editor made it), but the headline the new article lacks is not: it stays an open item.
 */
export function untitledSplits(analysis: PageAnalysis, clean: CleanPage): Article[] {
  const byEditor = new Set(analysis.boundaries.filter((b) => b.origin === 'editor').map((b) => b.id));
  return clean.articles.filter(
    (article) => article.title.trim() === '' && article.split.boundary !== null && byEditor.has(article.split.boundary),
  );
}

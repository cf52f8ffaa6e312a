import { create } from 'zustand';
import type { Article, Block, CleanPage, Span } from '../../../src-shared/model';
import { locateOffset } from '../../../src-shared/review';
import { selectArticle } from '../../store/desk';

/** How many characters of raw text a card shows on each side of what it is about. */
export const CONTEXT_CHARS = 8;

/** A card's place on the page: its raw range and what that range reads as now. */
export interface Place extends Span {
  text: string;
}

interface Located extends Place {
  /** Bumped on every click, so clicking the same card again scrolls to it again. */
  serial: number;
}

/** Text the editor selected, in the raw pane (raw offsets) or in one block (offsets in its text). */
export type Selected = { raw: Span } | { block: string; start: number; end: number };

/** A place to show once its page is open: the library's text search opens the desk at a hit. */
export interface PageTarget {
  pageId: string;
  /** The article and block the place reads in; null for raw text no article shows. */
  articleId: string | null;
  blockId: string | null;
  place: Place;
}

/**
 * The place the editor last asked to see, shown in the raw pane and in the editor at once, the
 * text selected in either, whose cards are marked, and a place waiting for its page to open.
 */
export const useLocated = create<{ located: Located | null; selected: Selected | null; target: PageTarget | null }>(
  () => ({ located: null, selected: null, target: null }),
);

export function clearLocated(): void {
  useLocated.setState({ located: null, selected: null });
}

/** An empty selection (a caret) selects no cards. */
export function selectText(selected: Selected | null): void {
  const empty =
    selected === null || ('raw' in selected ? selected.raw.start >= selected.raw.end : selected.start >= selected.end);
  useLocated.setState({ selected: empty ? null : selected });
}

export function touchesSelection(raw: string, clean: CleanPage, selected: Selected, place: Place): boolean {
  if ('raw' in selected) return place.start <= selected.raw.end && selected.raw.start <= place.end;
  const block = clean.articles.flatMap((a) => a.blocks).find((b) => b.id === selected.block);
  const range = block && cleanRange(raw, block, block.text, place);
  return !!range && range.start < selected.end && selected.start < range.end;
}

/** Opens the article and block a place became and marks the place in the raw pane and editor. */
export function locate(clean: CleanPage, place: Place): void {
  // A join's range is the break between two chunks, in no block: the chunk after it is the place.
  const found =
    locateOffset(clean, place.start) ??
    locateOffset(clean, place.end) ??
    locateOffset(clean, Math.max(place.start, place.end - 1));
  if (found) selectArticle(found.articleId, found.blockId);
  const serial = (useLocated.getState().located?.serial ?? 0) + 1;
  useLocated.setState({ located: { ...place, serial } });
}

export function locateWhenOpen(target: PageTarget): void {
  useLocated.setState({ target });
}

/**
 * Shows the place waiting for `pageId` once the desk has derived the page. The hit's own article
 * wins over the one its raw offset falls in (a title's raw line may sit in no block). A target for
 * another page is dropped: the editor went elsewhere.
 */
export function locateTarget(pageId: string, clean: CleanPage): void {
  const { target } = useLocated.getState();
  if (!target) return;
  useLocated.setState({ target: null });
  if (target.pageId !== pageId) return;
  locate(clean, target.place);
  if (clean.articles.some((article) => article.id === target.articleId))
    selectArticle(target.articleId, target.blockId);
}

/** The raw text on each side of a range, as far as the paragraph it sits in (or the break it is). */
export function spanContext(raw: string, span: Span): { before: string; after: string } {
  const before = raw.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start);
  const after = raw.slice(span.end, span.end + CONTEXT_CHARS);
  const cut = before.lastIndexOf('\n\n');
  return { before: cut === -1 ? before : before.slice(cut + 2), after: after.split('\n\n')[0] };
}

/** A range with nothing to see (a join's line break) is shown by the characters on both sides of it. */
export function visibleRange(raw: string, span: Span): Span {
  if (raw.slice(span.start, span.end).trim() !== '') return span;
  return { start: Math.max(0, span.start - 1), end: Math.min(raw.length, span.end + 1) };
}

export function touchesBlock(block: Block, span: Span): boolean {
  return block.spans.some((s) => s.start <= span.end && span.start <= s.end);
}

/**
 * Where a raw place sits in a block's clean text. Edits before it shift the text, so the place is
 * looked for by what it reads as with its raw context around it, nearest to where the raw offsets
 * would put it; a place that reads as nothing (a join) is shown as the two characters it joined.
 */
export function cleanRange(raw: string, block: Block, text: string, place: Place): Span | null {
  if (!touchesBlock(block, place)) return null;
  const estimate = estimatedOffset(block, place.start);
  const { before, after } = spanContext(raw, place);
  for (const width of [CONTEXT_CHARS, 4, 2, 0]) {
    const left = before.slice(Math.max(0, before.length - width));
    const needle = left + place.text + after.slice(0, width);
    if (needle === '') continue;
    const at = nearestOccurrence(text, needle, estimate - left.length);
    if (at === -1) continue;
    const start = at + left.length;
    return place.text === ''
      ? { start: Math.max(0, start - 1), end: Math.min(text.length, start + 1) }
      : { start, end: start + place.text.length };
  }
  return null;
}

function estimatedOffset(block: Block, offset: number): number {
  let at = 0;
  for (const span of block.spans) {
    if (offset < span.end) return at + Math.max(0, offset - span.start);
    at += span.end - span.start;
  }
  return at;
}

function nearestOccurrence(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/** The raw offset the raw pane brings to its middle: the selected paragraph's source, else the article's first line. */
export function rawScrollTarget(article: Article | null, blockId: string | null): number | undefined {
  const block = article?.blocks.find((b) => b.id === blockId);
  return block?.spans[0]?.start ?? article?.spans[0]?.start;
}

import { diffChars } from 'diff';
import {
  firstEndingAfter,
  type Article,
  type Block,
  type ChunkId,
  type Edit,
  type Span,
} from '../../../src-shared/model';
import { articleChanges, isTypedEdit, narrowChange, type FieldChange } from '../../../src-shared/review';

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface BlockDiff {
  parts: DiffPart[];
  /** False when the character diff gave up (too long or too slow) and only the changed middle is shown. */
  exact: boolean;
}

/** Beyond this many characters a character diff is not attempted; a block is rarely a tenth of it. */
export const MAX_EXACT_CHARS = 5000;
/** A character diff that takes longer than this gives up, so one odd block never freezes typing. */
export const DIFF_TIME_LIMIT_MS = 8;

const CACHE_SIZE = 400;
const cache = new Map<string, BlockDiff>();

/**
 * Raw source vs clean text of one block, memoized on both texts: re-rendering an article only
 * diffs the block that changed. Falls back to prefix/suffix trimming when jsdiff gives up.
 */
export function diffBlock(source: string, text: string): BlockDiff {
  const key = `${source}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = compute(source, text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function compute(source: string, text: string): BlockDiff {
  if (source === text) return { parts: source ? [{ kind: 'same', text }] : [], exact: true };
  const changes =
    source.length + text.length <= MAX_EXACT_CHARS
      ? diffChars(source, text, { timeout: DIFF_TIME_LIMIT_MS })
      : undefined;
  if (changes) {
    return {
      parts: changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })),
      exact: true,
    };
  }
  const { offset, removed, inserted } = narrowChange(source, text);
  const parts: DiffPart[] = [
    { kind: 'same', text: source.slice(0, offset) },
    { kind: 'removed', text: source.slice(offset, offset + removed) },
    { kind: 'added', text: inserted },
    { kind: 'same', text: source.slice(offset + removed) },
  ];
  return { parts: parts.filter((p) => p.text !== ''), exact: false };
}

/**
 * The parts with each unchanged run cut to `context` characters beside the changes it touches,
 * the cut marked by an ellipsis: a one-character fix in a long paragraph reads at a glance.
 */
export function elideSame(parts: readonly DiffPart[], context: number): DiffPart[] {
  return parts.map((part, i) => {
    const changeBefore = i > 0;
    const changeAfter = i < parts.length - 1;
    const kept = (changeBefore ? context : 0) + (changeAfter ? context : 0);
    if (part.kind !== 'same' || kept === 0 || part.text.length <= kept + 1) return part;
    const tail = changeBefore ? part.text.slice(0, context) : '';
    const head = changeAfter ? part.text.slice(-context) : '';
    return { kind: 'same', text: `${tail}…${head}` };
  });
}

export function hasChanges(diff: BlockDiff): boolean {
  return diff.parts.some((p) => p.kind !== 'same');
}

/**
 * The applied join that put each chunk onto the one before it, by the joined chunk: the first in the
 * list, as a search from the front would find it. From an article's changes, which hold the joins
 * of its chunks, so a block's source costs a look-up per chunk instead of a pass over the page.
 */
export function appliedJoins(changes: readonly Edit[]): Map<ChunkId, Edit> {
  const joins = new Map<ChunkId, Edit>();
  for (const edit of changes) {
    if (edit.status === 'applied' && edit.op.type === 'join' && !joins.has(edit.op.chunk))
      joins.set(edit.op.chunk, edit);
  }
  return joins;
}

/**
 * The raw text a block was read from. The breaks its joins took out are put back between the
 * pieces, so the diff shows every join as a removed break instead of hiding it.
 */
export function blockSource(raw: string, block: Block, joins: ReadonlyMap<ChunkId, Edit>): string {
  return block.spans
    .map((span, i) => {
      const next = block.chunks[i + 1];
      const join = next === undefined ? undefined : joins.get(next);
      return raw.slice(span.start, span.end) + (join?.before ?? '');
    })
    .join('');
}

/**
 * Whether an edit overlaps one of the spans the article's blocks were read from. The spans, apart
 * and in page order, are sorted once, so each edit is a bisection rather than a walk over the body.
 */
function bodyOverlapper(article: Article): (edit: Span) => boolean {
  const body = article.blocks.flatMap((block) => block.spans).sort((a, b) => a.start - b.start);
  return (edit) => {
    const first = body[firstEndingAfter(body, edit.start)];
    return first !== undefined && first.start < edit.end;
  };
}

/**
 * Applied edits of the article that no block diff can show: text taken out of the body whole (a
 * repeat, a stray credit, a trimmed title) and moves. Each is one change of the diff. Text typed
 * outside the body is in a field, whose own row shows it.
 */
function changesBesideBlocks(article: Article, changes: readonly Edit[]): Edit[] {
  const inBody = bodyOverlapper(article);
  return changes.filter(
    (e) =>
      e.status === 'applied' &&
      (e.op.type === 'move' ||
        ((e.op.type === 'extract' || (e.op.type === 'replace' && e.after === '' && !isTypedEdit(e))) && !inBody(e))),
  );
}

/** One row of an article's diff: a field the editor changed, a block's source against its text, or a change beside the blocks. */
export type DiffRow =
  | { kind: 'field'; change: FieldChange; diff: BlockDiff; first: number }
  | { kind: 'block'; block: Block; diff: BlockDiff; first: number }
  | { kind: 'beside'; edit: Edit; first: number };

export interface ArticleDiff {
  /** In reading order, a removal where the removed text stood, a move before the paragraph it moved into. */
  rows: DiffRow[];
  /** Every change the article's text went through: the marks of the block diffs and one per change beside them. */
  count: number;
}

/**
 * Where a change beside the blocks is shown: a move before the block it put its chunk into, text
 * taken out before the first block read after it in the raw page (at the end when none is).
 */
function besideBefore(article: Article, edit: Edit): number {
  const { op } = edit;
  const holder = op.type === 'move' ? article.blocks.findIndex((block) => block.chunks.includes(op.chunk)) : -1;
  if (holder !== -1) return holder;
  const after = article.blocks.findIndex((block) => (block.spans[0]?.start ?? 0) >= edit.end);
  return after === -1 ? article.blocks.length : after;
}

/**
 * The fields the editor changed (`fieldChanges`), each against what it read before, then each
 * block's diff against what is shown (typed drafts first) and the changes beside them, marks
 * numbered across the article.
 */
export function articleDiff(
  raw: string,
  article: Article,
  edits: readonly Edit[],
  drafts: Readonly<Record<string, string>>,
  fields: readonly FieldChange[] = [],
): ArticleDiff {
  const changes = articleChanges(article, edits);
  const joins = appliedJoins(changes);
  const beside = changesBesideBlocks(article, changes)
    .map((edit) => ({ edit, before: besideBefore(article, edit) }))
    .sort((a, b) => a.before - b.before || a.edit.start - b.edit.start);
  const rows: DiffRow[] = [];
  let marks = 0;
  for (const change of fields) {
    const diff = diffBlock(change.before, change.after);
    rows.push({ kind: 'field', change, diff, first: marks });
    marks += diff.parts.filter((p) => p.kind !== 'same').length;
  }
  let next = 0;
  const besideUpTo = (index: number) => {
    for (; next < beside.length && beside[next].before <= index; next++)
      rows.push({ kind: 'beside', edit: beside[next].edit, first: marks++ });
  };
  article.blocks.forEach((block, index) => {
    besideUpTo(index);
    const diff = diffBlock(blockSource(raw, block, joins), drafts[block.id] ?? block.text);
    rows.push({ kind: 'block', block, diff, first: marks });
    marks += diff.parts.filter((p) => p.kind !== 'same').length;
  });
  besideUpTo(article.blocks.length);
  return { rows, count: marks };
}

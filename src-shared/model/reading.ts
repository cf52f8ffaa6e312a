import type { Chunk, ChunkId, Edit, EditOp } from './analysis';
import { firstEndingAfter, type Span } from './span';

type Op<T extends EditOp['type']> = Extract<EditOp, { type: T }>;
export type TextEdit = Edit & { op: Op<'replace'> | Op<'extract'> };

/** The rule of the edits the editor's typing makes: replaces of raw text, like any other. */
export const TYPED_RULE = 'review.typed';

/**
 * One stretch of a chunk's raw text [start, end) and what it reads as in the clean text: raw text
 * read as printed (`edit` null, `text` the raw slice), or what an edit in force made of it. A chunk's
 * pieces cover its raw text in order, so a clean offset maps back to raw through them.
 */
export interface Piece extends Span {
  text: string;
  edit: TextEdit | null;
}

/** Typed text wins over every other edit it meets, the editor's other edits over automatic ones. */
function precedence(edit: Edit): number {
  if (edit.rule === TYPED_RULE && edit.origin === 'editor') return 0;
  return edit.origin === 'editor' ? 1 : 2;
}

/**
 * Whether two text edits cannot both be in force. An insertion (an empty span) clashes only with
 * another at the same place or an edit around it, so typing next to an automatic edit keeps both.
 */
function clash(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Raw order: by start, then by end. */
export const byPosition = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/**
 * The applied replace/extract edits that take effect, in raw order. Of edits that clash the one of
 * higher precedence wins; among equals the one starting first. Each class is swept in raw order
 * and checked against the classes before it by binary search, so a page of 50,000 automatic
 * edits costs a sort, not a comparison of every pair.
 */
export function textEditsInForce(active: readonly Edit[]): TextEdit[] {
  const classes: TextEdit[][] = [[], [], []];
  for (const edit of active) {
    if (edit.op.type === 'replace' || edit.op.type === 'extract') classes[precedence(edit)].push(edit as TextEdit);
  }
  let taken: TextEdit[] = [];
  for (const candidates of classes) {
    if (candidates.length === 0) continue;
    const higher = taken;
    const kept: TextEdit[] = [];
    for (const edit of candidates.sort(byPosition)) {
      if (clashesAny(higher, edit) || clashesAny(kept, edit)) continue;
      kept.push(edit);
    }
    taken = higher.length === 0 ? kept : [...higher, ...kept].sort(byPosition);
  }
  return taken;
}

/** Whether `edit` clashes with one of `taken` (in raw order, none clashing): only those reaching its start can. */
function clashesAny(taken: readonly Span[], edit: Span): boolean {
  for (let i = firstEndingAfter(taken, edit.start - 1); i < taken.length && taken[i].start <= edit.end; i++) {
    if (clash(taken[i], edit)) return true;
  }
  return false;
}

export interface ChunkReadings {
  /** Each chunk's pieces, in raw order. */
  pieces: Map<ChunkId, Piece[]>;
  /** For a chunk a byline was taken out of: its pieces with the byline read as printed. */
  withCredits: Map<ChunkId, Piece[]>;
}

/**
 * What each chunk's raw text reads as under the edits in force. An edit crossing into a chunk
 * from before reads as nothing there (its text went where it starts); an insertion at a chunk's
 * end is read in it unless another chunk starts right there.
 */
export function chunkReadings(raw: string, chunks: readonly Chunk[], inForce: readonly TextEdit[]): ChunkReadings {
  const pieces = new Map<ChunkId, Piece[]>();
  const withCredits = new Map<ChunkId, Piece[]>();
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  let first = 0;
  sorted.forEach((chunk, index) => {
    while (first < inForce.length && inForce[first].end <= chunk.start && inForce[first].start < chunk.start) first++;
    const endsOpen = sorted[index + 1]?.start !== chunk.end;
    const read: Piece[] = [];
    let credited: Piece[] | null = null;
    let at = chunk.start;
    const copy = (to: number) => {
      if (to > at) read.push({ start: at, end: to, text: raw.slice(at, to), edit: null });
    };
    for (let i = first; i < inForce.length; i++) {
      const edit = inForce[i];
      const insertsAtEnd = endsOpen && edit.start === chunk.end && edit.end === chunk.end;
      if (edit.start >= chunk.end && !insertsAtEnd) break;
      if (edit.end < chunk.start || (edit.end === chunk.start && edit.start !== edit.end)) continue;
      const from = Math.max(edit.start, chunk.start);
      const to = Math.min(edit.end, chunk.end);
      if (from < at) continue;
      copy(from);
      const startsHere = edit.start >= chunk.start;
      const text = startsHere && edit.op.type === 'replace' ? edit.after : '';
      if (startsHere && edit.op.type === 'extract' && edit.op.field === 'byline') credited = [];
      read.push({ start: from, end: to, text, edit });
      at = to;
    }
    copy(chunk.end);
    pieces.set(chunk.id, read);
    if (credited)
      withCredits.set(
        chunk.id,
        read.map((piece) => withCreditAsPrinted(raw, piece)),
      );
  });
  return { pieces, withCredits };
}

function withCreditAsPrinted(raw: string, piece: Piece): Piece {
  const { edit } = piece;
  if (edit?.op.type !== 'extract' || edit.op.field !== 'byline' || edit.start < piece.start) return piece;
  return { ...piece, text: raw.slice(piece.start, piece.end) };
}

export function readPieces(pieces: readonly Piece[]): string {
  let text = '';
  for (const piece of pieces) text += piece.text;
  return text;
}

/**
 * What raw [start, end), whose raw text is `printed`, reads as under `inForce` (as
 * `textEditsInForce` leaves them); null when one of them reaches across its edge, since the span
 * is then no longer read as a whole.
 */
export function spanReading(span: Span, printed: string, inForce: readonly TextEdit[]): string | null {
  let text = '';
  let at = span.start;
  for (let i = firstEndingAfter(inForce, span.start); i < inForce.length && inForce[i].start < span.end; i++) {
    const edit = inForce[i];
    if (edit.start < span.start || edit.end > span.end) return null;
    text += printed.slice(at - span.start, edit.start - span.start);
    text += edit.op.type === 'replace' ? edit.after : '';
    at = edit.end;
  }
  return text + printed.slice(at - span.start);
}

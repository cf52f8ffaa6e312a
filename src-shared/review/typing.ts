import {
  fieldStretch,
  readPieces,
  TYPED_RULE,
  type Block,
  type ChunkField,
  type ChunkId,
  type Edit,
  type Piece,
} from '../model';
import type { ReviewOp } from './ops';
import { derivedOf, newId, type ReviewPage } from './page';

/** The smallest change turning `from` into `to`: common prefix and suffix are kept. */
export function narrowChange(from: string, to: string): { offset: number; removed: number; inserted: string } {
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < from.length - prefix &&
    suffix < to.length - prefix &&
    from[from.length - 1 - suffix] === to[to.length - 1 - suffix]
  )
    suffix++;
  return { offset: prefix, removed: from.length - prefix - suffix, inserted: to.slice(prefix, to.length - suffix) };
}

export function isTypedEdit(edit: Edit): boolean {
  return edit.origin === 'editor' && edit.rule === TYPED_RULE;
}

/** A piece with where its text sits in its chunk's clean text. */
interface Placed extends Piece {
  from: number;
  to: number;
}

/** A chunk of the block with its pieces, and where its text sits in the block's. */
interface Part {
  chunk: ChunkId;
  pieces: Placed[];
  text: string;
  from: number;
  to: number;
}

/** What one chunk's share of a typed change writes: the raw span, what it reads as, and the typed edits it takes in. */
interface Typed {
  start: number;
  end: number;
  after: string;
  cleanBefore: string;
  merged: Edit[];
}

/**
 * The ops that make a block read `text`. The change from its text now is found (one stretch, as
 * a keystroke or a paste makes) and mapped back through the pieces the block was read from to raw
 * offsets: each chunk it touches gets one typed edit, a replace of the raw span under the change,
 * widened over any automatic edit it reaches into (the typed edit wins there, and reverting it
 * brings the automatic one back) and over the editor's typed edits next to it (which it takes in,
 * so a burst of typing in one place stays one edit). Typing a span back to what it read as
 * removes its edit. A block still typed whole by the old `set-text` edits has them replaced.
 */
export function typedTextOps(page: ReviewPage, block: Block, text: string): ReviewOp[] {
  const parts = chunkParts(page, block.chunks);
  const shown = parts.map((part) => part.text).join('');
  const legacy = page.analysis.edits.filter(
    (e) => e.status === 'applied' && e.op.type === 'set-text' && block.chunks.includes(e.op.chunk),
  );
  if (legacy.length === 0 && shown !== block.text) {
    throw new RangeError(`block ${block.id} reads ${block.text.length} characters, its pieces ${shown.length}`);
  }
  return typedPartsOps(page, parts, text, legacy);
}

/**
 * The ops that make an article field read `value` when it is read from one chunk: typed over that
 * chunk as a paragraph is, the text around the value (the spaces trimmed, a byline's parentheses)
 * kept as printed. A field cleared takes them too, so a byline cleared is no byline, not "()".
 */
export function typedFieldOps(page: ReviewPage, chunk: ChunkId, field: ChunkField, value: string): ReviewOp[] {
  const [part] = chunkParts(page, [chunk]);
  const { from, to } = fieldStretch(field, part.text);
  const text = value === '' ? '' : part.text.slice(0, from) + value + part.text.slice(to);
  return typedPartsOps(page, [part], text, []);
}

/** The typed edits making `parts`, read in a row, read `text`; `replaced` are old edits they take the place of. */
function typedPartsOps(page: ReviewPage, parts: readonly Part[], text: string, replaced: readonly Edit[]): ReviewOp[] {
  const shown = parts.map((part) => part.text).join('');
  const { offset, removed, inserted } = narrowChange(shown, text);
  const remove: Edit[] = [...replaced];
  const update: Array<{ from: Edit; to: Edit }> = [];
  const add: Edit[] = [];
  if (removed > 0 || inserted !== '') {
    touchedParts(parts, offset, offset + removed).forEach((part, i) => {
      const typed = typedInPart(part, offset - part.from, offset + removed - part.from, i === 0 ? inserted : '');
      const [kept, ...rest] = typed.merged;
      remove.push(...rest);
      if (typed.after === typed.cleanBefore) {
        if (kept) remove.push(kept);
        return;
      }
      const edit = typedEdit(page, typed, kept);
      if (kept) update.push({ from: kept, to: edit });
      else add.push(edit);
    });
  }
  const { edits } = page.analysis;
  const indexOf = (edit: Edit) => edits.indexOf(edit);
  const ops: ReviewOp[] = remove
    .sort((a, b) => indexOf(b) - indexOf(a))
    .map((edit) => ({ type: 'remove-edit', edit, index: indexOf(edit) }));
  for (const { from, to } of update) ops.push({ type: 'update-edit', from, to });
  add.forEach((edit, i) => ops.push({ type: 'add-edit', edit, index: edits.length - remove.length + i }));
  return ops;
}

function chunkParts(page: ReviewPage, chunks: readonly ChunkId[]): Part[] {
  const { readAs } = derivedOf(page);
  let from = 0;
  return chunks.map((chunk) => {
    let at = 0;
    const pieces = (readAs.get(chunk) ?? []).map((piece) => {
      const placed = { ...piece, from: at, to: at + piece.text.length };
      at = placed.to;
      return placed;
    });
    const text = readPieces(pieces);
    const part = { chunk, pieces, text, from, to: from + text.length };
    from = part.to;
    return part;
  });
}

/**
 * The chunks a change of the block's clean [from, to) falls in, the first getting what was
 * inserted; an insertion goes to the chunk whose text it opens or is inside, at the block's end
 * to the last.
 */
function touchedParts(parts: readonly Part[], from: number, to: number): Part[] {
  if (from < to) return parts.filter((part) => part.from < to && part.to > from);
  const inside = parts.find((part) => part.from <= from && from < part.to);
  return [inside ?? parts.findLast((part) => part.to === from && part.from < part.to) ?? parts[0]];
}

/** A typed change of one chunk's clean [from, to) to `inserted`, mapped to its raw span. */
function typedInPart(part: Part, from: number, to: number, inserted: string): Typed {
  const local = { from: Math.max(0, from), to: Math.min(part.text.length, to) };
  const covered = new Set<Placed>();
  const reaches = (piece: Placed) => {
    if (!piece.edit) return false;
    if (isTypedEdit(piece.edit)) return piece.from <= local.to && piece.to >= local.from;
    if (local.from === local.to) return piece.from < local.from && local.from < piece.to;
    return piece.from < local.to && piece.to > local.from;
  };
  const cover = (piece: Placed) => {
    covered.add(piece);
    local.from = Math.min(local.from, piece.from);
    local.to = Math.max(local.to, piece.to);
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const piece of part.pieces) {
      if (covered.has(piece) || !reaches(piece)) continue;
      cover(piece);
      grew = true;
    }
  }
  if (covered.size === 0 && local.from === local.to) {
    // An insertion goes into raw text read as printed: the piece it opens, else the one it closes.
    const at = local.from;
    const printed =
      part.pieces.find((piece) => !piece.edit && piece.from <= at && at < piece.to) ??
      part.pieces.findLast((piece) => !piece.edit && piece.to === at);
    if (printed) {
      const point = printed.start + at - printed.from;
      return { start: point, end: point, after: inserted, cleanBefore: '', merged: [] };
    }
    // Nothing read as printed there: the insertion goes over the edit that reads there.
    const under = part.pieces.find((piece) => piece.from <= at && at <= piece.to);
    if (under) cover(under);
  }

  let start = Infinity;
  let end = -Infinity;
  let cleanBefore = '';
  for (const piece of part.pieces) {
    if (covered.has(piece)) {
      start = Math.min(start, piece.start);
      end = Math.max(end, piece.end);
      const { edit } = piece;
      cleanBefore += edit && isTypedEdit(edit) && edit.op.type === 'replace' ? (edit.op.cleanBefore ?? '') : piece.text;
    } else if (!piece.edit) {
      const overlapFrom = Math.max(local.from, piece.from);
      const overlapTo = Math.min(local.to, piece.to);
      if (overlapFrom >= overlapTo) continue;
      start = Math.min(start, piece.start + overlapFrom - piece.from);
      end = Math.max(end, piece.start + overlapTo - piece.from);
      cleanBefore += piece.text.slice(overlapFrom - piece.from, overlapTo - piece.from);
    }
  }
  const after =
    part.text.slice(local.from, Math.max(local.from, from)) +
    inserted +
    part.text.slice(Math.min(to, part.text.length), local.to);
  const merged = [...covered].flatMap((piece) => (piece.edit && isTypedEdit(piece.edit) ? [piece.edit] : []));
  return { start, end, after, cleanBefore, merged };
}

function typedEdit(page: ReviewPage, typed: Typed, kept: Edit | undefined): Edit {
  const { start, end, after, cleanBefore } = typed;
  return {
    id: kept?.id ?? newId('typed'),
    kind: 'manual',
    rule: TYPED_RULE,
    start,
    end,
    before: page.raw.slice(start, end),
    after,
    reason: 'typed by the editor',
    confidence: 1,
    status: 'applied',
    origin: 'editor',
    op: { type: 'replace', cleanBefore },
  };
}

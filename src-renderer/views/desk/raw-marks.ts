import type { Edit, PageAnalysis } from '../../../src-shared/model';
import type { Highlight } from '../page/RawPage';

/*
 * The raw pane's marks for what the analysis did: furniture greyed, removed text struck through,
 * open doubts underlined. Each is a layer of its own array, so an action that changes the edits
 * alone indexes the edits' marks again and not the page's chunks or its flags.
 */

export function furnitureMarks(chunks: PageAnalysis['chunks']): Highlight[] {
  return chunks
    .filter((chunk) => chunk.role === 'furniture')
    .map((chunk) => ({ start: chunk.start, end: chunk.end, className: 'raw-furniture' }));
}

export function flagMarks(flags: PageAnalysis['flags']): Highlight[] {
  return flags
    .filter((flag) => flag.status === 'open')
    .map((flag) => ({ start: flag.start, end: flag.end, className: 'raw-flag' }));
}

/** Each edit's mark (null for none), kept per edit object: a step replaces a few edits and keeps the rest. */
const markOf = new WeakMap<Edit, Highlight | null>();

function editMark(edit: Edit): Highlight | null {
  if (edit.status !== 'applied' || edit.end <= edit.start) return null;
  if (edit.op.type === 'replace' && edit.after === '')
    return {
      start: edit.start,
      end: edit.end,
      className: edit.kind === 'dedupe' ? 'raw-removed raw-repeat' : 'raw-removed',
    };
  if (edit.op.type === 'replace' || edit.op.type === 'extract')
    return { start: edit.start, end: edit.end, className: 'raw-edited' };
  return null;
}

/**
 * The edits' marks, given back as `previous` itself when they are the same marks: a typed title or
 * an approval changes edits that mark nothing, and the pane then indexes none of the page's
 * 40,000 marks again (the layer is indexed once per identity).
 */
export function editMarks(edits: PageAnalysis['edits'], previous: readonly Highlight[]): readonly Highlight[] {
  const highlights: Highlight[] = [];
  let same = true;
  for (const edit of edits) {
    let mark = markOf.get(edit);
    if (mark === undefined) markOf.set(edit, (mark = editMark(edit)));
    if (!mark) continue;
    if (previous[highlights.length] !== mark) same = false;
    highlights.push(mark);
  }
  return same && highlights.length === previous.length ? previous : highlights;
}

import type { Chunk, Flag } from '../model/analysis';
import { spansOverlap } from '../model/span';
import type { PageDraft } from './draft';
import { lintPage } from './lint';

/**
 * Runs the OCR lint (src-shared/pipeline/lint) over the page as the repairs left it: removed
 * copies are not linted, and blocks recast as captions are linted as captions. Lost text found
 * by the repairs (which know the joins) is not reported a second time. The checks across pages
 * run once per batch, in `analyzeCorpus`.
 */
export function lint(draft: PageDraft): PageDraft {
  const recast = new Map<string, Chunk['role']>();
  for (const edit of draft.edits) {
    if (edit.status === 'applied' && edit.op.type === 'role') recast.set(edit.op.chunk, edit.op.role);
  }
  const chunks: Chunk[] = draft.pieces
    .filter((piece) => !piece.removed)
    .map((piece) => ({ id: piece.id, start: piece.start, end: piece.end, role: recast.get(piece.id) ?? piece.role, furniture: piece.furniture }));
  const found = lintPage(draft.raw, chunks);
  const lost = draft.flags.filter((flag) => flag.kind === 'lost-text');
  const fresh = (flag: Flag) => flag.kind !== 'lost-text' || !lost.some((known) => spansOverlap(known, flag));
  return { ...draft, flags: [...draft.flags, ...found.flags.filter(fresh)], edits: [...draft.edits, ...found.edits] };
}

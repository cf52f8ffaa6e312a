import type { Chunk, Flag } from '../model/analysis';
import { spansOverlap } from '../model/span';
import { commit, livePieces, type PageView } from './draft';
import { lintPage } from './lint';

/**
 * Runs the OCR lint (src-shared/pipeline/lint) over the page as the repairs left it: removed
 * copies are not linted, and blocks recast as captions are linted as captions. Lost text found
 * by the repairs (which know the joins) is not reported a second time. The checks across pages
 * run once per batch, in `analyzeCorpus`.
 */
export function lint(view: PageView): PageView {
  const chunks: Chunk[] = livePieces(view).map((piece) => ({
    id: piece.id,
    start: piece.start,
    end: piece.end,
    role: piece.readAs ?? piece.role,
    furniture: piece.furniture,
  }));
  const found = lintPage(view.raw, chunks);
  const lost = view.flags.filter((flag) => flag.kind === 'lost-text');
  const fresh = (flag: Flag) => flag.kind !== 'lost-text' || !lost.some((known) => spansOverlap(known, flag));
  return commit(view, found.edits, found.flags.filter(fresh));
}

import type { Chunk, Flag } from '../model/analysis';
import { spansOverlap } from '../model/span';
import type { CorpusContext, PageDraft } from './draft';
import { lintCorpus, lintPage } from './lint';

/**
 * Runs the OCR lint (src-shared/pipeline/lint) over the page as the repairs left it: removed
 * copies are not linted, and blocks recast as captions are linted as captions. Lost text found
 * by the repairs (which know the joins) is not reported a second time. Given the batch's other
 * pages, the corpus checks (name variants, paragraphs printed on two pages) run too.
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
  const corpusFlags = draft.corpus ? corpusFindings(draft.raw, chunks, draft.corpus) : [];
  return { ...draft, flags: [...draft.flags, ...found.flags.filter(fresh), ...corpusFlags], edits: [...draft.edits, ...found.edits] };
}

const THIS_PAGE = '(this page)';

/** The batch-wide checks, run with this page among the others; only this page's findings are kept. */
function corpusFindings(raw: string, chunks: Chunk[], corpus: CorpusContext): Flag[] {
  const others = corpus.pages.filter((page) => page.raw !== raw);
  if (others.length === 0) return [];
  return lintCorpus([{ id: THIS_PAGE, raw, chunks }, ...others]).get(THIS_PAGE) ?? [];
}

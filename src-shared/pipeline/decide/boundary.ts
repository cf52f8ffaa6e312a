import { CUTOFFS } from './cutoffs';
import { fittedJudge, type Feature, type Judge } from './model';
import weights from './weights/boundary.json';
import { closesArticle, endsInCut, isColumnLineLength, yes } from './evidence';
import { continuesAcrossCut, isLead } from '../cues';
import { previousContent, type Piece } from '../draft';
import { compact } from '../text';

/**
 * Does a new article start at this block? Asked of every block segmentation considers: a
 * headline or the kicker over one, and a `本报讯` lead printed after a credit with no headline.
 */
export interface BoundaryContext {
  /** The page's live blocks, roles assigned. */
  pieces: readonly Piece[];
  at: number;
  imageGap: number;
}

/** Blocks below the headline searched for its body (past captions, credits and furniture). */
const BODY_REACH = 4;

const block = (c: BoundaryContext) => c.pieces[c.at];
const titled = (c: BoundaryContext) => block(c).role === 'kicker' || block(c).role === 'headline';
/** The headline itself: the candidate, or the block under its kicker. */
const headline = (c: BoundaryContext): Piece =>
  block(c).role === 'kicker' ? (c.pieces[c.at + 1] ?? block(c)) : block(c);
const body = (c: BoundaryContext): Piece | undefined => {
  if (!titled(c)) return block(c);
  const from = c.pieces.indexOf(headline(c)) + 1;
  return c.pieces
    .slice(from, from + BODY_REACH)
    .find((p) => p.role !== 'caption' && p.role !== 'furniture' && p.role !== 'byline');
};
const previous = (c: BoundaryContext): Piece | undefined => previousContent(c.pieces, c.at);
const titleLength = (c: BoundaryContext) => compact(headline(c).text).length;

/** How many headlines on the page print each text; counted once per page. */
const headlineCounts = new WeakMap<readonly Piece[], Map<string, number>>();
/**
 * The headline is printed again on the page and both copies are still there: an article printed
 * twice whose copy the repeat decision did not remove, so one of the two splits is a copy's.
 */
function printedTwice(c: BoundaryContext): boolean {
  let counts = headlineCounts.get(c.pieces);
  if (!counts) {
    counts = new Map();
    for (const piece of c.pieces)
      if (piece.role === 'headline') counts.set(compact(piece.text), (counts.get(compact(piece.text)) ?? 0) + 1);
    headlineCounts.set(c.pieces, counts);
  }
  return (counts.get(compact(headline(c).text)) ?? 0) > 1;
}

export const BOUNDARY_FEATURES: readonly Feature<BoundaryContext>[] = [
  { id: 'lead-without-headline', value: (c) => yes(!titled(c)) },
  { id: 'kicker-above', value: (c) => yes(block(c).role === 'kicker') },
  { id: 'lead-follows', value: (c) => yes(titled(c) && isLead(body(c)?.text ?? '')) },
  { id: 'no-body-below', value: (c) => yes(!body(c)) },
  { id: 'after-credit', value: (c) => yes(closesArticle(previous(c))) },
  { id: 'after-furniture', value: (c) => yes(c.at > 0 && c.pieces[c.at - 1].role === 'furniture') },
  { id: 'after-cut', value: (c) => yes(endsInCut(previous(c))) },
  {
    id: 'after-title',
    value: (c) =>
      yes(previous(c)?.role === 'headline' || previous(c)?.role === 'kicker' || previous(c)?.role === 'subhead'),
  },
  {
    id: 'title-runs-into-body',
    value: (c) => yes(titled(c) && !!body(c) && continuesAcrossCut(headline(c).text, body(c)!.text)),
  },
  { id: 'image-gap', value: (c) => yes(block(c).gapBefore >= c.imageGap || headline(c).gapAfter >= c.imageGap) },
  { id: 'heading-markup', value: (c) => yes(!!block(c).markup?.startsWith('#')) },
  { id: 'column-line-length', value: (c) => yes(titled(c) && isColumnLineLength(titleLength(c))) },
  { id: 'title-printed-twice', value: (c) => yes(titled(c) && printedTwice(c)) },
];

export const fittedBoundary: Judge<BoundaryContext> = fittedJudge(BOUNDARY_FEATURES, weights, CUTOFFS.boundary);

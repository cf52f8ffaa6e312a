import type { Boundary, Flag } from '../model/analysis';
import { readingOrder } from '../model/materialize';
import { fittedBoundary, type BoundaryContext } from './decide/boundary';
import type { Judge } from './decide/model';
import { isLead } from './cues';
import {
  commit,
  imageGapOf,
  livePieces,
  makeFlag,
  opensArticle,
  previousContent,
  type PageView,
  type Piece,
} from './draft';

/**
 * Proposes where articles start: at each headline (or the kicker above it), and at a `本报讯`
 * lead that follows a byline with no headline. Each such block is put to the scored boundary
 * decision; a split is a proposal whose confidence is the decision's probability and whose
 * reason names its strongest features. The first article on the page needs none. A headline
 * the decision rejects is read as body text of the article it stands in.
 */
export function segment(view: PageView, judge: Judge<BoundaryContext> = fittedBoundary): PageView {
  // A headline (or kicker) an earlier stage moved (one read inside a paragraph) opens its article where it
  // is read, not where it was printed. Other moves put paragraphs back inside their own articles
  // and leave where articles start as printed.
  const live = livePieces(view);
  const headlines = new Set(
    live.filter((piece) => piece.role === 'headline' || piece.role === 'kicker').map((piece) => piece.id),
  );
  const headlineMoves = view.edits.filter(
    (edit) => edit.status === 'applied' && edit.op.type === 'move' && headlines.has(edit.op.chunk),
  );
  const pieces = readingOrder(live, headlineMoves).map((piece) => ({ ...piece }));
  const imageGap = imageGapOf(pieces);
  const boundaries: Boundary[] = [];
  const flags: Flag[] = [];
  let content = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.role === 'furniture') continue;
    if (content && isCandidate(pieces, i)) {
      const decision = judge({ pieces, at: i, imageGap });
      const reason = decision.reasons.join(' ');
      if (decision.verdict === 'reject') {
        if (opensArticle(piece)) demoteTitle(pieces, i);
      } else {
        boundaries.push({
          id: `b${piece.start}`,
          chunk: piece.id,
          confidence: decision.p,
          reason,
          status: 'proposed',
          origin: 'auto',
        });
      }
      if (decision.verdict === 'propose') {
        flags.push(
          makeFlag(view.raw, {
            kind: 'low-confidence-split',
            rule: 'segment.weak-evidence',
            start: piece.start,
            end: piece.end,
            message: `Possible new article (${reason}); check the split.`,
            confidence: decision.p,
          }),
        );
      }
    }
    content = true;
    if (piece.role === 'kicker') i++;
  }
  const roles = new Map(pieces.map((piece) => [piece.id, piece]));
  return commit({ ...view, pieces: view.pieces.map((piece) => roles.get(piece.id) ?? piece), boundaries }, [], flags);
}

/**
 * A block segmentation puts to the boundary decision: a headline (not the second line of one set
 * on two lines) or its kicker, or a `本报讯` lead after a credit that closes body text.
 */
export function isCandidate(pieces: readonly Piece[], i: number): boolean {
  const piece = pieces[i];
  if (piece.role === 'headline') return pieces[i - 1]?.role !== 'headline';
  if (piece.role === 'kicker') return true;
  return (
    piece.role === 'paragraph' &&
    isLead(piece.text) &&
    previousContent(pieces, i)?.role === 'byline' &&
    bodyBefore(pieces, i)
  );
}

/** A rejected headline (with its kicker and a second title line) reads as body text. */
function demoteTitle(pieces: Piece[], i: number): void {
  for (let j = i; j < pieces.length && opensArticle(pieces[j]); j++) pieces[j].role = 'paragraph';
}

/** True when body text stands between the last title and block `i`: a credit there ends an article. */
function bodyBefore(pieces: readonly Piece[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const role = pieces[j].role;
    if (role === 'paragraph') return true;
    if (role === 'headline' || role === 'kicker' || role === 'subhead') return false;
  }
  return false;
}

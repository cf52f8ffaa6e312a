import type { Boundary } from '../model/analysis';
import { trailingCredit } from '../text';
import { isLead } from './cues';
import { livePieces, makeFlag, type PageDraft, type Piece } from './draft';

/** Splits below this confidence are flagged for the editor as well as proposed. */
const LOW_SPLIT_CONFIDENCE = 0.8;

/**
 * Proposes where articles start: at each headline (or the kicker above it), and at a `本报讯`
 * lead that follows a byline with no headline. Every split is a proposal with its evidence; the
 * first article on the page needs none.
 */
export function segment(draft: PageDraft): PageDraft {
  const pieces = livePieces(draft);
  const boundaries: Boundary[] = [];
  const flags = [...draft.flags];
  let content = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.role === 'furniture') continue;
    // The second line of a headline set on two lines continues the title, it opens nothing.
    const continuesTitle = piece.role === 'headline' && pieces[i - 1]?.role === 'headline';
    const opening = continuesTitle ? null : opensArticle(pieces, i);
    if (opening && content) {
      boundaries.push({
        id: `b${piece.start}`,
        chunk: piece.id,
        confidence: opening.confidence,
        reason: opening.reason,
        status: 'proposed',
        origin: 'auto',
      });
      if (opening.confidence < LOW_SPLIT_CONFIDENCE) {
        flags.push(
          makeFlag(draft.raw, {
            kind: 'low-confidence-split',
            rule: 'segment.weak-evidence',
            start: piece.start,
            end: piece.end,
            message: `Possible new article (${opening.reason}); check the split.`,
            confidence: opening.confidence,
          }),
        );
      }
    }
    content = true;
    if (piece.role === 'kicker') i++;
  }
  return { ...draft, boundaries, flags };
}

interface Opening {
  confidence: number;
  reason: string;
}

function opensArticle(pieces: readonly Piece[], i: number): Opening | null {
  const piece = pieces[i];
  const previous = lastNonFurniture(pieces, i);
  const furnitureBefore = i > 0 && pieces[i - 1].role === 'furniture';
  if (piece.role === 'kicker' || piece.role === 'headline') {
    const headlineAt = piece.role === 'kicker' ? i + 1 : i;
    const body = pieces.slice(headlineAt + 1, headlineAt + 5).find((p) => p.role !== 'caption' && p.role !== 'furniture' && p.role !== 'byline');
    if (body && isLead(body.text)) return { confidence: 0.95, reason: 'headline followed by 本报讯 lead' };
    const credited = previous?.role === 'byline' || (previous?.role === 'paragraph' && !!trailingCredit(previous.text));
    if (!previous || credited) return { confidence: 0.9, reason: 'headline after a byline' };
    if (furnitureBefore) return { confidence: 0.85, reason: 'headline after page furniture' };
    return { confidence: 0.7, reason: 'short line without sentence punctuation before body text' };
  }
  if (piece.role === 'paragraph' && isLead(piece.text) && previous?.role === 'byline' && bodyBefore(pieces, i)) {
    return { confidence: 0.6, reason: '本报讯 lead after a byline, no headline found' };
  }
  return null;
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

function lastNonFurniture(pieces: readonly Piece[], i: number): Piece | undefined {
  for (let j = i - 1; j >= 0; j--) if (pieces[j].role !== 'furniture') return pieces[j];
  return undefined;
}

import { bodyEndsSentence } from '../cues';
import type { Piece } from '../draft';
import { trailingCredit } from '../../text';

/**
 * Evidence more than one decision reads about the block a candidate follows, defined once so
 * that a feature of the same name means the same thing in every model.
 */

/** A paragraph's first line at the foot of a column runs 10–17 characters (page-anatomy.md). */
export const COLUMN_LINE = { min: 10, max: 17 } as const;

export const yes = (value: boolean): number => (value ? 1 : 0);

/** A credit line, or a paragraph closed by a credit printed inline: an article ended there. */
export function closesArticle(piece: Piece | undefined): boolean {
  return piece?.role === 'byline' || (piece?.role === 'paragraph' && !!trailingCredit(piece.text));
}

/** A paragraph that stops mid-sentence: a column break cut it, so what follows may continue it. */
export function endsInCut(piece: Piece | undefined): boolean {
  return piece?.role === 'paragraph' && !bodyEndsSentence(piece.text);
}

export function isColumnLineLength(length: number): boolean {
  return length >= COLUMN_LINE.min && length <= COLUMN_LINE.max;
}

import { CUTOFFS } from './cutoffs';
import { fittedJudge, type Feature, type Judge } from './model';
import weights from './weights/repeat.json';
import { endsInCut, yes } from './evidence';
import { bodyEndsSentence } from '../cues';
import { previousContent, type Piece } from '../draft';

/**
 * Is this block an extra copy of text printed elsewhere on the page (a paragraph, headline or
 * caption printed again, a garbled or partial copy), so that removing it loses nothing? Dedupe
 * asks it of every block its searches pair with an original, the evidence of the search being
 * one feature among the others.
 */
export interface RepeatContext {
  /** The page's blocks as dedupe sees them (copies found so far marked removed). */
  pieces: readonly Piece[];
  /** The candidate copy, and the block holding the text it copies. */
  at: number;
  original: number;
  /** How the copy was found: the same text, inside one longer paragraph, across the paragraphs around a break, beside its garbled original, or as a paragraph's opening broken off. */
  evidence: 'exact' | 'contained' | 'across-break' | 'garbled-neighbour' | 'opening';
  /** Share of its text found in the original (shingles or character pairs, as the search measures it). */
  share: number;
  /** Printed where no article has it: after an article's credit, or above the page's first headline. */
  outOfPlace: boolean;
  originalOutOfPlace: boolean;
  /** Longest run of its characters that no four-character sequence printed elsewhere on the page holds. */
  uniqueRun: number;
  /** Body text under a headline copy, and under its original (0 for other blocks)... */
  bodyUnder: number;
  originalBodyUnder: number;
  /** ...and whether a credit closes the text under each before the next title. */
  creditUnder: boolean;
  originalCreditUnder: boolean;
}

/** A run of unique characters this long is text of its own (a garbled copy misreads one character at a time). */
const UNIQUE_RUN_SCALE = 4;

const copy = (c: RepeatContext) => c.pieces[c.at];
const original = (c: RepeatContext) => c.pieces[c.original];
/**
 * +1 when the copy has the property and its original not, -1 the other way round: of two blocks
 * printing one text, the evidence weighs which of the two is the copy, the same either way.
 */
const against = (mine: boolean, theirs: boolean) => yes(mine) - yes(theirs);

export const REPEAT_FEATURES: readonly Feature<RepeatContext>[] = [
  { id: 'same-text', value: (c) => yes(c.evidence === 'exact') },
  { id: 'copied-across-break', value: (c) => yes(c.evidence === 'across-break') },
  { id: 'garbled-beside-original', value: (c) => yes(c.evidence === 'garbled-neighbour') },
  { id: 'opening-broken-off', value: (c) => yes(c.evidence === 'opening') },
  { id: 'copied-share', value: (c) => c.share },
  { id: 'out-of-place', value: (c) => against(c.outOfPlace, c.originalOutOfPlace) },
  // Which of two identical blocks is the copy; of a partial copy, containment already says it.
  {
    id: 'printed-after-original',
    value: (c) => (c.evidence === 'exact' ? against(c.at > c.original, c.at < c.original) : 0),
  },
  { id: 'breaks-off-where-original-ends', value: (c) => yes(breaksOffWhereOriginalEnds(c)) },
  // A cut continues into body text only: a promo or headline after one is no tail of it.
  { id: 'after-cut', value: (c) => yes(copy(c).role === 'paragraph' && endsInCut(previousContent(c.pieces, c.at))) },
  { id: 'text-of-its-own', value: (c) => Math.min(c.uniqueRun, UNIQUE_RUN_SCALE) / UNIQUE_RUN_SCALE },
  { id: 'repeated-headline', value: (c) => yes(copy(c).role === 'headline') },
  {
    id: 'less-body-under',
    value: (c) => against(c.bodyUnder < c.originalBodyUnder, c.bodyUnder > c.originalBodyUnder),
  },
  {
    id: 'no-credit-under',
    value: (c) => (copy(c).role === 'headline' ? against(!c.creditUnder, !c.originalCreditUnder) : 0),
  },
];

/** The copy stops mid-sentence where its original ends one: a fragment, not a paragraph a break cut. */
export function breaksOffWhereOriginalEnds(c: RepeatContext): boolean {
  return !bodyEndsSentence(copy(c).text) && bodyEndsSentence(original(c).text);
}

export const fittedRepeat: Judge<RepeatContext> = fittedJudge(REPEAT_FEATURES, weights, CUTOFFS.repeat);

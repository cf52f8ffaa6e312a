import { CUTOFFS } from './cutoffs';
import { fittedJudge, type Feature, type Judge } from './model';
import weights from './weights/title.json';
import { closesArticle, endsInCut, isColumnLineLength, yes } from './evidence';
import { continuesAcrossCut, isLead, isPlaceName, wordAcrossCut } from '../cues';
import { previousContent, type Piece } from '../draft';
import { compact, sharedPairs } from '../text';
import { isHan, startsMidSentence } from '../../text';

/**
 * Is a lone title-like line (short, no sentence punctuation, not paired with another title
 * line) a headline, or the first words of a paragraph that a column break cut after its first
 * line? The classifier asks this of each such line, left to right, with the roles found so far.
 */
export interface TitleContext {
  pieces: readonly Piece[];
  /** The line asked about. */
  at: number;
  /** The next block that is not furniture. */
  next: number;
  /** The next block that is neither furniture nor a credit (`本报记者 张明` under a headline). */
  lead: number;
  imageGap: number;
}

/** Body blocks this far below a line are searched for the rest of its sentence. */
const CONTINUATION_REACH = 2;
/** Shorter than this a line is very short (`short-line`); a column-end fragment runs 10–17 characters. */
const SHORT_TITLE = 6;
/** A clause of the next block this short finishes a sentence the line began. */
const CLOSING_CLAUSE = 8;
/** Words that end a clause unfinished: a headline does not end on them, a cut line may. */
const UNFINISHED_END = new Set(Array.from('的了在和与及对将为是把被从向以于并而或且着过也都就让使由其等'));

const line = (c: TitleContext) => c.pieces[c.at];
const nextBlock = (c: TitleContext): Piece | undefined => c.pieces[c.next];
const length = (c: TitleContext) => compact(line(c).text).length;
const previous = (c: TitleContext): Piece | undefined => previousContent(c.pieces, c.at);

export const TITLE_FEATURES: readonly Feature<TitleContext>[] = [
  // A credit printed under the headline (`本报记者 张明`) does not separate it from its lead.
  { id: 'lead-follows', value: (c) => yes(isLead(c.pieces[c.lead]?.text ?? '')) },
  { id: 'first-on-page', value: (c) => yes(!previous(c)) },
  { id: 'after-credit', value: (c) => yes(closesArticle(previous(c))) },
  { id: 'after-furniture', value: (c) => yes(c.at > 0 && c.pieces[c.at - 1].role === 'furniture') },
  { id: 'after-cut', value: (c) => yes(endsInCut(previous(c))) },
  { id: 'after-caption', value: (c) => yes(previous(c)?.role === 'caption') },
  { id: 'image-gap-before', value: (c) => yes(line(c).gapBefore >= c.imageGap) },
  { id: 'heading-markup', value: (c) => yes(!!line(c).markup?.startsWith('#')) },
  { id: 'continued-below', value: (c) => yes(continuedBelow(c)) },
  { id: 'next-mid-sentence', value: (c) => yes(startsMidSentence(nextBlock(c)?.text ?? '')) },
  { id: 'word-across-cut', value: (c) => yes(wordAcrossCut(line(c).text, nextBlock(c)?.text ?? '')) },
  { id: 'next-closes-clause', value: (c) => yes(closesClause(nextBlock(c)?.text ?? '')) },
  { id: 'next-not-body', value: (c) => yes(nextBlock(c)?.role !== 'paragraph') },
  { id: 'next-is-caption', value: (c) => yes(nextBlock(c)?.role === 'caption') },
  { id: 'place-name', value: (c) => yes(isPlaceName(line(c).text)) },
  { id: 'short-line', value: (c) => yes(length(c) < SHORT_TITLE) },
  { id: 'column-line-length', value: (c) => yes(isColumnLineLength(length(c))) },
  { id: 'ends-unfinished', value: (c) => yes(UNFINISHED_END.has(compact(line(c).text).slice(-1))) },
  // A headline an engine read between two columns of the article before: that article's
  // sentence goes on below the line, and its credit closes it before this one's lead.
  { id: 'between-halves', value: (c) => yes(betweenHalves(c)) },
  { id: 'lead-after-credit-below', value: (c) => yes(leadAfterCreditBelow(c)) },
  { id: 'subject-then-space', value: (c) => yes(subjectThenSpace(line(c).text)) },
  { id: 'headless-lead-echoes-line', value: (c) => headlessLeadEcho(c) },
];

export const fittedTitle: Judge<TitleContext> = fittedJudge(TITLE_FEATURES, weights, CUTOFFS.title);

/** A body block just below the line runs on with the sentence the line began. */
function continuedBelow(c: TitleContext): boolean {
  let seen = 0;
  for (let j = c.at + 1; j < c.pieces.length && seen < CONTINUATION_REACH; j++) {
    const piece = c.pieces[j];
    if (piece.role !== 'paragraph') continue;
    if (isLead(piece.text)) return false;
    if (continuesAcrossCut(line(c).text, piece.text)) return true;
    seen++;
  }
  return false;
}

/** The block above broke off mid-sentence and the block below goes on with it, past the line. */
function betweenHalves(c: TitleContext): boolean {
  const above = previous(c);
  const below = nextBlock(c);
  return endsInCut(above) && below?.role === 'paragraph' && continuesAcrossCut(above!.text, below.text);
}

/** Body blocks below a line searched for the credit that closes the article it interrupts. */
const CREDIT_REACH = 3;

/** Below the line, within a few body blocks, a credit closes an article and a lead opens the next without a headline of its own. */
function leadAfterCreditBelow(c: TitleContext): boolean {
  for (let j = c.next, seen = 0; j < c.pieces.length && seen < CREDIT_REACH; j++) {
    const piece = c.pieces[j];
    if (piece.role === 'furniture') continue;
    if (piece.role !== 'paragraph' && piece.role !== 'byline') return false;
    // A credit right under the line is its own (`本报记者 张明` under a headline), not one closing text.
    if (closesArticle(piece)) return (seen > 0 || piece.role === 'paragraph') && isLead(c.pieces[j + 1]?.text ?? '');
    if (isLead(piece.text)) return false;
    seen++;
  }
  return false;
}

function closesClause(text: string): boolean {
  const clause = /^[^，,。；;！？!?]*[，,。；;！？!?]/.exec(compact(text));
  return !!clause && clause[0].length <= CLOSING_CLAUSE;
}

/**
 * `岳池县科协 召开第八次代表大会`: an organisation or place, one space, the rest. Headlines set
 * their subject apart so (page-anatomy), running text does not: the space of a line the engine
 * letter-spaced is not one space, and a lead's `本报讯 ` names no subject.
 */
function subjectThenSpace(text: string): boolean {
  const parts = text.trim().split(/[ \u3000]+/);
  return parts.length === 2 && isPlaceName(parts[0]) && isHan(parts[1].charAt(0));
}

/** Blocks below a line searched for a lead without a headline of its own. */
const LEAD_REACH = 12;
/** A lead's opening this long is where a headline's words come back (`本报讯 近日，射洪市科协…`). */
const LEAD_OPENING = 60;

/**
 * The share of the line's two-character words that the opening of a lead further down says
 * again, a lead a credit shows has no headline of its own: the line is that report's headline,
 * read between the columns of the article before (`…至此，全省` / `射洪市科协举办果树栽培技术
 * 培训` / `省级院士…`, and four paragraphs down `(记者 黄一鸣)` / `本报讯 近日，射洪市科协…举办
 * 果树栽培技术培训班`). A report's lead names its headline's subject and event; a photo's
 * caption printed in a break does not name the next report's.
 */
function headlessLeadEcho(c: TitleContext): number {
  let bodySeen = false;
  for (let j = c.at + 1; j < c.pieces.length && j <= c.at + LEAD_REACH; j++) {
    const piece = c.pieces[j];
    if (piece.role !== 'paragraph') continue;
    if (isLead(piece.text)) {
      if (!bodySeen || !closesArticle(previousContent(c.pieces, j))) return 0;
      return sharedPairs(compact(line(c).text), compact(piece.text).slice(0, LEAD_OPENING));
    }
    bodySeen = true;
  }
  return 0;
}

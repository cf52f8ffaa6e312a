import { CUTOFFS } from './cutoffs';
import { fittedJudge, type Feature, type Judge } from './model';
import weights from './weights/continuation.json';
import { yes } from './evidence';
import { bodyEndsSentence, opensParagraph, opensReport, wordAcrossCut } from '../cues';
import type { Piece } from '../draft';
import { matchesElsewhere, type Home } from '../relocate';
import { compact } from '../text';
import { isHan, seamGain, startsMidSentence } from '../../text';

/**
 * Where does a paragraph cut by a break go on: in the next body block, or in the one after it, the
 * next being something else printed in the break (another article's paragraph, a stray sentence)?
 * Asked by join of a paragraph that stops mid-sentence when two body blocks follow within reach.
 * Yes means the sentence runs on into `beyond` and `next` is passed over.
 */
export interface ContinuationContext {
  head: Piece;
  next: Piece;
  beyond: Piece;
  /** How a block's wording matches the page's other articles and its own (relocate's topic match). */
  topic: (piece: Piece) => Home | null;
}

/** A gain in nats this large is one common word across the seam; more says no more. */
const GAIN_CAP = 12;

const gain = (head: Piece, tail: Piece) => Math.min(GAIN_CAP, seamGain(compact(head.text), compact(tail.text)));
const whole = (piece: Piece) => bodyEndsSentence(piece.text) && !startsMidSentence(piece.text);
const lastChar = (piece: Piece) => compact(piece.text).slice(-1);
/** The cut character printed again at the start of a candidate (`…茶叶精` / `精深加工…`). */
const doubled = (head: Piece, tail: Piece) => isHan(lastChar(head)) && compact(tail.text).startsWith(lastChar(head));
/** Set against the usual bar for a move, because a block's place in a break is no evidence. */
const FOREIGN_MARGIN = 4;
const foreign = (topic: Home | null) => topic !== null && matchesElsewhere(topic, FOREIGN_MARGIN, 'score');
/** The other article's topic score less its own article's match. */
const margin = (topic: Home | null) => (topic ? topic.score - topic.own : 0);
/** Any sign that `tail` goes on with the sentence `head` broke off in. */
const runsOn = (head: Piece, tail: Piece) =>
  startsMidSentence(tail.text) || doubled(head, tail) || seamGain(compact(head.text), compact(tail.text)) > 0;
/** The features come in pairs, one per candidate: +1 when `beyond` has the property, -1 when `next` has it. */
const against = (forBeyond: boolean, forNext: boolean) => yes(forBeyond) - yes(forNext);

export const CONTINUATION_FEATURES: readonly Feature<ContinuationContext>[] = [
  {
    id: 'runs-on-mid-sentence',
    value: (c) => against(startsMidSentence(c.beyond.text), startsMidSentence(c.next.text)),
  },
  {
    id: 'word-across-cut',
    value: (c) => against(wordAcrossCut(c.head.text, c.beyond.text), wordAcrossCut(c.head.text, c.next.text)),
  },
  { id: 'seam-gain', value: (c) => (gain(c.head, c.beyond) - gain(c.head, c.next)) / GAIN_CAP },
  { id: 'cut-character-doubled', value: (c) => against(doubled(c.head, c.beyond), doubled(c.head, c.next)) },
  { id: 'opens-paragraph', value: (c) => against(opensParagraph(c.beyond.text), opensParagraph(c.next.text)) },
  { id: 'opens-report', value: (c) => against(opensReport(c.beyond.text), opensReport(c.next.text)) },
  { id: 'foreign-wording', value: (c) => against(foreign(c.topic(c.beyond)), foreign(c.topic(c.next))) },
  { id: 'topic-margin', value: (c) => margin(c.topic(c.next)) - margin(c.topic(c.beyond)) },
  { id: 'beyond-shows-no-run-on', value: (c) => yes(!runsOn(c.head, c.beyond)) },
  { id: 'next-whole', value: (c) => yes(whole(c.next)) },
  { id: 'next-cut-too', value: (c) => yes(!bodyEndsSentence(c.next.text)) },
  { id: 'cut-after-comma', value: (c) => yes(/[，,、；;]$/.test(compact(c.head.text))) },
  // A paragraph continued after a break opens without the indent its first line has.
  { id: 'opens-indented', value: (c) => against(c.beyond.indented === true, c.next.indented === true) },
  { id: 'indented-page', value: (c) => yes([c.head, c.next, c.beyond].some((piece) => piece.indented === true)) },
];

export const fittedContinuation: Judge<ContinuationContext> = fittedJudge(
  CONTINUATION_FEATURES,
  weights,
  CUTOFFS.continuation,
);

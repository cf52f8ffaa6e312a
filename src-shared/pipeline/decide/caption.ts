import { CUTOFFS } from './cutoffs';
import { fittedJudge, type Feature, type Judge } from './model';
import weights from './weights/caption.json';
import { yes } from './evidence';
import { describesScene, isCaptionText, isLead, isPlaceName } from '../cues';
import type { Piece } from '../draft';
import { compact } from '../text';

/**
 * Two title lines over a body: is the second the photo's caption under the headline, rather than
 * the headline under a kicker? A caption is set under the headline when the photo sits beside the
 * text; an engine's text then has the two lines one after the other with nothing to tell them apart
 * but their wording and shape. Asked by classify of each such pair that no image gap settles.
 */
export interface CaptionContext {
  pieces: readonly Piece[];
  first: number;
  second: number;
  /** The block below the pair. */
  after: number;
  imageGap: number;
}

/** A length ratio this large says no more. */
const RATIO_CAP = 3;
/** `科技助力 乡村振兴`: a theme in two short phrases, the way kickers are set. */
const TWO_PHRASES = /^[^\s]{2,6}[ \u3000]+[^\s]{2,6}$/;

const first = (c: CaptionContext) => c.pieces[c.first];
const second = (c: CaptionContext) => c.pieces[c.second];
const length = (piece: Piece) => compact(piece.text).length;

export const CAPTION_FEATURES: readonly Feature<CaptionContext>[] = [
  { id: 'image-gap-between', value: (c) => yes(second(c).gapBefore >= c.imageGap) },
  { id: 'image-gap-below', value: (c) => yes(second(c).gapAfter >= c.imageGap) },
  { id: 'caption-opening', value: (c) => yes(isCaptionText(second(c).text)) },
  // Captions name what the photo shows, often the scene itself (`会议现场`, `图为活动现场`).
  { id: 'names-a-scene', value: (c) => yes(/现场$/.test(compact(second(c).text))) },
  // ...or who is pictured doing what (`专家在田间查看…`), which a headline under a kicker does not.
  { id: 'describes-scene', value: (c) => yes(describesScene(second(c).text)) },
  { id: 'first-shorter', value: (c) => yes(length(first(c)) < length(second(c))) },
  { id: 'length-ratio', value: (c) => Math.min(RATIO_CAP, length(second(c)) / length(first(c))) / RATIO_CAP },
  { id: 'first-names-place', value: (c) => yes(isPlaceName(first(c).text)) },
  { id: 'first-two-phrases', value: (c) => yes(TWO_PHRASES.test(first(c).text.trim())) },
  { id: 'second-two-phrases', value: (c) => yes(TWO_PHRASES.test(second(c).text.trim())) },
  { id: 'second-wraps', value: (c) => yes(second(c).text.trim().includes('\n')) },
  { id: 'second-heading-markup', value: (c) => yes(!!second(c).markup?.startsWith('#')) },
  { id: 'first-heading-markup', value: (c) => yes(!!first(c).markup?.startsWith('#')) },
  { id: 'lead-below', value: (c) => yes(isLead(c.pieces[c.after]?.text ?? '')) },
];

export const fittedCaption: Judge<CaptionContext> = fittedJudge(CAPTION_FEATURES, weights, CUTOFFS.caption);

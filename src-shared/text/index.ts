/**
 * Text predicates every stage shares, one definition each: Han characters, sentence ends and
 * openings, place-name and credit shapes, and the lexicon. Pure: no Node APIs (the browser worker
 * bundles it too).
 */
export { countHan, HAN_CLASS, isHan, isHanCode } from './han';
export {
  endsSentence,
  endsSentenceAt,
  holdsFullStop,
  openingDoubt,
  type OpeningDoubt,
  startsMidSentence,
} from './sentence';
export {
  endsPlaceNameCode,
  isPlaceNameShape,
  isPlaceSuffixCode,
  PLACE_STEM,
  placeNameCandidates,
  placeNameRunsOn,
} from './place';
export { CREDIT_MAX, isBareCredit, isCreditInner, trailingCredit } from './credit';
export { lexicon, type Lexicon } from './lexicon';
export { bestSplit, seamGain, type Split } from './split';

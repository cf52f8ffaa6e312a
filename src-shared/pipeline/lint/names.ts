import type { Span } from '../../model/span';
import { isHanCode, isPlaceSuffixCode, lexicon, PLACE_STEM } from '../../text';
import { CharClass, hasClass, type Finding } from './findings';
import { knownMisread, LOOKALIKES, rarityGap } from './lookalike';

/** A place-name-like token that contains a look-alike character, so it may be a misread variant. */
export interface NameToken extends Span {
  key: string;
}

/**
 * Tokens `stem + suffix` whose stem holds a look-alike character. Only those can be variants of
 * one another, so the index stays small however many pages it covers.
 */
export function nameTokens(raw: string, spans: readonly Span[]): NameToken[] {
  const tokens: NameToken[] = [];
  for (const span of spans) {
    for (let s = span.start + 2; s < span.end; s++) {
      if (!isPlaceSuffixCode(raw.charCodeAt(s))) continue;
      let lookalike = false;
      for (let k = 1; k <= PLACE_STEM.longest && s - k >= span.start; k++) {
        const code = raw.charCodeAt(s - k);
        if (!isHanCode(code)) break;
        if (hasClass(code, CharClass.lookalike)) lookalike = true;
        if (lookalike && k >= PLACE_STEM.shortest) {
          tokens.push({ key: raw.slice(s - k, s + 1), start: s - k, end: s + 1 });
        }
      }
    }
  }
  return tokens;
}

/**
 * Evidence, in log-frequency units, that one step of rarity is worth: OCR does not invent a rare
 * character, so a rare spelling seen even a quarter as often as the common one is believed.
 */
const RARITY_WEIGHT = 2;
/** Evidence needed to call a spelling a misread of its variant. */
const VARIANT_THRESHOLD = 0.5;

export interface VariantJudgement {
  variant: string;
  /** Position of the differing character inside the key. */
  offset: number;
  score: number;
}

/**
 * The best-attested variant of `key` that differs by one look-alike character, if the evidence
 * says `key` is the misread: the variant is more frequent, or as frequent but spelled with the
 * rarer character (OCR turns 荥 into 荣, not the reverse).
 */
export function betterVariant(key: string, count: (key: string) => number): VariantJudgement | null {
  const own = count(key);
  let best: VariantJudgement | null = null;
  for (let offset = 0; offset < key.length - 1; offset++) {
    const ch = key[offset];
    for (const alternative of LOOKALIKES.get(ch) ?? []) {
      const variant = key.slice(0, offset) + alternative + key.slice(offset + 1);
      const seen = count(variant);
      if (seen === 0) continue;
      const score = Math.log(seen / own) + RARITY_WEIGHT * rarityGap(ch, alternative);
      if (score > VARIANT_THRESHOLD && (!best || score > best.score)) best = { variant, offset, score };
    }
  }
  return best;
}

export function variantConfidence(score: number): number {
  return Math.min(0.9, 0.35 + 0.15 * score);
}

/** Page level: a name spelled two ways on one page, the rarer spelling by a look-alike. */
export function findNameVariants(raw: string, spans: readonly Span[], out: Finding[]): void {
  const tokens = nameTokens(raw, spans);
  if (tokens.length === 0) return;
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token.key, (counts.get(token.key) ?? 0) + 1);
  const count = (key: string) => counts.get(key) ?? 0;
  const flagged = new Set<number>();
  for (const token of tokens) {
    const judgement = betterVariant(token.key, count);
    if (!judgement || flagged.has(token.start + judgement.offset)) continue;
    flagged.add(token.start + judgement.offset);
    out.push({
      kind: 'ocr-lookalike',
      rule: 'ocr.lookalike',
      start: token.start,
      end: token.end,
      message: `“${token.key}” (${count(token.key)}×) differs from “${judgement.variant}” (${count(judgement.variant)}×) on this page by one look-alike character.`,
      suggestion: judgement.variant,
      confidence: variantConfidence(judgement.score),
    });
  }
}

/**
 * A word seen under about 130 times in jieba's 60 M-word corpus (府县 beside 夭府县) is too rare to
 * outweigh a known misread; a common one (自己|经历) explains the bigram as a boundary.
 */
const MISREAD_NEIGHBOUR_MIN_LOG_PROB = -13;

function explainsMisread(word: string): boolean {
  return lexicon().logProb(word) >= MISREAD_NEIGHBOUR_MIN_LOG_PROB;
}

/**
 * Known misread bigrams (己经 → 已经). A neighbouring word can turn one into a boundary (自己|经历
 * holds 己经): a word on both sides clears it, on one side makes it a question, never a fix.
 */
export function findMisreads(raw: string, span: Span, out: Finding[]): void {
  for (let i = span.start; i + 1 < span.end; i++) {
    const first = raw.charCodeAt(i);
    if (!hasClass(first, CharClass.misreadStart)) continue;
    const misread = knownMisread(first, raw.charCodeAt(i + 1));
    if (!misread) continue;
    const bigram = raw.slice(i, i + 2);
    const leftWord = i > span.start && explainsMisread(raw.slice(i - 1, i + 1));
    const rightWord = i + 2 < span.end && explainsMisread(raw.slice(i + 1, i + 3));
    if (leftWord && rightWord) continue;
    const certain = misread.certain && !leftWord && !rightWord;
    out.push({
      kind: 'ocr-lookalike',
      rule: 'ocr.lookalike',
      start: i,
      end: i + 2,
      message: `“${bigram}” is not a word; a look-alike misread of “${misread.fix}”.`,
      suggestion: misread.fix,
      confidence: certain ? 0.95 : leftWord || rightWord ? 0.45 : 0.6,
      certain,
    });
    i++;
  }
}

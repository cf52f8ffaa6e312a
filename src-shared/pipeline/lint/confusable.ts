import type { Span } from '../../model/span';
import { bestSplit, lexicon, type Split } from '../../text';
import { CharClass, hasClass, type Finding } from './findings';
import { CONFUSIONS } from './lookalike';

/**
 * Evidence that the character at `at` is a misread: how likely the text around it reads, as the
 * best split into dictionary words, with the character as written and with a character it is
 * confused with in its place (条件|下|开展 reads as well with 开: no evidence; 宣|宾 reads far
 * worse than 宜宾). In nats.
 */
export interface ConfusionEvidence {
  right: string;
  /** ln P of the best split of the context, with the character as read and with the right one. */
  asRead: number;
  asRight: number;
  /** Whether a word of two or more characters holds the character as read in its best split. */
  readInWord: boolean;
  /** The word the right character makes, e.g. 宜宾 for 宣宾. */
  word: string;
  measured: boolean;
}

/** Characters of context on each side: a word of the lexicon through the character fits inside. */
const REACH = 3;

/** The confusion that reads best, or null when no confused character reads better than the text as it is. */
export function confusionEvidence(raw: string, at: number, span: Span): ConfusionEvidence | null {
  const confusions = CONFUSIONS.get(raw.charCodeAt(at));
  if (!confusions) return null;
  const words = lexicon();
  const before = at > span.start ? raw.charCodeAt(at - 1) : NaN;
  const after = at + 1 < span.end ? raw.charCodeAt(at + 1) : NaN;
  let best: ConfusionEvidence | null = null;
  let context: { left: string; right: string; asRead: Split } | null = null;
  for (const confusion of confusions) {
    if (!words.pairsInWord(before, confusion.code) && !words.pairsInWord(confusion.code, after)) continue;
    if (!context) {
      const left = raw.slice(Math.max(span.start, at - REACH), at);
      const right = raw.slice(at + 1, Math.min(span.end, at + REACH + 1));
      context = { left, right, asRead: bestSplit(left + raw[at] + right, left.length) };
    }
    const fixed = bestSplit(context.left + confusion.right + context.right, context.left.length);
    if (!fixed.word || fixed.logProb <= context.asRead.logProb || (best && fixed.logProb <= best.asRight)) continue;
    const { asRead } = context;
    best = {
      right: confusion.right,
      asRead: asRead.logProb,
      asRight: fixed.logProb,
      readInWord: asRead.word !== '',
      word: fixed.word,
      measured: confusion.measured,
    };
  }
  return best;
}

/**
 * Log-odds that a confusion is a misread, fitted by logistic regression on simulated pages of
 * tuning seeds 1000–1449 (test/pipeline/lint/fit-confusable.ts prints them): the gain in ln P from
 * the right character, whether a word holds the character as read, and whether the pair was
 * measured on a real engine.
 */
const WEIGHTS = { bias: -12.834, gain: 1.175, readInWord: -0.302, measured: 9.785 };
const GAIN_CAP = 24;

export function confusionFeatures(evidence: ConfusionEvidence): Record<keyof typeof WEIGHTS, number> {
  return {
    bias: 1,
    gain: Math.min(GAIN_CAP, evidence.asRight - evidence.asRead),
    readInWord: evidence.readInWord ? 1 : 0,
    measured: evidence.measured ? 1 : 0,
  };
}

export function confusionProbability(evidence: ConfusionEvidence): number {
  const features = confusionFeatures(evidence);
  let logOdds = 0;
  for (const name of Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]) logOdds += WEIGHTS[name] * features[name];
  return 1 / (1 + Math.exp(-logOdds));
}

const CONFUSABLE = CharClass.confusable;

/** Below this probability a confusion is not worth an editor's look. */
const FLAG_PROBABILITY = 0.3;

/**
 * Characters a look-alike or a measured engine confusion would turn into a likelier word (宣宾 →
 * 宜宾, 性牛 → 牦牛).
 */
export function findConfusedCharacters(raw: string, span: Span, out: Finding[]): void {
  for (let at = span.start; at < span.end; at++) {
    if (!hasClass(raw.charCodeAt(at), CONFUSABLE)) continue;
    const evidence = confusionEvidence(raw, at, span);
    if (!evidence) continue;
    const probability = confusionProbability(evidence);
    if (probability < FLAG_PROBABILITY) continue;
    out.push({
      kind: 'ocr-lookalike',
      rule: 'ocr.lookalike',
      start: at,
      end: at + 1,
      message: `“${raw[at]}” may be a misread “${evidence.right}”: with it the text reads “${evidence.word}”.`,
      suggestion: evidence.right,
      confidence: probability,
    });
  }
}

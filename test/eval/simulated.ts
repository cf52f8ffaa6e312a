import { matchesRule, type PageAnalysis } from '../../src-shared/model/analysis';
import { analyzePage } from '../../src-shared/pipeline';
import { toPageResult } from '../../src-shared/pipeline/result';
import { CHAR_ERROR_KINDS, type InjectedNoise, type Layout, type NoiseKind, type SimPage } from '../sim';
import { fractionRightAtLeast, reliability, type Prediction, type Reliability } from './calibration';
import { scorePage, summarize, type PageScore, type Summary } from './evaluate';

/**
 * The annotated-page measures (evaluate.ts) over simulated pages, plus what only a simulated page
 * can tell: whether the OCR lint finds the character errors that were injected, and whether each
 * proposed article split is right, against the article starts the simulator recorded.
 */
export interface SimScore {
  page: SimPage;
  score: PageScore;
  /** Injected character errors, and how many an `ocr.*` flag overlaps. */
  charErrors: { kind: NoiseKind; found: boolean }[];
  /** `ocr.*` flags, and how many overlap an injected character error. */
  ocrFlags: number;
  ocrFlagsRight: number;
  /** One per proposed boundary: its confidence and whether an article starts there. */
  splits: Prediction[];
  /** Article starts a boundary could mark (not the first article, which needs none), and how many one does. */
  startsExpected: number;
  startsFound: number;
}

/** A flag on a doubled character at a column break is as right as one on any other doubled character. */
const FLAG_TARGETS: readonly NoiseKind[] = [...CHAR_ERROR_KINDS, 'break.doubled-char'];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreSimPage(page: SimPage): SimScore {
  const analysis = analyzePage(page.raw);
  const result = toPageResult(page.name, page.raw, analysis);
  const flags = analysis.flags.filter((flag) => matchesRule(flag.rule, 'ocr'));
  const targets = page.noise.filter((noise) => FLAG_TARGETS.includes(noise.kind));
  const charErrors = page.noise.filter((noise) => CHAR_ERROR_KINDS.includes(noise.kind));
  const { splits, startsExpected, startsFound } = labelSplits(page, analysis);
  return {
    page,
    score: scorePage(page.name, page.gold, result),
    charErrors: charErrors.map((noise) => ({ kind: noise.kind, found: flags.some((flag) => overlaps(flag, noise)) })),
    ocrFlags: flags.length,
    ocrFlagsRight: flags.filter((flag) => targets.some((noise) => overlaps(flag, noise))).length,
    splits,
    startsExpected,
    startsFound,
  };
}

/**
 * A boundary is right when its chunk starts exactly where an article's first printed line does.
 * The first article of the page needs no boundary; it is left out of the starts to find.
 */
function labelSplits(page: SimPage, analysis: PageAnalysis): Pick<SimScore, 'splits' | 'startsExpected' | 'startsFound'> {
  const chunkStart = new Map(analysis.chunks.map((chunk) => [chunk.id, chunk.start]));
  const starts = new Set(page.articleStarts);
  const proposed = analysis.boundaries.map((boundary) => ({ p: boundary.confidence, at: chunkStart.get(boundary.chunk) ?? -1 }));
  const first = Math.min(...page.articleStarts);
  const markable = page.articleStarts.filter((start) => start !== first);
  const at = new Set(proposed.map((split) => split.at));
  return {
    splits: proposed.map((split) => ({ p: split.p, y: starts.has(split.at) })),
    startsExpected: markable.length,
    startsFound: markable.filter((start) => at.has(start)).length,
  };
}

export interface SimSummary extends Summary {
  ocrRecall: number;
  ocrPrecision: number;
  calibration: Reliability;
  /** Fraction right among splits proposed with confidence ≥ 0.95. */
  rightAtHighConfidence: number;
  splitRecall: number;
}

export const HIGH_CONFIDENCE = 0.95;

const ratio = (part: number, whole: number) => (whole ? part / whole : NaN);
const sum = (scores: readonly SimScore[], pick: (score: SimScore) => number) => scores.reduce((total, score) => total + pick(score), 0);

/** With `focus` a character-error kind, OCR recall counts the errors of that kind only. */
export function summarizeSim(scores: readonly SimScore[], focus?: NoiseKind): SimSummary {
  const charErrors = scores.flatMap((score) => score.charErrors).filter((error) => !focus || !CHAR_ERROR_KINDS.includes(focus) || error.kind === focus);
  const splits = scores.flatMap((score) => score.splits);
  return {
    ...summarize(scores.map((score) => score.score)),
    ocrRecall: ratio(charErrors.filter((error) => error.found).length, charErrors.length),
    ocrPrecision: ratio(sum(scores, (s) => s.ocrFlagsRight), sum(scores, (s) => s.ocrFlags)),
    calibration: reliability(splits),
    rightAtHighConfidence: fractionRightAtLeast(splits, HIGH_CONFIDENCE),
    splitRecall: ratio(sum(scores, (s) => s.startsFound), sum(scores, (s) => s.startsExpected)),
  };
}

export function byLayout(scores: readonly SimScore[]): Map<Layout, SimScore[]> {
  const groups = new Map<Layout, SimScore[]>();
  for (const score of scores) groups.set(score.page.layout, [...(groups.get(score.page.layout) ?? []), score]);
  return groups;
}

/** Pages grouped by each noise kind they hold (a page counts under every kind it holds). */
export function byNoiseKind(scores: readonly SimScore[]): Map<NoiseKind, SimScore[]> {
  const groups = new Map<NoiseKind, SimScore[]>();
  for (const score of scores) {
    for (const kind of new Set(score.page.noise.map((noise: InjectedNoise) => noise.kind))) groups.set(kind, [...(groups.get(kind) ?? []), score]);
  }
  return groups;
}

import { distance } from 'fastest-levenshtein';
import { matchesRule, type PageAnalysis } from '../../src-shared/model/analysis';
import { analyzePage } from '../../src-shared/pipeline';
import { toPageResult, type PageResult } from '../../src-shared/pipeline/result';
import { CHAR_ERROR_KINDS, type InjectedNoise, type Layout, type NoiseKind, type SimPage } from '../sim';
import { fractionRightAtLeast, reliability, type Prediction, type Reliability } from './calibration';
import { flat, scorePage, similarity, summarize, type PageScore, type Summary } from './evaluate';

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
  /** OCR suspects (`ocr.*` flags and applied fixes), and how many overlap an injected character error. */
  ocrFlags: number;
  ocrFlagsRight: number;
  /** Each look-alike suspect's confidence and whether it overlaps an injected character error. */
  lookalikePredictions: Prediction[];
  /** One per proposed boundary: its confidence and whether an article starts there. */
  splits: Prediction[];
  /** Article starts a boundary could mark (not the first article, which needs none), and how many one does. */
  startsExpected: number;
  startsFound: number;
  /** Per injected noise that can be judged on its own: did the clean page undo it? */
  repairs: { kind: NoiseKind; repaired: boolean }[];
}

/** A flag on a doubled character at a column break is as right as one on any other doubled character. */
const FLAG_TARGETS: readonly NoiseKind[] = [...CHAR_ERROR_KINDS, 'break.doubled-char'];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * What the OCR lint reports as a character suspect: its open flags and the near-certain fixes it
 * applied (an applied fix is the strongest report, not a miss).
 */
export function ocrSuspects(
  analysis: PageAnalysis,
): { start: number; end: number; confidence: number; rule: string }[] {
  return [...analysis.flags, ...analysis.edits.filter((edit) => edit.kind === 'char-fix')].filter((report) =>
    matchesRule(report.rule, 'ocr'),
  );
}

export function scoreSimPage(page: SimPage): SimScore {
  const analysis = analyzePage(page.raw);
  const result = toPageResult(page.name, page.raw, analysis);
  const flags = ocrSuspects(analysis);
  const targets = page.noise.filter((noise) => FLAG_TARGETS.includes(noise.kind));
  const charErrors = page.noise.filter((noise) => CHAR_ERROR_KINDS.includes(noise.kind));
  const { splits, startsExpected, startsFound } = labelSplits(page, analysis);
  return {
    page,
    score: scorePage(page.name, page.gold, result),
    charErrors: charErrors.map((noise) => ({ kind: noise.kind, found: flags.some((flag) => overlaps(flag, noise)) })),
    ocrFlags: flags.length,
    ocrFlagsRight: flags.filter((flag) => targets.some((noise) => overlaps(flag, noise))).length,
    lookalikePredictions: flags
      .filter((flag) => flag.rule === 'ocr.lookalike')
      .map((flag) => ({ p: flag.confidence, y: targets.some((noise) => overlaps(flag, noise)) })),
    splits,
    startsExpected,
    startsFound,
    repairs: judgeRepairs(page, result),
  };
}

/** Noise printing text that is extra on the page: undone when no more clean texts hold the copy than gold texts do. */
const COPY_KINDS: readonly NoiseKind[] = ['repeat.paragraph', 'repeat.garbled', 'repeat.article', 'repeat.promo'];
/** A copy this short (a kicker, a place name) is inside many texts by right. */
const MIN_COPY = 8;

/** Half-width and full-width marks read alike: the pipeline is not asked to normalise them here. */
const loose = (text: string | null) =>
  flat(text).replace(/[，：；？]/g, (mark) => String.fromCharCode(mark.charCodeAt(0) - 0xfee0));

/**
 * Local verdicts, one per injected noise that has one. A noise that damages a gold block (a break,
 * an intruder in it, a displaced or cut-off paragraph, a headline read inside it) is undone when
 * the clean article matched to the gold one holds that block, exactly but for the character errors
 * injected in it (the lint proposes those, it does not apply them); a printed copy is undone
 * when no more clean texts hold it than gold texts do. Character errors are judged by OCR recall.
 */
function judgeRepairs(page: SimPage, result: PageResult): SimScore['repairs'] {
  const texts = (article: { title: string; kicker: string | null; captions: string[]; blocks: { text: string }[] }) =>
    [article.title, article.kicker, ...article.captions, ...article.blocks.map((block) => block.text)].map(loose);
  const cleanTexts = result.articles.flatMap(texts);
  const goldTexts = page.gold.articles.flatMap(texts);
  const holding = (all: string[], copy: string) => all.filter((text) => text.includes(copy)).length;
  const matched = page.gold.articles.map((gold) => {
    const best = result.articles
      .map((article) => ({ article, s: similarity(gold.title, article.title) }))
      .sort((a, b) => b.s - a.s)[0];
    return best && best.s >= 0.8 ? best.article.blocks.map((block) => loose(block.text)) : [];
  });
  // Character errors are proposals the clean text still holds: a block may differ from gold by them.
  const charEdits = new Map<string, number>();
  for (const noise of page.noise) {
    if (!CHAR_ERROR_KINDS.includes(noise.kind) || noise.block === undefined) continue;
    const key = `${noise.article}:${noise.block}`;
    charEdits.set(key, (charEdits.get(key) ?? 0) + Math.max(1, flat(page.raw.slice(noise.start, noise.end)).length));
  }
  return page.noise.flatMap((noise) => {
    if (COPY_KINDS.includes(noise.kind)) {
      const copy = loose(page.raw.slice(noise.start, noise.end)).replace(/^[#-]+/, '');
      return copy.length < MIN_COPY
        ? []
        : [{ kind: noise.kind, repaired: holding(cleanTexts, copy) <= holding(goldTexts, copy) }];
    }
    if (noise.article === undefined || noise.block === undefined || CHAR_ERROR_KINDS.includes(noise.kind)) return [];
    const gold = loose(page.gold.articles[noise.article].blocks[noise.block].text);
    const allowed = charEdits.get(`${noise.article}:${noise.block}`) ?? 0;
    return [{ kind: noise.kind, repaired: matched[noise.article].some((text) => distance(text, gold) <= allowed) }];
  });
}

/**
 * A boundary is right when its chunk starts exactly where an article's first printed line does.
 * The first article of the page needs no boundary; it is left out of the starts to find.
 */
function labelSplits(
  page: SimPage,
  analysis: PageAnalysis,
): Pick<SimScore, 'splits' | 'startsExpected' | 'startsFound'> {
  const chunkStart = new Map(analysis.chunks.map((chunk) => [chunk.id, chunk.start]));
  const starts = new Set(page.articleStarts);
  const proposed = analysis.boundaries.map((boundary) => ({
    p: boundary.confidence,
    at: chunkStart.get(boundary.chunk) ?? -1,
  }));
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
  /** With a focus kind: the share of its noises the clean page undid (NaN when it has no local verdict). */
  repaired: number;
}

export const HIGH_CONFIDENCE = 0.95;

const ratio = (part: number, whole: number) => (whole ? part / whole : NaN);
const sum = (scores: readonly SimScore[], pick: (score: SimScore) => number) =>
  scores.reduce((total, score) => total + pick(score), 0);

/** With `focus` a character-error kind, OCR recall counts the errors of that kind only. */
export function summarizeSim(scores: readonly SimScore[], focus?: NoiseKind): SimSummary {
  const charErrors = scores
    .flatMap((score) => score.charErrors)
    .filter((error) => !focus || !CHAR_ERROR_KINDS.includes(focus) || error.kind === focus);
  const splits = scores.flatMap((score) => score.splits);
  const repairs = scores.flatMap((score) => score.repairs).filter((repair) => repair.kind === focus);
  return {
    ...summarize(scores.map((score) => score.score)),
    ocrRecall: ratio(charErrors.filter((error) => error.found).length, charErrors.length),
    ocrPrecision: ratio(
      sum(scores, (s) => s.ocrFlagsRight),
      sum(scores, (s) => s.ocrFlags),
    ),
    calibration: reliability(splits),
    rightAtHighConfidence: fractionRightAtLeast(splits, HIGH_CONFIDENCE),
    splitRecall: ratio(
      sum(scores, (s) => s.startsFound),
      sum(scores, (s) => s.startsExpected),
    ),
    repaired: ratio(repairs.filter((repair) => repair.repaired).length, repairs.length),
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
    for (const kind of new Set(score.page.noise.map((noise: InjectedNoise) => noise.kind)))
      groups.set(kind, [...(groups.get(kind) ?? []), score]);
  }
  return groups;
}

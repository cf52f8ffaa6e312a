/**
 * Fits the scored decisions (src-shared/pipeline/decide) on labelled decisions from simulated
 * pages and writes their weights (`decide/weights/<decision>.json`, a small reviewed diff).
 * Run: `npm run fit` (add `--dry` to report without writing). `--hold` keeps each decision's
 * committed weights, bias and calibration for the features they were fitted on and fits only the
 * features added since, on top of them: a feature that is 0 on a page leaves that page's
 * probabilities exactly as they were (a refit of everything moves every page's).
 *
 * The seeds are frozen: pages of FIT_SEEDS fit the weights, CALIBRATION_SEEDS fit the Platt
 * scaling, and FROZEN_SEEDS (never fitted on) give the reliability tables the goals are judged on.
 * Deterministic: the same simulator and pipeline give the same weights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGES } from '../src-shared/pipeline';
import { classify } from '../src-shared/pipeline/classify';
import { BOUNDARY_FEATURES, type BoundaryContext } from '../src-shared/pipeline/decide/boundary';
import { CUTOFFS } from '../src-shared/pipeline/decide/cutoffs';
import { fitLogistic } from '../src-shared/pipeline/decide/logistic';
import {
  decideVector,
  featureVector,
  logOdds,
  probability,
  type Decision,
  type Feature,
  type Judge,
  type Model,
  type WeightFile,
} from '../src-shared/pipeline/decide/model';
import { TITLE_FEATURES, type TitleContext } from '../src-shared/pipeline/decide/title';
import { CAPTION_FEATURES, type CaptionContext } from '../src-shared/pipeline/decide/caption';
import { REPEAT_FEATURES, type RepeatContext } from '../src-shared/pipeline/decide/repeat';
import { dedupe } from '../src-shared/pipeline/dedupe';
import { join as joinStage } from '../src-shared/pipeline/join';
import { CONTINUATION_FEATURES, type ContinuationContext } from '../src-shared/pipeline/decide/continuation';
import type { PageView, Piece } from '../src-shared/pipeline/draft';
import { segment } from '../src-shared/pipeline/segment';
import { fractionRightAtLeast, reliability } from '../test/eval/calibration';
import { LAYOUTS, simulatePages, type InjectedNoise, type Layout } from '../test/sim';

const FIT_SEEDS = { seed: 1000, count: 450 };
const CALIBRATION_SEEDS = { seed: 5000, count: 150 };
const FROZEN_SEEDS = { seed: 9000, count: 300 };
const L2 = 1;
/** A block starting this close to where a gold article's first line starts opens that article. */
const NEAR_START = 4;
/** The goals: calibration error at most MAX_ECE, and splits at or above SURE_SPLIT right this often. */
const MAX_ECE = 0.05;
const SURE_SPLIT = 0.95;
const SURE_SPLIT_PRECISION = 0.995;
const WEIGHTS_DIR = join(import.meta.dirname, '../src-shared/pipeline/decide/weights');

interface LabelledPage {
  name: string;
  layout: string;
  raw: string;
  articleStarts: readonly number[];
  /** Gold titles, in the form `sameText` compares. */
  titles: readonly string[];
  /** Gold captions, in the same form. */
  captions: readonly string[];
  /** Where the simulator printed text a second time. */
  copies: readonly InjectedNoise[];
  /** Where a column break cut a paragraph: from the end of its first half to the start of its rest. */
  breaks: readonly InjectedNoise[];
}

interface Example {
  x: number[];
  y: number;
  layout: string;
}

type Slice = 'fit' | 'calibration' | 'frozen';

function pages(range: { seed: number; count: number }, layouts: readonly Layout[]): LabelledPage[] {
  return simulatePages({ ...range, layouts }).map((page) => ({
    name: page.name,
    layout: page.layout,
    raw: page.raw,
    articleStarts: page.articleStarts,
    titles: page.gold.articles.map((article) => comparable(article.title)),
    captions: page.gold.articles.flatMap((article) => article.captions.map(comparable)),
    copies: page.noise.filter((noise) => COPY_NOISE.includes(noise.kind)),
    breaks: page.noise.filter((noise) => noise.kind.startsWith('break.')),
  }));
}

/** Text as printed, whatever the spacing and the width of its punctuation. */
const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
/** A line this long that begins or ends a gold title is that headline set on two lines. */
const TITLE_PART = 4;

/**
 * A line is a headline when it prints a gold title, or one line of a title set on two; a copy
 * of a headline printed again is still one (dedupe, later, removes the copy). Not a label by
 * position: the question is what the line is, not whether this copy opens the article.
 */
const printsGoldTitle = (page: LabelledPage, piece: Piece) => {
  const text = comparable(piece.text);
  return page.titles.some(
    (title) => title === text || (text.length >= TITLE_PART && (title.startsWith(text) || title.endsWith(text))),
  );
};

/** Noise that prints text a second time: what the repeat decision should remove. */
const COPY_NOISE: readonly string[] = ['repeat.paragraph', 'repeat.garbled', 'repeat.article', 'repeat.promo'];

/** The candidate's words lie inside text the simulator printed a second time (one copy, or copies printed one after another). */
function printsCopy(page: LabelledPage, piece: Piece): boolean {
  let reached = piece.content.start + NEAR_START;
  for (const noise of [...page.copies].sort((a, b) => a.start - b.start)) {
    if (noise.start > reached + NEAR_START) break;
    reached = Math.max(reached, noise.end);
  }
  return reached + NEAR_START >= piece.content.end;
}

/**
 * The repeat label: removing the candidate leaves the text as printed once. For an exact copy
 * that holds when either of the two is the extra one (which of two identical blocks goes only
 * moves the text); a partial copy must itself be the extra one.
 */
const isExtraCopy = (page: LabelledPage, c: RepeatContext) =>
  printsCopy(page, c.pieces[c.at]) || (c.evidence === 'exact' && printsCopy(page, c.pieces[c.original]));

/** The boundary label: a candidate opens an article when it starts where a gold article's first line does. */
const opensGoldArticle = (page: LabelledPage, piece: Piece) =>
  page.articleStarts.some(
    (start) => Math.abs(start - piece.start) <= NEAR_START || Math.abs(start - piece.content.start) <= NEAR_START,
  );

/**
 * The continuation label: a break cut the paragraph `head` ends, and its rest starts at `tail`
 * (where the simulator logged the cut from the end of one half to the start of the other).
 */
const continuesAt = (page: LabelledPage, head: Piece, tail: Piece) =>
  page.breaks.some(
    (noise) =>
      Math.abs(noise.start - head.content.end) <= NEAR_START && Math.abs(noise.end - tail.content.start) <= NEAR_START,
  );

/** The pair label: the second of two title lines prints a gold caption (or the first line of one). */
const printsGoldCaption = (page: LabelledPage, piece: Piece) => {
  const text = comparable(piece.text);
  return page.captions.some((caption) => caption === text || (text.length >= TITLE_PART && caption.startsWith(text)));
};

interface Judges {
  title: Judge<TitleContext>;
  pair: Judge<CaptionContext>;
  repeat: Judge<RepeatContext>;
  continuation: Judge<ContinuationContext>;
  boundary: Judge<BoundaryContext>;
}

/** The pipeline with its scored questions answered by the given judges. */
function run(raw: string, judges: Judges): PageView {
  const start: PageView = { raw, pieces: [], edits: [], flags: [], boundaries: [] };
  return STAGES.reduce((view, stage) => {
    if (stage === classify) return classify(view, judges.title, judges.pair);
    if (stage === dedupe) return dedupe(view, judges.repeat);
    if (stage === joinStage) return joinStage(view, judges.continuation);
    if (stage === segment) return segment(view, judges.boundary);
    return stage(view);
  }, start);
}

const answer = (yes: boolean): Decision => ({ p: yes ? 1 : 0, verdict: yes ? 'apply' : 'reject', reasons: [] });

/**
 * Every question answered by the page's gold (a split wherever one is put forward), so that the
 * decision being fitted sees what the pipeline would make of the page with the others right.
 */
function goldAnswers(page: LabelledPage): Judges {
  return {
    title: (c) => answer(printsGoldTitle(page, c.pieces[c.at])),
    pair: (c) => answer(printsGoldCaption(page, c.pieces[c.second])),
    repeat: (c) => answer(isExtraCopy(page, c)),
    continuation: (c) => answer(continuesAt(page, c.head, c.beyond)),
    boundary: () => answer(true),
  };
}

/** Title examples, each decided by its label so that later lines see the roles they would in print. */
function titleExamples(page: LabelledPage): Example[] {
  const found: Example[] = [];
  const label: Judge<TitleContext> = (c) => {
    const y = printsGoldTitle(page, c.pieces[c.at]);
    found.push({ x: featureVector(TITLE_FEATURES, c), y: y ? 1 : 0, layout: page.layout });
    return answer(y);
  };
  run(page.raw, { ...goldAnswers(page), title: label });
  return found;
}

/** Caption examples: every pair of title lines classify weighs, with the fitted title decision. */
function captionExamples(page: LabelledPage, title: Judge<TitleContext>): Example[] {
  const found: Example[] = [];
  const label: Judge<CaptionContext> = (c) => {
    const y = printsGoldCaption(page, c.pieces[c.second]);
    found.push({ x: featureVector(CAPTION_FEATURES, c), y: y ? 1 : 0, layout: page.layout });
    return answer(y);
  };
  run(page.raw, { ...goldAnswers(page), title, pair: label });
  return found;
}

/** Repeat examples: every candidate copy dedupe puts forward, decided by its label, with the fitted title decisions. */
function repeatExamples(page: LabelledPage, title: Judge<TitleContext>, pair: Judge<CaptionContext>): Example[] {
  const found: Example[] = [];
  const label: Judge<RepeatContext> = (c) => {
    const y = isExtraCopy(page, c);
    found.push({ x: featureVector(REPEAT_FEATURES, c), y: y ? 1 : 0, layout: page.layout });
    return answer(y);
  };
  run(page.raw, { ...goldAnswers(page), title, pair, repeat: label });
  return found;
}

/** Continuation examples: every paragraph join weighs against the block after next, with the fitted decisions before it. */
function continuationExamples(
  page: LabelledPage,
  title: Judge<TitleContext>,
  pair: Judge<CaptionContext>,
  repeat: Judge<RepeatContext>,
): Example[] {
  const found: Example[] = [];
  const label: Judge<ContinuationContext> = (c) => {
    const y = continuesAt(page, c.head, c.beyond);
    found.push({ x: featureVector(CONTINUATION_FEATURES, c), y: y ? 1 : 0, layout: page.layout });
    return answer(y);
  };
  run(page.raw, { ...goldAnswers(page), title, pair, repeat, continuation: label });
  return found;
}

/** Boundary examples: every candidate the pipeline, with the fitted title decision, puts forward. */
function boundaryExamples(
  page: LabelledPage,
  title: Judge<TitleContext>,
  pair: Judge<CaptionContext>,
  repeat: Judge<RepeatContext>,
  continuation: Judge<ContinuationContext>,
): Example[] {
  const found: Example[] = [];
  const label: Judge<BoundaryContext> = (c) => {
    found.push({
      x: featureVector(BOUNDARY_FEATURES, c),
      y: opensGoldArticle(page, c.pieces[c.at]) ? 1 : 0,
      layout: page.layout,
    });
    return answer(true);
  };
  run(page.raw, { title, pair, repeat, continuation, boundary: label });
  return found;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

function fitWhole<C>(
  decision: string,
  features: readonly Feature<C>[],
  fit: Example[],
  calibration: Example[],
  source: string,
): WeightFile {
  const raw = fitLogistic(
    fit.map((e) => e.x),
    fit.map((e) => e.y),
    { l2: L2 },
  );
  if (raw.steps >= 100) console.warn(`${decision}: Newton did not converge`);
  const weights = raw.weights.map(round);
  const bias = round(raw.bias);
  // Platt scaling on a slice the weights did not see: the L2 penalty shrinks log-odds towards 0.
  const platt = fitLogistic(
    calibration.map((e) => [logOdds({ weights, bias }, e.x)]),
    calibration.map((e) => e.y),
    { l2: 1e-3 },
  );
  return {
    decision,
    features: features.map((f) => f.id),
    weights,
    bias,
    calibration: { scale: round(platt.weights[0]), shift: round(platt.bias) },
    fit: { l2: L2, examples: fit.length, positives: fit.filter((e) => e.y).length, source },
  };
}

/**
 * The committed model of `decision`, held, with the features it was not fitted on fitted on top of
 * it (on the fit and calibration slices together, the held model's calibrated log-odds as each
 * example's offset). Their weights are divided by the calibration's scale, so that the file's form
 * (`σ(scale·(w·x + b) + shift)`) stays the same.
 */
function holdDecision<C>(decision: string, features: readonly Feature<C>[], examples: Example[]): WeightFile {
  const held = JSON.parse(readFileSync(join(WEIGHTS_DIR, `${decision}.json`), 'utf8')) as WeightFile;
  const ids = features.map((feature) => feature.id);
  const gone = held.features.filter((id) => !ids.includes(id));
  if (gone.length) throw new Error(`--hold: ${decision} no longer computes ${gone.join(', ')}; refit it whole`);
  const added = ids.flatMap((id, i) => (held.features.includes(id) ? [] : [i]));
  if (!added.length) return held;
  const scale = held.calibration?.scale ?? 1;
  const heldOdds = (x: readonly number[]) => {
    const z = held.features.reduce((sum, id, j) => sum + held.weights[j] * x[ids.indexOf(id)], held.bias);
    return scale * z + (held.calibration?.shift ?? 0);
  };
  const extra = fitLogistic(
    examples.map((e) => added.map((i) => e.x[i])),
    examples.map((e) => e.y),
    { l2: L2, offsets: examples.map((e) => heldOdds(e.x)) },
  );
  const weights = ids.map((id, i) =>
    added.includes(i) ? round(extra.weights[added.indexOf(i)] / scale) : held.weights[held.features.indexOf(id)],
  );
  return {
    ...held,
    features: ids,
    weights,
    fit: {
      ...held.fit,
      source: `${held.fit.source}; ${added.map((i) => ids[i]).join(', ')} fitted with the rest held, on the same seeds`,
    },
  };
}

function judgeOf<C>(
  features: readonly Feature<C>[],
  file: WeightFile,
  cutoffs: { apply: number; propose: number },
): Judge<C> {
  const model: Model<C> = { decision: file.decision, features, file };
  return (c) => decideVector(model, featureVector(features, c), cutoffs);
}

/**
 * Brier score, expected calibration error and the reliability table of each slice, over the
 * layouts fitted on and over each layout; the goals are judged on the frozen slice's fitted layouts.
 */
function report(
  decision: string,
  file: WeightFile,
  slices: Record<Slice, Example[]>,
  fitted: readonly Layout[],
): boolean {
  let met = true;
  console.log(`\n== ${decision}: ${file.fit.examples} fitted examples (${file.fit.positives} positive)`);
  const groups = [
    { name: `fitted layouts (${fitted.join(', ')})`, layouts: fitted },
    ...LAYOUTS.map((layout) => ({ name: layout, layouts: [layout] })),
  ];
  for (const slice of ['fit', 'frozen'] as const) {
    for (const [g, group] of groups.entries()) {
      const examples = slices[slice].filter((e) => group.layouts.includes(e.layout as Layout));
      if (!examples.length) continue;
      const pairs = examples.map((e) => ({ p: probability(file, e.x), y: e.y === 1 }));
      const table = reliability(pairs);
      const sure = pairs.filter((pair) => pair.p >= SURE_SPLIT).length;
      const precision = fractionRightAtLeast(pairs, SURE_SPLIT);
      console.log(
        `-- ${slice} slice, ${group.name}: n=${pairs.length} brier=${table.brier.toFixed(4)} ece=${table.ece.toFixed(4)} at≥${SURE_SPLIT}: ${sure} of which ${(precision * 100).toFixed(2)}% right`,
      );
      for (const bin of table.bins) {
        if (bin.count)
          console.log(
            `   [${bin.lo.toFixed(1)}, ${bin.hi.toFixed(1)})  n=${String(bin.count).padStart(5)}  mean p=${bin.meanConfidence.toFixed(3)}  right=${bin.fractionRight.toFixed(3)}`,
          );
      }
      if (slice === 'frozen' && g === 0)
        met &&= table.ece <= MAX_ECE && (decision !== 'boundary' || !(precision < SURE_SPLIT_PRECISION));
    }
  }
  return met;
}

/** The layouts to fit on: `--layouts a,b`, by default all three (reflow rebuilds the wrapped layouts' blocks). */
function layoutsAsked(): readonly Layout[] {
  const at = process.argv.indexOf('--layouts');
  if (at < 0) return LAYOUTS;
  const asked = process.argv[at + 1]?.split(',') ?? [];
  const unknown = asked.filter((layout) => !LAYOUTS.includes(layout as Layout));
  if (unknown.length || !asked.length)
    throw new Error(`--layouts takes some of ${LAYOUTS.join(', ')}; got "${process.argv[at + 1] ?? ''}"`);
  return asked as Layout[];
}

function main(): void {
  const dry = process.argv.includes('--dry');
  const hold = process.argv.includes('--hold');
  const fitDecision = <C>(
    decision: string,
    features: readonly Feature<C>[],
    fit: Example[],
    calibration: Example[],
    source: string,
  ): WeightFile =>
    hold
      ? holdDecision(decision, features, [...fit, ...calibration])
      : fitWhole(decision, features, fit, calibration, source);
  const layouts = layoutsAsked();
  // Fitted on the layouts asked for, reported on all three.
  const slices = {
    fit: pages(FIT_SEEDS, layouts),
    calibration: pages(CALIBRATION_SEEDS, layouts),
    frozen: pages(FROZEN_SEEDS, LAYOUTS),
  };
  const source = `simulated ${layouts.join(', ')}: seeds ${FIT_SEEDS.seed}+${FIT_SEEDS.count}, calibration ${CALIBRATION_SEEDS.seed}+${CALIBRATION_SEEDS.count}`;
  const of = <T>(make: (page: LabelledPage) => T[]) => ({
    fit: slices.fit.flatMap(make),
    calibration: slices.calibration.flatMap(make),
    frozen: slices.frozen.flatMap(make),
  });

  const titleSlices = of(titleExamples);
  const title = fitDecision('title', TITLE_FEATURES, titleSlices.fit, titleSlices.calibration, source);
  const titleJudge = judgeOf(TITLE_FEATURES, title, CUTOFFS.title);
  const captionSlices = of((page) => captionExamples(page, titleJudge));
  const caption = fitDecision('caption', CAPTION_FEATURES, captionSlices.fit, captionSlices.calibration, source);
  const captionJudge = judgeOf(CAPTION_FEATURES, caption, CUTOFFS.caption);
  const repeatSlices = of((page) => repeatExamples(page, titleJudge, captionJudge));
  const repeat = fitDecision('repeat', REPEAT_FEATURES, repeatSlices.fit, repeatSlices.calibration, source);
  const repeatJudge = judgeOf(REPEAT_FEATURES, repeat, CUTOFFS.repeat);
  const continuationSlices = of((page) => continuationExamples(page, titleJudge, captionJudge, repeatJudge));
  const continuation = fitDecision(
    'continuation',
    CONTINUATION_FEATURES,
    continuationSlices.fit,
    continuationSlices.calibration,
    source,
  );
  const continuationJudge = judgeOf(CONTINUATION_FEATURES, continuation, CUTOFFS.continuation);
  const boundarySlices = of((page) => boundaryExamples(page, titleJudge, captionJudge, repeatJudge, continuationJudge));
  const boundary = fitDecision('boundary', BOUNDARY_FEATURES, boundarySlices.fit, boundarySlices.calibration, source);

  const met = [
    report('title', title, titleSlices, layouts),
    report('caption', caption, captionSlices, layouts),
    report('repeat', repeat, repeatSlices, layouts),
    report('continuation', continuation, continuationSlices, layouts),
    report('boundary', boundary, boundarySlices, layouts),
  ].every(Boolean);
  console.log(
    `\ngoals (frozen slice: ECE ≤ ${MAX_ECE}; splits at ≥ ${SURE_SPLIT} right ≥ ${SURE_SPLIT_PRECISION * 100} %): ${met ? 'met' : 'NOT met'}`,
  );
  if (dry) return;
  for (const file of [title, caption, repeat, continuation, boundary])
    writeFileSync(join(WEIGHTS_DIR, `${file.decision}.json`), `${JSON.stringify(file, null, 2)}\n`);
}

main();

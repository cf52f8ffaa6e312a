import type { Cutoffs } from './cutoffs';
import { sigmoid } from './logistic';

/**
 * A scored decision: named features of one block in context, each a number (most are 0/1),
 * weighed by a fitted logistic model into log-odds and a probability. The weights are data
 * (`weights/*.json`, written by `npm run fit`); the cut-offs that turn the probability into an
 * action live in `cutoffs.ts`.
 */
export interface Feature<Context> {
  /** Kebab-case name, also the key of its translation in the desk (`decide.feature.<id>`). */
  id: string;
  value: (context: Context) => number;
}

/** What `scripts/fit-decisions.ts` writes: one file per decision. */
export interface WeightFile {
  decision: string;
  features: string[];
  weights: number[];
  bias: number;
  /** Platt scaling of the raw log-odds, fitted on a slice apart from the one the weights saw. */
  calibration: { scale: number; shift: number } | null;
  fit: { l2: number; examples: number; positives: number; source: string };
}

export interface Model<Context> {
  decision: string;
  features: readonly Feature<Context>[];
  file: WeightFile;
}

export type Verdict = 'apply' | 'propose' | 'reject';

export interface Decision {
  /** Calibrated probability that the answer is yes. */
  p: number;
  verdict: Verdict;
  /** The strongest features present, `+id` for and `-id` against, strongest first. */
  reasons: string[];
}

/** Features named as the reason: the editor reads a few, not all of them. */
const REASONS_SHOWN = 3;

/** Pairs fitted weights with the features that compute them; refuses a file fitted on another list. */
export function bindModel<Context>(features: readonly Feature<Context>[], file: WeightFile): Model<Context> {
  const ids = features.map((feature) => feature.id);
  if (file.features.length !== ids.length || file.features.some((id, i) => id !== ids[i])) {
    throw new Error(
      `weights for "${file.decision}" were fitted on [${file.features.join(', ')}], the decision computes [${ids.join(', ')}]: run npm run fit`,
    );
  }
  if (file.weights.length !== ids.length)
    throw new Error(`weights for "${file.decision}": ${file.weights.length} weights for ${ids.length} features`);
  return { decision: file.decision, features, file };
}

export function featureVector<Context>(features: readonly Feature<Context>[], context: Context): number[] {
  return features.map((feature) => feature.value(context));
}

/** Raw log-odds `w·x + b`, before calibration. */
export function logOdds(file: Pick<WeightFile, 'weights' | 'bias'>, x: readonly number[]): number {
  return x.reduce((sum, value, i) => sum + file.weights[i] * value, file.bias);
}

export function probability(file: WeightFile, x: readonly number[]): number {
  const z = logOdds(file, x);
  return sigmoid(file.calibration ? file.calibration.scale * z + file.calibration.shift : z);
}

/** Answers one question about a block in context. */
export type Judge<Context> = (context: Context) => Decision;

/**
 * The judge that uses the committed weights. Bound on first use, so that `npm run fit` can still
 * load the pipeline when the feature list changed and the weights are about to be rewritten.
 */
export function fittedJudge<Context>(
  features: readonly Feature<Context>[],
  file: WeightFile,
  cutoffs: Cutoffs,
): Judge<Context> {
  let model: Model<Context> | null = null;
  return (context) => {
    model ??= bindModel(features, file);
    return decideVector(model, featureVector(features, context), cutoffs);
  };
}

export function decideVector<Context>(model: Model<Context>, x: readonly number[], cutoffs: Cutoffs): Decision {
  // Rounded once, so that the verdict agrees with the confidence the editor reads.
  const p = Math.round(probability(model.file, x) * 1000) / 1000;
  const verdict: Verdict = p >= cutoffs.apply ? 'apply' : p >= cutoffs.propose ? 'propose' : 'reject';
  return { p, verdict, reasons: strongest(model, x) };
}

function strongest<Context>(model: Model<Context>, x: readonly number[]): string[] {
  return model.features
    .map((feature, i) => ({ id: feature.id, push: model.file.weights[i] * x[i] }))
    .filter((entry) => entry.push !== 0)
    .sort((a, b) => Math.abs(b.push) - Math.abs(a.push) || a.id.localeCompare(b.id))
    .slice(0, REASONS_SHOWN)
    .map((entry) => `${entry.push > 0 ? '+' : '-'}${entry.id}`);
}

import { describe, expect, it } from 'vitest';
import {
  bindModel,
  decideVector,
  probability,
  type Feature,
  type WeightFile,
} from '../../src-shared/pipeline/decide/model';

const FEATURES: Feature<number>[] = [
  { id: 'big', value: (n) => (n > 10 ? 1 : 0) },
  { id: 'odd', value: (n) => n % 2 },
  { id: 'zero', value: (n) => (n === 0 ? 1 : 0) },
];

const file = (overrides: Partial<WeightFile> = {}): WeightFile => ({
  decision: 'toy',
  features: ['big', 'odd', 'zero'],
  weights: [2, -0.5, 1],
  bias: -1,
  calibration: null,
  fit: { l2: 1, examples: 0, positives: 0, source: 'test' },
  ...overrides,
});

const CUTOFFS = { apply: 0.7, propose: 0.4 };

describe('scored decisions', () => {
  it('should turn features into log-odds and a probability', () => {
    expect(probability(file(), [1, 1, 0])).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12);
    expect(probability(file({ calibration: { scale: 2, shift: 1 } }), [1, 1, 0])).toBeCloseTo(
      1 / (1 + Math.exp(-2)),
      12,
    );
  });

  it('should apply above one cut-off, propose above the other and reject below', () => {
    const model = bindModel(FEATURES, file());
    expect(decideVector(model, [1, 0, 0], CUTOFFS).verdict).toBe('apply'); // p = σ(1) = 0.73
    expect(decideVector(model, [0, 0, 1], CUTOFFS).verdict).toBe('propose'); // p = σ(0) = 0.5
    expect(decideVector(model, [0, 1, 0], CUTOFFS).verdict).toBe('reject'); // p = σ(-1.5)
  });

  it('should name the strongest features present as the reason, for and against', () => {
    const model = bindModel(FEATURES, file());
    expect(decideVector(model, [1, 1, 0], CUTOFFS).reasons).toEqual(['+big', '-odd']);
    expect(decideVector(model, [0, 0, 0], CUTOFFS).reasons).toEqual([]);
  });

  it('should refuse weights fitted on another feature list', () => {
    expect(() => bindModel(FEATURES, file({ features: ['big', 'zero', 'odd'] }))).toThrow(/npm run fit/);
    expect(() => bindModel(FEATURES, file({ features: ['big', 'odd'] }))).toThrow(/npm run fit/);
    expect(() => bindModel(FEATURES, file({ weights: [1, 2] }))).toThrow(/2 weights for 3 features/);
  });
});

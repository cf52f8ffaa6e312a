import { describe, expect, it } from 'vitest';
import { fitLogistic, logit, sigmoid } from '../../src-shared/pipeline/decide/logistic';

/** x = 0: 1 of 4 positive; x = 1: 3 of 4. Unpenalised, the fit reproduces both rates exactly. */
const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
const Y = [1, 0, 0, 0, 1, 1, 1, 0];

describe('logistic regression', () => {
  it('should find the maximum-likelihood fit of a known table', () => {
    const fit = fitLogistic(X, Y, { l2: 0 });
    expect(fit.bias).toBeCloseTo(logit(0.25), 8);
    expect(fit.weights[0]).toBeCloseTo(logit(0.75) - logit(0.25), 8);
    expect(fit.steps).toBeLessThan(100);
  });

  it('should satisfy the penalised first-order condition Σ(p−y)x + λw = 0', () => {
    const x = [
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 1],
      [0, 1],
      [1, 0],
      [0, 0],
    ];
    const y = [1, 1, 0, 0, 1, 1, 0, 1];
    const l2 = 2;
    const fit = fitLogistic(x, y, { l2 });
    const p = x.map((row) => sigmoid(row[0] * fit.weights[0] + row[1] * fit.weights[1] + fit.bias));
    for (const j of [0, 1]) {
      const gradient = x.reduce((sum, row, i) => sum + (p[i] - y[i]) * row[j], 0) + l2 * fit.weights[j];
      expect(Math.abs(gradient)).toBeLessThan(1e-8);
    }
    // The bias is not penalised: the predictions add up to the positives.
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(
      y.reduce((a, b) => a + b, 0),
      8,
    );
  });

  it('should shrink weights towards zero as the penalty grows', () => {
    const loose = fitLogistic(X, Y, { l2: 0.1 }).weights[0];
    const tight = fitLogistic(X, Y, { l2: 10 }).weights[0];
    expect(tight).toBeGreaterThan(0);
    expect(tight).toBeLessThan(loose);
  });

  it('should stay finite on separable data when penalised', () => {
    const fit = fitLogistic([[0], [0], [1], [1]], [0, 0, 1, 1], { l2: 1 });
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(sigmoid(fit.weights[0] + fit.bias)).toBeGreaterThan(0.5);
  });

  it('should give the same fit every run', () => {
    expect(fitLogistic(X, Y, { l2: 1 })).toEqual(fitLogistic(X, Y, { l2: 1 }));
  });

  it('should refuse rows and labels that do not pair up', () => {
    expect(() => fitLogistic([[0], [1]], [1], { l2: 1 })).toThrow(RangeError);
    expect(() => fitLogistic([[0], [1, 2]], [1, 0], { l2: 1 })).toThrow(RangeError);
  });

  it('should fit only on top of a held model given its log-odds as offsets, with no bias of its own', () => {
    // The held model already says 1 of 4 at x = 0; the new feature x must add only what is left.
    const offsets = X.map(() => logit(0.25));
    const fit = fitLogistic(X, Y, { l2: 0, offsets });
    expect(fit.bias).toBe(0);
    expect(fit.weights[0]).toBeCloseTo(logit(0.75) - logit(0.25), 8);
  });

  it('should leave a held model as it is where the new feature is 0', () => {
    const fit = fitLogistic(
      X.map(() => [0]),
      Y,
      { l2: 1, offsets: X.map(() => 0.3) },
    );
    expect(fit.weights).toEqual([0]);
    expect(() => fitLogistic(X, Y, { l2: 1, offsets: [0] })).toThrow(RangeError);
  });
});

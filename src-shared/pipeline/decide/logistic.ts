/**
 * L2-regularised logistic regression, fitted by Newton's method with a halving line search:
 * deterministic (no random start, no sampling), exact to the tolerance on the few features a
 * decision has. The bias is not penalised, so a prior of any strength is learnt from the data.
 */

export interface LogisticFit {
  weights: number[];
  bias: number;
  /** Newton steps taken; a fit that hit `MAX_STEPS` did not converge. */
  steps: number;
}

export interface FitOptions {
  /** Strength of the penalty `l2/2·|w|²`. */
  l2: number;
  /**
   * Log-odds each row already has, added to `w·x`: a model fitted before, held, with only the
   * features of `x` fitted on top of it. With offsets there is no bias to fit (it is in them).
   */
  offsets?: readonly number[];
}

const MAX_STEPS = 100;
const TOLERANCE = 1e-10;
/** Keeps the bias row of the Hessian invertible when every example agrees. */
const BIAS_RIDGE = 1e-9;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Fits `P(y=1|x) = σ(w·x + b)` (or `σ(offset + w·x)`) to rows `x` with labels 0/1. */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  { l2, offsets }: FitOptions,
): LogisticFit {
  if (x.length !== y.length) throw new RangeError(`fitLogistic: ${x.length} rows but ${y.length} labels`);
  if (offsets && offsets.length !== y.length)
    throw new RangeError(`fitLogistic: ${offsets.length} offsets for ${y.length} rows`);
  const width = x[0]?.length ?? 0;
  // The bias is the last coordinate of θ, fed by a constant 1 appended to every row.
  const rows = x.map((row) => {
    if (row.length !== width) throw new RangeError(`fitLogistic: a row has ${row.length} features, expected ${width}`);
    return offsets ? [...row] : [...row, 1];
  });
  const offset = (i: number) => offsets?.[i] ?? 0;
  const penalty = (j: number) => (j === width ? BIAS_RIDGE : l2);
  const objective = (theta: readonly number[]) => {
    let loss = 0;
    rows.forEach((row, i) => {
      const z = dot(theta, row) + offset(i);
      // log(1 + e^z) - y·z, written so that a large |z| does not overflow.
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
    });
    return loss + theta.reduce((sum, t, j) => sum + (penalty(j) * t * t) / 2, 0);
  };
  let theta = new Array<number>(offsets ? width : width + 1).fill(0);
  let steps = 0;
  for (; steps < MAX_STEPS; steps++) {
    const gradient = theta.map((t, j) => penalty(j) * t);
    const hessian = theta.map((_, j) => theta.map((__, k) => (j === k ? penalty(j) : 0)));
    rows.forEach((row, i) => {
      const p = sigmoid(dot(theta, row) + offset(i));
      const curvature = p * (1 - p);
      for (let j = 0; j < row.length; j++) {
        gradient[j] += (p - y[i]) * row[j];
        for (let k = 0; k < row.length; k++) hessian[j][k] += curvature * row[j] * row[k];
      }
    });
    const direction = solve(hessian, gradient);
    const before = objective(theta);
    let scale = 1;
    let next = theta.map((t, j) => t - direction[j]);
    while (objective(next) > before && scale > 1e-6) {
      scale /= 2;
      next = theta.map((t, j) => t - scale * direction[j]);
    }
    const moved = Math.max(...next.map((t, j) => Math.abs(t - theta[j])));
    theta = next;
    if (moved < TOLERANCE) break;
  }
  return { weights: theta.slice(0, width), bias: offsets ? 0 : theta[width], steps };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Gaussian elimination with partial pivoting: `a·x = b` for the small symmetric systems above. */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const lead = m[col][col];
    if (lead === 0) throw new RangeError(`solve: singular system at column ${col}`);
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col] / lead;
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  const result = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let c = r + 1; c < n; c++) sum -= m[r][c] * result[c];
    result[r] = sum / m[r][r];
  }
  return result;
}

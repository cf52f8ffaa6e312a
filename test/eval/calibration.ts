/**
 * How well stated confidences match outcomes: for split proposals, a confidence of 0.9 should be
 * right nine times in ten. Pure maths over (confidence, outcome) pairs, shared by the evaluation
 * and by whoever fits the pipeline's confidences.
 */
export interface Prediction {
  /** Stated confidence, 0..1. */
  p: number;
  /** Whether the prediction was right. */
  y: boolean;
}

export interface ReliabilityBin {
  /** The bin is [lo, hi); the last one includes 1. */
  lo: number;
  hi: number;
  count: number;
  /** NaN when the bin is empty. */
  meanConfidence: number;
  fractionRight: number;
}

export interface Reliability {
  count: number;
  /** Mean squared error of confidence against outcome (0 is perfect; NaN without predictions). */
  brier: number;
  /** Expected calibration error: the count-weighted mean |fraction right − mean confidence| over the bins. */
  ece: number;
  bins: ReliabilityBin[];
}

export function reliability(pairs: readonly Prediction[], binCount = 10): Reliability {
  const bins = Array.from({ length: binCount }, (_, i) => ({
    lo: i / binCount,
    hi: (i + 1) / binCount,
    count: 0,
    confidence: 0,
    right: 0,
  }));
  let squared = 0;
  for (const { p, y } of pairs) {
    const bin = bins[Math.min(binCount - 1, Math.max(0, Math.floor(p * binCount)))];
    bin.count++;
    bin.confidence += p;
    if (y) bin.right++;
    squared += (p - (y ? 1 : 0)) ** 2;
  }
  const count = pairs.length;
  const ece = bins.reduce(
    (sum, bin) =>
      bin.count ? sum + (bin.count / count) * Math.abs(bin.right / bin.count - bin.confidence / bin.count) : sum,
    0,
  );
  return {
    count,
    brier: count ? squared / count : NaN,
    ece: count ? ece : NaN,
    bins: bins.map((bin) => ({
      lo: bin.lo,
      hi: bin.hi,
      count: bin.count,
      meanConfidence: bin.count ? bin.confidence / bin.count : NaN,
      fractionRight: bin.count ? bin.right / bin.count : NaN,
    })),
  };
}

/** Fraction right among the predictions made with confidence ≥ `threshold` (NaN when there are none). */
export function fractionRightAtLeast(pairs: readonly Prediction[], threshold: number): number {
  const confident = pairs.filter((pair) => pair.p >= threshold);
  return confident.length ? confident.filter((pair) => pair.y).length / confident.length : NaN;
}

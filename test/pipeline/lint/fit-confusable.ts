import { analyzePage } from '../../../src-shared/pipeline';
import { confusionEvidence, confusionFeatures } from '../../../src-shared/pipeline/lint/confusable';
import { bodyChunks, CharClass, hasClass, withoutLayoutSpaces } from '../../../src-shared/pipeline/lint/findings';
import { simulatePages } from '../../sim';

/**
 * Fits the weights of src-shared/pipeline/lint/confusable.ts: every position where a confused
 * character would make a word, on simulated pages of the tuning seeds (never seed 20000), labelled
 * by whether the simulator misread a character there. Logistic regression by Newton's method.
 * Run: `npx tsx test/pipeline/lint/fit-confusable.ts [first seed] [count]`.
 */
const seed = Number(process.argv[2] ?? 1000);
const count = Number(process.argv[3] ?? 450);

const rows: { x: number[]; y: number }[] = [];
let names: string[] = [];
for (const page of simulatePages({ seed, count })) {
  const misread = new Set(page.noise.filter((noise) => noise.kind === 'char.lookalike').map((noise) => noise.start));
  for (const chunk of bodyChunks(analyzePage(page.raw).chunks)) {
    const { text, span, rawOffset } = withoutLayoutSpaces(page.raw, chunk);
    for (let at = span.start; at < span.end; at++) {
      if (!hasClass(text.charCodeAt(at), CharClass.confusable)) continue;
      const evidence = confusionEvidence(text, at, span);
      if (!evidence) continue;
      const features = confusionFeatures(evidence);
      names = Object.keys(features);
      rows.push({ x: Object.values(features), y: misread.has(rawOffset(at)) ? 1 : 0 });
    }
  }
}

const size = names.length;
let weights = new Array<number>(size).fill(0);
for (let iteration = 0; iteration < 25; iteration++) {
  const gradient = new Array<number>(size).fill(0);
  const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const { x, y } of rows) {
    const p = 1 / (1 + Math.exp(-x.reduce((sum, v, i) => sum + v * weights[i], 0)));
    for (let i = 0; i < size; i++) {
      gradient[i] += (y - p) * x[i];
      for (let j = 0; j < size; j++) hessian[i][j] += p * (1 - p) * x[i] * x[j];
    }
  }
  // A small ridge keeps a feature that never varies from running off.
  for (let i = 0; i < size; i++) hessian[i][i] += 1e-3;
  weights = weights.map((w, i) => w + solve(hessian, gradient)[i]);
}

function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < size; c++) {
    const pivot = m.slice(c).reduce((best, row, k) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? c + k : best), c);
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < size; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= size; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[size] / row[i]);
}

const positives = rows.filter((row) => row.y === 1).length;
console.log(`${rows.length} candidates, ${positives} misread (seeds ${seed}–${seed + count - 1})`);
console.log(`const WEIGHTS = { ${names.map((name, i) => `${name}: ${weights[i].toFixed(3)}`).join(', ')} };`);

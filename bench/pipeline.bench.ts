import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyzePage } from '../src-shared/pipeline';
import { decodePage } from '../src-shared/pipeline/decode';

/**
 * `npx tsx bench/pipeline.bench.ts`: the pipeline's median time per 15 KB page (target ≤ 3 ms),
 * its linearity (a 100× larger input in ≤ 120× the time) and the floor: decoding the same bytes
 * and splitting them into blocks, which no pipeline can beat.
 */
const PAGE_BYTES = 15 * 1024;
const SCALE = 100;
const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url));
const encoder = new TextEncoder();

/** The seeds end to end, cut at the last blank line before 15 KB: one page of real noise. */
function fifteenKilobytePage(): string {
  const all = readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(join(seedsDir, file), 'utf8'))
    .join('\n\n');
  let cut = all.lastIndexOf('\n\n');
  while (encoder.encode(all.slice(0, cut)).length > PAGE_BYTES) cut = all.lastIndexOf('\n\n', cut - 1);
  return `${all.slice(0, cut)}\n`;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `run` in ms, after a warm-up, over at least `minRuns` runs and ~`budgetMs`. */
function measure(run: () => unknown, minRuns: number, budgetMs: number): number {
  for (let i = 0; i < Math.min(minRuns, 20); i++) run();
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (samples.length < minRuns || performance.now() < deadline) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function floor(bytes: Uint8Array): number {
  const { text } = decodePage(bytes, 'bench.txt');
  return text.split(/\r?\n[ \t\u3000]*\r?\n/).length;
}

const page = fifteenKilobytePage();
const large = Array.from({ length: SCALE }, () => page).join('\n');
const pageBytes = encoder.encode(page);
const largeBytes = encoder.encode(large);

const small = measure(() => analyzePage(page), 200, 3000);
const smallFloor = measure(() => floor(pageBytes), 200, 1000);
const big = measure(() => analyzePage(large), 5, 5000);
const bigFloor = measure(() => floor(largeBytes), 5, 2000);

const rows = [
  ['input', 'bytes', 'pipeline median', 'floor (decode + split)'],
  ['one page', String(pageBytes.length), `${small.toFixed(2)} ms`, `${smallFloor.toFixed(3)} ms`],
  [`${SCALE}× the page`, String(largeBytes.length), `${big.toFixed(1)} ms`, `${bigFloor.toFixed(2)} ms`],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log();
console.log(`per 15 KB page: ${small.toFixed(2)} ms (target ≤ 3 ms) ${small <= 3 ? 'OK' : 'OVER'}`);
console.log(`linearity: ${SCALE}× input took ${(big / small).toFixed(1)}× the time (target ≤ 120×) ${big / small <= 120 ? 'OK' : 'OVER'}`);

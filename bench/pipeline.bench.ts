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

interface Timing {
  /** Median wall-clock ms: the target. */
  wall: number;
  /** Median CPU ms of this process: steadier when other work shares the machine. */
  cpu: number;
}

/** Medians of `run` after a warm-up, over at least `minRuns` runs and about `budgetMs`. */
function measure(run: () => unknown, minRuns: number, budgetMs: number): Timing {
  for (let i = 0; i < Math.min(minRuns, 20); i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (wall.length < minRuns || performance.now() < deadline) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
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

const ms = (t: number) => (t < 1 ? t.toFixed(3) : t < 100 ? t.toFixed(2) : t.toFixed(1));
const rows = [
  ['input', 'bytes', 'pipeline wall', 'pipeline cpu', 'floor wall (decode + split)'],
  ['one page', String(pageBytes.length), `${ms(small.wall)} ms`, `${ms(small.cpu)} ms`, `${ms(smallFloor.wall)} ms`],
  [`${SCALE}× the page`, String(largeBytes.length), `${ms(big.wall)} ms`, `${ms(big.cpu)} ms`, `${ms(bigFloor.wall)} ms`],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log();
const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER');
console.log(`per 15 KB page: ${ms(small.wall)} ms wall, ${ms(small.cpu)} ms cpu (target ≤ 3 ms) ${verdict(small.wall <= 3)}`);
console.log(`linearity: ${SCALE}× input took ${(big.wall / small.wall).toFixed(1)}× the wall time, ${(big.cpu / small.cpu).toFixed(1)}× the cpu time (target ≤ 120×) ${verdict(big.wall / small.wall <= 120)}`);

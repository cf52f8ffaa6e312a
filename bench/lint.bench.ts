/**
 * Speed of the lint stage: `npx tsx bench/lint.bench.ts`.
 * - lintPage: median time per page over the seeds and over generated pages, scaled to 15 KB of
 *   UTF-8 (the pipeline's budget is 3 ms per 15 KB page for every stage together).
 * - lintCorpus: one batch of 1,000 and one of 10,000 generated pages; the ratio shows whether the
 *   cost grows with the batch (≈10×) or with its pairs (≈100×).
 * Chunks come from the lint tests' layout stand-in, built before timing starts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCorpus, lintPage } from '../src-shared/pipeline/lint';
import { roughChunks } from '../test/pipeline/lint/chunks';
import { generateCorpus } from './corpus';

const SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));
const BUDGET_BYTES = 15 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function prepare(raw: string, id: string) {
  return { id, raw, chunks: roughChunks(raw), bytes: encoder.encode(raw).length };
}

const seeds = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => prepare(readFileSync(join(SEEDS, name), 'utf8'), name));

function generated(count: number) {
  const sources = seeds.map((seed) => seed.raw);
  return Array.from(generateCorpus({ pages: count, seed: 7, sources }), (page) =>
    prepare(decoder.decode(page.bytes), page.name),
  );
}

/** Median ms per 15 KB over `rounds` passes through the pages (warm-up pass not counted). */
function perPage(pages: ReturnType<typeof prepare>[], rounds: number): number {
  for (const page of pages) lintPage(page.raw, page.chunks);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      const started = performance.now();
      lintPage(page.raw, page.chunks);
      samples.push(((performance.now() - started) * BUDGET_BYTES) / page.bytes);
    }
  }
  return median(samples);
}

/**
 * Wall time and this process's CPU time: on a shared machine the wall clock also counts the time
 * other processes held the cores, so the CPU figure is the one to compare between batch sizes.
 */
function timeCorpus(pages: ReturnType<typeof prepare>[]): { ms: number; cpuMs: number; flags: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = lintCorpus(pages);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  let flags = 0;
  for (const list of result.values()) flags += list.length;
  return { ms, cpuMs: (used.user + used.system) / 1000, flags };
}

const fmt = (value: number, digits = 3) => value.toFixed(digits);

console.log(`lintPage, seeds (${seeds.length} pages × 200): median ${fmt(perPage(seeds, 200))} ms per 15 KB`);
const thousand = generated(1000);
console.log(`lintPage, generated (1,000 pages × 3): median ${fmt(perPage(thousand, 3))} ms per 15 KB`);

const ten = generated(10000);
timeCorpus(thousand);
const small = timeCorpus(thousand);
const large = timeCorpus(ten);
const kb = (pages: ReturnType<typeof prepare>[]) => Math.round(pages.reduce((sum, page) => sum + page.bytes, 0) / 1024);
const line = (label: string, pages: ReturnType<typeof prepare>[], run: ReturnType<typeof timeCorpus>) =>
  console.log(
    `lintCorpus, ${label} pages (${kb(pages)} KB): ${fmt(run.ms, 0)} ms wall, ${fmt(run.cpuMs, 0)} ms CPU, ${run.flags} flags`,
  );
line('1,000', thousand, small);
line('10,000', ten, large);
console.log(
  `lintCorpus growth for 10× the pages: ${fmt(large.ms / small.ms, 1)}× wall, ${fmt(large.cpuMs / small.cpuMs, 1)}× CPU`,
);

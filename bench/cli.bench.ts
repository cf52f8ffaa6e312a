import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodePage } from '../src-shared/pipeline/decode';
import { corpusFiles } from './corpus';
import { printTable } from './measure';
import { median } from './report';

/**
 * `npx tsx bench/cli.bench.ts`: `galley clean --format json --out DIR` over the benchmark corpus
 * (BENCH_PAGES, default 2,000 pages, seed 42; a list such as 2000,10000 runs each size and then
 * says how much the peak memory grows per 1,000 pages), as a process through bin/galley.mjs, at one job
 * and at one job per core, BENCH_RUNS times each (default 3, alternating, so a burst of other
 * work on the machine does not land on one setting only). Beside it the floor: decoding the same
 * bytes and splitting them into blocks, in one thread, which no pipeline can beat. Pages/s are
 * of the whole process (start-up, reading, analysis, cross-page checks, writing); peak memory is
 * the process's maximum resident set, worker threads included.
 */
const SIZES = (process.env.BENCH_PAGES ?? '2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/galley.mjs');
const CORES = availableParallelism();

interface Run {
  seconds: number;
  peakMb: number;
}

function cleanRun(files: readonly string[], jobs: number): Run {
  const out = mkdtempSync(join(tmpdir(), 'galley-cli-bench-'));
  const rss = join(out, '.rss');
  try {
    const start = performance.now();
    const result = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', '-o', rss, process.execPath, BIN, 'clean', ...files, '--out', out, '--jobs', String(jobs)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`galley clean failed (${result.status}):\n${result.stderr}`);
    return { seconds, peakMb: Number(readFileSync(rss, 'utf8').trim()) / 1024 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Decode + split of every page's bytes, in memory, one thread: seconds for the corpus. */
function floorRun(pages: readonly Uint8Array[]): number {
  const start = performance.now();
  let blocks = 0;
  for (const bytes of pages) blocks += decodePage(bytes, 'bench.txt').text.split(/\r?\n[ \t\u3000]*\r?\n/).length;
  if (blocks === 0) throw new Error('the corpus has no blocks');
  return (performance.now() - start) / 1000;
}

const settings = [...new Set([1, CORES])];
const spread = (values: readonly number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

/** Runs every setting RUNS times over `pages` pages, prints the table and gives the median peak memory of each setting. */
function benchSize(pages: number): Map<number, number> {
  const rate = (seconds: number) => pages / seconds;
  const files = corpusFiles(pages, 42);
  const bytes = files.map((file) => new Uint8Array(readFileSync(file)));
  const megabytes = bytes.reduce((sum, page) => sum + page.length, 0) / 1024 ** 2;
  const runs = new Map<number, Run[]>(settings.map((jobs) => [jobs, []]));
  const floors: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const jobs of settings) {
      runs.get(jobs)!.push(cleanRun(files, jobs));
      loads.push(loadavg()[0]);
    }
    floors.push(floorRun(bytes));
  }

  console.log(
    `galley clean --format json --out DIR, ${pages} pages (${megabytes.toFixed(1)} MB), ${RUNS} runs each; ` +
      `${CORES} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}; ` +
      `one-minute load average ${spread(loads)} after the runs\n`,
  );
  const one = median(runs.get(1)!.map((run) => rate(run.seconds)));
  printTable([
    ['setting', 'pages/s (median)', 'pages/s (all runs)', 'time (median)', 'peak memory (median)', 'vs 1 job'],
    ...settings.map((jobs) => {
      const rates = runs.get(jobs)!.map((run) => rate(run.seconds));
      return [
        `--jobs ${jobs}`,
        median(rates).toFixed(0),
        rates.map((value) => value.toFixed(0)).join(' / '),
        `${median(runs.get(jobs)!.map((run) => run.seconds)).toFixed(1)} s`,
        `${median(runs.get(jobs)!.map((run) => run.peakMb)).toFixed(0)} MB`,
        `${(median(rates) / one).toFixed(2)}×`,
      ];
    }),
    [
      'floor: decode + split, 1 thread',
      median(floors.map(rate)).toFixed(0),
      floors.map((seconds) => rate(seconds).toFixed(0)).join(' / '),
      `${median(floors).toFixed(2)} s`,
      '',
      '',
    ],
  ]);
  return new Map(settings.map((jobs) => [jobs, median(runs.get(jobs)!.map((run) => run.peakMb))]));
}

const peaks = SIZES.map((pages) => ({ pages, peakMb: benchSize(pages) }));
if (peaks.length > 1) {
  const [small, large] = [peaks[0], peaks[peaks.length - 1]];
  console.log(`\npeak memory growth from ${small.pages} to ${large.pages} pages, per 1,000 pages:`);
  for (const jobs of settings) {
    const growth = ((large.peakMb.get(jobs)! - small.peakMb.get(jobs)!) / (large.pages - small.pages)) * 1000;
    console.log(`  --jobs ${jobs}: ${growth.toFixed(1)} MB`);
  }
}

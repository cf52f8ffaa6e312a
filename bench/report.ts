import type { FrameSample } from './in-page';
import type { LintTiming } from './lint-corpus';

export interface FrameSummary {
  frames: number;
  rowsPassed: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Share of frames longer than 1/60 s (dropped at least one frame). */
  over16ms: number;
  /** Frames longer than 50 ms: a stutter the user sees. */
  over50ms: number;
}

export interface Results {
  at: string;
  machine: { cores: number; cpu: string; memoryGb: number; chromium: string; node: string; loadDuringImport: number };
  corpus: { pages: number; seed: number; megabytes: number };
  import: { ms: number; pagesPerSecond: number; goal: number; libraryCount: number | null };
  /** Milliseconds of each floor run, before the import and after it (see bench/run.ts, floorTimes). */
  floor: { rows: number; batchSize: number; before: number[]; after: number[] };
  analysis: { ms: number; pagesPerSecond: number };
  openPage: { samples: number[]; medianMs: number };
  scroll: { duringAnalysis: FrameSummary; idle: FrameSummary };
  /** Milliseconds from a filter change until the page count shows its result and two frames are painted. */
  filter: { search: number[]; status: number[] };
  /** Milliseconds from each key typed during the analysis to the next frame. */
  inputDuringAnalysis: number[];
  /** Each run: the app reloaded as a build with a newer pipeline version, until every page carries it. */
  reanalysis: { pages: number; samples: number[]; medianMs: number };
  heap: { beforeImportMb: number; afterImportMb: number; afterAnalysisMb: number; goalMb: number };
  lint: LintTiming;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function frameSummary({ frames, rowsPassed }: FrameSample): FrameSummary {
  return {
    frames: frames.length,
    rowsPassed,
    meanMs: frames.reduce((sum, f) => sum + f, 0) / frames.length,
    medianMs: median(frames),
    p95Ms: percentile(frames, 95),
    maxMs: Math.max(...frames),
    over16ms: frames.filter((f) => f > 1000 / 60 + 1).length / frames.length,
    over50ms: frames.filter((f) => f > 50).length,
  };
}

const round = (n: number, digits = 0) => n.toFixed(digits);
/** Every sample in the order taken, then the range, so the noise of a shared machine is in view. */
const spread = (values: readonly number[]) =>
  `${values.map((v) => round(v, 1)).join(' / ')} (range ${round(Math.min(...values), 1)}–${round(Math.max(...values), 1)})`;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

/** Floor pages/s of every run, before and after the import together. */
export function floorRates(r: Results): { before: number[]; after: number[]; all: number[] } {
  const rate = (ms: number) => r.floor.rows / (ms / 1000);
  const before = r.floor.before.map(rate);
  const after = r.floor.after.map(rate);
  return { before, after, all: [...before, ...after] };
}

const latencies = (values: readonly number[], goal: number) =>
  `median ${round(median(values))} ms, p95 ${round(percentile(values, 95))} ms, max ${round(Math.max(...values))} ms (${values.length} samples); ≤ ${goal} ms: ${verdict(percentile(values, 95) <= goal)} at p95`;

function rows(r: Results): Array<[string, string, string]> {
  const floor = floorRates(r);
  const floorMedian = median(floor.all);
  const scroll = (s: FrameSummary) =>
    `median ${round(s.medianMs, 1)} ms, p95 ${round(s.p95Ms, 1)} ms, max ${round(s.maxMs)} ms; ${round(s.over16ms * 100, 1)}% > 16.7 ms, ${s.over50ms} > 50 ms (${s.frames} frames, ${s.rowsPassed} rows)`;
  return [
    [
      'import (real path: file picker → decode → hash → store)',
      `${round(r.import.pagesPerSecond)} pages/s (${round(r.import.ms / 1000, 1)} s for ${r.corpus.pages})`,
      `≥ ${r.import.goal}/s: ${verdict(r.import.pagesPerSecond >= r.import.goal)}`,
    ],
    [
      `floor: the import's rows added with plain IndexedDB, ${r.floor.batchSize} a transaction, fresh database with Galley's stores and indexes`,
      `median ${round(floorMedian)} pages/s of ${floor.all.length} runs: before the import ${spread(floor.before)}, after it ${spread(floor.after)} pages/s`,
      `import at ${round((r.import.pagesPerSecond / floorMedian) * 100)}% of the floor's median (${round((r.import.pagesPerSecond / Math.max(...floor.all)) * 100)}–${round((r.import.pagesPerSecond / Math.min(...floor.all)) * 100)}% of its runs); ≥ 50%: ${verdict(r.import.pagesPerSecond >= floorMedian / 2)}`,
    ],
    [
      'background analysis (a pool of workers, one per core up to four)',
      `${round(r.analysis.pagesPerSecond, 1)} pages/s (${round(r.analysis.ms / 1000)} s)`,
      '',
    ],
    [
      'open a page (click → desk painted)',
      `median ${round(r.openPage.medianMs)} ms`,
      r.openPage.samples.map((s) => `${round(s)}`).join(' / ') + ' ms',
    ],
    [
      `re-analysis of every page after a pipeline change, median of ${r.reanalysis.samples.length}`,
      r.reanalysis.samples.length
        ? `median ${round(r.reanalysis.medianMs / 1000, 1)} s (${round(r.reanalysis.pages / (r.reanalysis.medianMs / 1000), 1)} pages/s)`
        : 'not run (BENCH_REANALYSES=0)',
      r.reanalysis.samples.length
        ? `${spread(r.reanalysis.samples.map((ms) => ms / 1000))} s; reload → last page at the new version`
        : '',
    ],
    [
      'library scroll, during analysis',
      scroll(r.scroll.duringAnalysis),
      `p95 ≤ 34 ms: ${verdict(r.scroll.duringAnalysis.p95Ms <= 34)}`,
    ],
    ['library scroll, idle', scroll(r.scroll.idle), `p95 ≤ 20 ms: ${verdict(r.scroll.idle.p95Ms <= 20)}`],
    ['search by name (set and cleared)', latencies(r.filter.search, 50), 'change → count shown, two frames'],
    ['status filter (set and cleared)', latencies(r.filter.status, 50), 'change → count shown, two frames'],
    [
      'input latency while the analysis writes',
      latencies(r.inputDuringAnalysis, 50),
      'key → next frame, typed into the search box; the issue names no figure, 50 ms is the usual budget for a response',
    ],
    [
      'renderer heap (after GC)',
      `${round(r.heap.afterImportMb)} MB after import, ${round(r.heap.afterAnalysisMb)} MB after analysis`,
      `≤ ${r.heap.goalMb} MB: ${verdict(Math.max(r.heap.afterImportMb, r.heap.afterAnalysisMb) <= r.heap.goalMb)} (${round(r.heap.beforeImportMb)} MB before)`,
    ],
    [
      'corpus-wide checks (lintCorpus, Node)',
      `${round(r.lint.ms)} ms for ${r.lint.pages} pages (${round(r.lint.pagesPerSecond)} pages/s)`,
      `${r.lint.flags} flags`,
    ],
  ];
}

export function renderTable(r: Results): string {
  const all = [['measure', 'result', 'note'] as [string, string, string], ...rows(r)];
  const widths = [0, 1, 2].map((i) => Math.max(...all.map((row) => row[i].length)));
  return all.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join(' │ ')).join('\n');
}

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated block of docs/benchmarks.md, keeping whatever is written around it. */
export function renderMarkdown(r: Results, existing: string | null): string {
  const m = r.machine;
  const block = [
    BEGIN,
    `Measured ${r.at.slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB RAM, ` +
      `Chromium ${m.chromium} (headless, --disable-gpu), Node ${m.node}; one-minute load average ${round(m.loadDuringImport, 1)} at the end of the import. ` +
      `Corpus: ${r.corpus.pages} pages, ${round(r.corpus.megabytes, 1)} MB, seed ${r.corpus.seed}.`,
    '',
    '| measure | result | note |',
    '|---|---|---|',
    ...rows(r).map((row) => `| ${row.join(' | ')} |`),
    END,
  ].join('\n');
  if (existing?.includes(BEGIN) && existing.includes(END)) {
    return existing.slice(0, existing.indexOf(BEGIN)) + block + existing.slice(existing.indexOf(END) + END.length);
  }
  return `# Benchmarks\n\n${block}\n`;
}

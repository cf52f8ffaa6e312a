import { performance } from 'node:perf_hooks';
import { median } from './report';

export interface Timing {
  /** Median wall-clock ms: the target. */
  wall: number;
  /** Median CPU ms of this process: steadier when other work shares the machine. */
  cpu: number;
}

/** Medians of `run` after a warm-up, over at least `minRuns` runs and about `budgetMs`. */
export function measure(run: () => unknown, minRuns: number, budgetMs: number): Timing {
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

export const ms = (t: number) => (t < 1 ? t.toFixed(3) : t < 100 ? t.toFixed(2) : t.toFixed(1));

export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log();
}

import { describe, expect, it, vi } from 'vitest';
import { poolAnalyzers, type WorkerAnalyzer } from '../../src-renderer/workers/worker-analyzer';

/** A stand-in worker that answers after `delay` ms and records the pages it was given. */
function fakeWorker(delay: number) {
  const given: string[][] = [];
  const worker: WorkerAnalyzer = {
    analyze: (pages) => {
      given.push(pages.map((page) => page.id));
      return new Promise((resolve) =>
        setTimeout(() => resolve(pages.map((page) => ({ id: page.id, error: `by ${delay}` }))), delay),
      );
    },
    terminate: vi.fn(),
  };
  return { worker, given };
}

const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, raw: '' }));

describe('a pool of analysis workers', () => {
  it('should share a batch out among the workers and answer it in the order it came', async () => {
    const slow = fakeWorker(20);
    const fast = fakeWorker(1);
    const pool = poolAnalyzers([slow.worker, fast.worker]);
    const results = await pool.analyze(pages(5));
    expect(results.map((result) => result.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(slow.given).toEqual([['p0', 'p1', 'p2']]);
    expect(fast.given).toEqual([['p3', 'p4']]);
  });

  it('should leave a worker idle when the batch is smaller than the pool', async () => {
    const workers = [fakeWorker(1), fakeWorker(1), fakeWorker(1)];
    await poolAnalyzers(workers.map((w) => w.worker)).analyze(pages(2));
    expect(workers.map((w) => w.given)).toEqual([[['p0']], [['p1']], []]);
  });

  it('should leave the last worker out of a batch asked for while the editor scrolls or types', async () => {
    const workers = [fakeWorker(1), fakeWorker(1)];
    let editing = true;
    const pool = poolAnalyzers(
      workers.map((w) => w.worker),
      () => editing,
    );
    const whileEditing = await pool.analyze(pages(4));
    editing = false;
    await pool.analyze(pages(2));
    expect(whileEditing.map((result) => result.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(workers.map((w) => w.given)).toEqual([[['p0', 'p1', 'p2', 'p3'], ['p0']], [['p1']]]);
  });

  it('should keep a lone worker at work while the editor scrolls', async () => {
    const only = fakeWorker(1);
    await poolAnalyzers([only.worker], () => true).analyze(pages(2));
    expect(only.given).toEqual([['p0', 'p1']]);
  });

  it('should stop every worker when the pool is stopped', () => {
    const workers = [fakeWorker(1), fakeWorker(1)];
    poolAnalyzers(workers.map((w) => w.worker)).terminate();
    for (const { worker } of workers) expect(worker.terminate).toHaveBeenCalledOnce();
  });
});

import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { perform, type TaskName, type Tasks } from './tasks';
import type { TaskAnswer, TaskFailure, TaskMessage } from './worker';

/** Runs the per-page tasks: in this thread (`--jobs 1`) or spread over worker threads. */
export interface Runner {
  /** How many tasks to start past the one whose result is awaited (see `inOrder`). */
  readonly ahead: number;
  /** A folder of the run's own, where pages wait on disk between their analysis and their output. */
  readonly spool: string;
  run<Name extends TaskName>(name: Name, input: Tasks[Name]['input']): Promise<Tasks[Name]['output']>;
  /** Stops the workers and removes the spool; the runner is not used after. */
  close(): Promise<void>;
}

/** The `--jobs N` option of the commands that run the pipeline, for `parseArgs`. */
export const JOBS_OPTION = { type: 'string' } as const;

/** `--jobs`' value: how many pages are worked on at once, by default one per core the process may use. */
export function jobsFrom(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`--jobs must be a whole number from 1 up, not "${value}"`);
  return Number(value);
}

/**
 * A runner for `jobs` parallel tasks, never more threads than there are `tasks` to run. With one
 * job the work runs in this thread: no worker to start, and a debugger or profiler sees it all.
 */
export function startRunner(jobs: number, tasks: number): Runner {
  const threads = Math.min(jobs, tasks);
  const spool = mkdtempSync(join(tmpdir(), 'galley-pages-'));
  const removeSpool = () => rm(spool, { recursive: true, force: true });
  if (threads <= 1) return { ahead: 0, spool, run: perform, close: removeSpool };
  return new WorkerPool(threads, spool, removeSpool);
}

interface Pending {
  message: TaskMessage;
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

/** Worker threads each running one task at a time, the rest queued in the order they were asked for. */
class WorkerPool implements Runner {
  private readonly live = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  /** Enough queued work that no worker waits for the next task while the main thread writes. */
  readonly ahead: number;

  constructor(
    threads: number,
    readonly spool: string,
    private readonly removeSpool: () => Promise<void>,
  ) {
    this.ahead = threads * 4;
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url));
      worker.on('message', (answer: TaskAnswer) => this.answered(worker, answer));
      worker.on('error', (error) => this.failed(worker, error));
      this.live.add(worker);
      this.idle.push(worker);
    }
  }

  run<Name extends TaskName>(name: Name, input: Tasks[Name]['input']): Promise<Tasks[Name]['output']> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, name, input }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.live];
    this.live.clear();
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
    await this.removeSpool();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.message);
    }
  }

  private answered(worker: Worker, answer: TaskAnswer): void {
    const pending = this.busy.get(worker);
    if (!pending) return;
    this.busy.delete(worker);
    this.idle.push(worker);
    if ('failure' in answer) pending.reject(asError(answer.failure));
    else pending.resolve(answer.output as never);
    this.dispatch();
  }

  /** A worker that died (it could not start, or ran out of memory) fails its task and every queued one. */
  private failed(worker: Worker, error: Error): void {
    this.live.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    this.busy.get(worker)?.reject(error);
    this.busy.delete(worker);
    if (this.live.size === 0) for (const queued of this.queue.splice(0)) queued.reject(error);
  }
}

function asError({ message, path, code }: TaskFailure): Error {
  return Object.assign(new Error(message), { path, code });
}

/**
 * Runs `work` on each item and hands the results to `use` one at a time in the items' order,
 * whatever order they finish in. At most `ahead` items are started past the one `use` waits for,
 * so results waiting for their turn stay few however many items there are.
 */
export async function inOrder<Item, Result>(
  items: readonly Item[],
  ahead: number,
  work: (item: Item, index: number) => Promise<Result>,
  use: (result: Result, index: number) => Promise<void> | void,
): Promise<void> {
  const started = new Map<number, Promise<Result>>();
  let next = 0;
  for (let index = 0; index < items.length; index++) {
    for (; next < items.length && next <= index + ahead; next++) {
      const result = work(items[next], next);
      // Awaited in its turn below; until then a failure must not count as unhandled.
      result.catch(() => {});
      started.set(next, result);
    }
    const result = await started.get(index)!;
    started.delete(index);
    await use(result, index);
  }
}

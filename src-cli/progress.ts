import type { Io } from './command';

/** Redrawing the status line more often than this costs time and shows nothing the eye can follow. */
const REDRAW_MS = 100;

/**
 * Counts a run's pages on the status line (`galley clean: analysing 120/2000 pages`), which only a
 * terminal shows (see `Io.status`); cleared by `end`.
 */
export function counter(io: Io, label: string, total: number): { step(): void; end(): void } {
  let done = 0;
  let drawnAt = 0;
  return {
    step() {
      done++;
      const now = performance.now();
      if (!io.status || (now - drawnAt < REDRAW_MS && done < total)) return;
      drawnAt = now;
      io.status(`${label} ${done}/${total} pages`);
    },
    end() {
      io.status?.('');
    },
  };
}

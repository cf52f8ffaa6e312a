import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledRefresher } from '../../../src-renderer/views/library/useThrottledLiveQuery';

describe('throttledRefresher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function counting(refreshMs = 0) {
    const runs: number[] = [];
    const refresher = throttledRefresher(
      async () => {
        runs.push(Date.now());
        if (refreshMs) await new Promise((resolve) => setTimeout(resolve, refreshMs));
      },
      1000,
      () => Date.now(),
    );
    return { runs, refresher };
  }

  it('should refresh at once when nothing ran recently', async () => {
    const { runs, refresher } = counting();
    refresher.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([0]);
  });

  it('should fold a burst of requests into one refresh per interval, the last request included', async () => {
    const { runs, refresher } = counting();
    for (let t = 0; t < 2500; t += 100) {
      refresher.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toEqual([0, 1000, 2000, 3000]);
  });

  it('should not start a refresh while one is running, and run once more after it', async () => {
    const { runs, refresher } = counting(1500);
    refresher.request();
    await vi.advanceTimersByTimeAsync(10);
    refresher.request();
    refresher.request();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(2);
    // The first refresh took 1.5 s, longer than the interval: the folded request runs as it ends.
    expect(runs[1] - 1500).toBeGreaterThanOrEqual(0);
    expect(runs[1] - 1500).toBeLessThan(10);
  });

  it('should not refresh after it is closed', async () => {
    const { runs, refresher } = counting();
    refresher.request();
    await vi.advanceTimersByTimeAsync(0);
    refresher.request();
    refresher.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toEqual([0]);
  });
});

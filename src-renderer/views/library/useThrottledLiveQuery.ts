import Dexie from 'dexie';
import { useEffect, useEffectEvent, useState } from 'react';

export interface Refresher {
  /** Asks for a refresh: now if the last one is `intervalMs` old, else when it will be. */
  request(): void;
  close(): void;
}

/**
 * Runs `refresh` on request, at most once per `intervalMs` and never twice at once; a request
 * made while one runs or waits is folded into the next run, so the last request always gets one.
 */
export function throttledRefresher(
  refresh: () => Promise<void>,
  intervalMs: number,
  now: () => number = () => performance.now(),
): Refresher {
  let closed = false;
  let running = false;
  let requested = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = -Infinity;

  const run = async () => {
    running = true;
    requested = false;
    lastRun = now();
    try {
      await refresh();
    } finally {
      running = false;
      if (requested) request();
    }
  };
  const request = () => {
    requested = true;
    if (closed || running || timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        void run();
      },
      Math.max(0, lastRun + intervalMs - now()),
    );
  };
  return {
    request,
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/**
 * `useLiveQuery` for queries too large to repeat on every write: re-runs `query` when one of
 * `tables` changes, but at most once per `intervalMs`. During an import or background analysis
 * a batch lands every few hundred milliseconds; re-reading 10,000 rows after each one kept the
 * main thread busy and made both the work and the scrolling slow. `undefined` while loading.
 */
export function useThrottledLiveQuery<T>(
  query: () => Promise<T>,
  dbName: string,
  tables: readonly string[],
  intervalMs: number,
): T | undefined {
  const [value, setValue] = useState<T>();
  // Callers build `query` and `tables` inline, anew every render: the latest query runs, and the
  // tables' names, not the array's identity, say when to subscribe again.
  const runQuery = useEffectEvent(query);
  const tableNames = tables.join(',');
  useEffect(() => {
    const prefixes = tableNames.split(',').map((table) => `idb://${dbName}/${table}/`);
    let closed = false;
    const refresher = throttledRefresher(async () => {
      const result = await runQuery();
      if (!closed) setValue(() => result);
    }, intervalMs);
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) refresher.request();
    };
    Dexie.on('storagemutated', onMutated);
    refresher.request();
    return () => {
      closed = true;
      refresher.close();
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [dbName, tableNames, intervalMs]);
  return value;
}

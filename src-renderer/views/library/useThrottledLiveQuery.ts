import Dexie from 'dexie';
import { useEffect, useState } from 'react';

/**
 * `useLiveQuery` for queries too large to repeat on every write: re-runs `query` when one of
 * `tables` changes, but at most once per `intervalMs`. During an import or background analysis
 * a batch lands every few hundred milliseconds; re-reading 10,000 rows after each one kept the
 * main thread busy and made both the work and the scrolling slow. `undefined` while loading.
 */
export function useThrottledLiveQuery<T>(query: () => Promise<T>, dbName: string, tables: readonly string[], intervalMs: number): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const prefixes = tables.map((table) => `idb://${dbName}/${table}/`);
    let closed = false;
    let running = false;
    let dirty = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRun = -Infinity;

    const run = async () => {
      running = true;
      dirty = false;
      lastRun = performance.now();
      try {
        const result = await query();
        if (!closed) setValue(() => result);
      } finally {
        running = false;
        if (dirty) schedule();
      }
    };
    const schedule = () => {
      dirty = true;
      if (closed || running || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, Math.max(0, lastRun + intervalMs - performance.now()));
    };
    const onMutated = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) schedule();
    };

    Dexie.on('storagemutated', onMutated);
    void run();
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
    // `query` is rebuilt on every render; the table names and interval say when it must change.
  }, [dbName, tables.join(), intervalMs]);
  return value;
}

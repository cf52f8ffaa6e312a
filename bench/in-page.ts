/**
 * Functions the benchmark runs inside the page with `page.evaluate`. They touch only standard
 * browser APIs and the DOM the app renders, so the app needs no benchmark hook. Each must be
 * self-contained: Playwright serialises the function's source, not its closure.
 */

export interface FrameSample {
  /** Milliseconds between consecutive animation frames while scrolling. */
  frames: number[];
  rowsPassed: number;
}

/** Scrolls the library list from top to bottom at a steady pace, recording every frame's duration. */
export function scrollLibrary(pixelsPerFrame: number): Promise<FrameSample> {
  const scroller = document.querySelector<HTMLElement>('[data-testid="page-table"]');
  if (!scroller) throw new Error('no library list on screen');
  scroller.scrollTop = 0;
  const rowHeight = scroller.querySelector<HTMLElement>('[data-testid="page-row"]')?.offsetHeight ?? 1;
  const frames: number[] = [];
  return new Promise((resolve) => {
    let last = performance.now();
    const step = (now: number) => {
      frames.push(now - last);
      last = now;
      const bottom = scroller.scrollHeight - scroller.clientHeight;
      if (scroller.scrollTop >= bottom - 1) {
        resolve({ frames: frames.slice(1), rowsPassed: Math.round(bottom / rowHeight) });
        return;
      }
      scroller.scrollTop = Math.min(bottom, scroller.scrollTop + pixelsPerFrame);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/**
 * The floor for storing pages: the same rows the import wrote, read back from Galley's database
 * and put with plain IndexedDB into a scratch database, in batches like the importer's. Only the
 * puts are timed; reading is done in slices so the whole corpus is never in memory at once.
 */
export async function rawBulkPut(args: { sourceDb: string; batchSize: number }): Promise<{ rows: number; ms: number }> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
      r.onupgradeneeded = () => upgrade?.(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });

  const floorName = 'galley-bench-floor';
  await request(indexedDB.deleteDatabase(floorName));
  const source = await open(args.sourceDb);
  const floor = await open(floorName, (db) => {
    db.createObjectStore('pages', { keyPath: 'id' });
    db.createObjectStore('raws', { keyPath: 'id' });
  });
  let rows = 0;
  let ms = 0;
  let after: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const read = source.transaction(['pages', 'raws'], 'readonly');
    const [pages, raws]: Array<Array<{ id: string }>> = await Promise.all([
      request(read.objectStore('pages').getAll(range, args.batchSize)),
      request(read.objectStore('raws').getAll(range, args.batchSize)),
    ]);
    if (pages.length === 0) break;
    const started = performance.now();
    const write = floor.transaction(['pages', 'raws'], 'readwrite');
    for (const page of pages) write.objectStore('pages').put(page);
    for (const raw of raws) write.objectStore('raws').put(raw);
    await done(write);
    ms += performance.now() - started;
    rows += pages.length;
    after = pages[pages.length - 1].id;
  }
  source.close();
  floor.close();
  await request(indexedDB.deleteDatabase(floorName));
  return { rows, ms };
}

/**
 * How many of the database's reviews the pipeline `version` made, and how many there are: read
 * with plain IndexedDB through the reviews' version index, so polling it costs no review's body.
 */
export async function reviewsAtVersion(args: { db: string; version: number }): Promise<{ at: number; all: number }> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const db = await request(indexedDB.open(args.db));
  try {
    const reviews = db.transaction('reviews', 'readonly').objectStore('reviews');
    const [at, all] = await Promise.all([
      request(reviews.index('analysis.pipelineVersion').count(IDBKeyRange.only(args.version))),
      request(reviews.count()),
    ]);
    return { at, all };
  } finally {
    db.close();
  }
}

/** The number in the library's page count ("共 10005 页" / "10005 pages"). */
export function libraryCount(): number | null {
  const text = document.querySelector('[data-testid="page-count"]')?.textContent ?? '';
  const digits = /(\d[\d,]*)\s*(?:页|pages?)\s*$/.exec(text)?.[1];
  return digits ? Number(digits.replace(/,/g, '')) : null;
}

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

/** A page's rows as the importer writes them: its `pages` row and its `raws` row. */
export interface FloorRows {
  pages: object[];
  raws: object[];
}

/**
 * Opens a fresh scratch database whose `pages` and `raws` stores are Galley's (key path and every
 * index, read from `sourceDb`), so the floor's writes maintain what the import's maintain.
 */
export async function createFloorDatabase(args: { sourceDb: string; floorDb: string }): Promise<void> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  await request(indexedDB.deleteDatabase(args.floorDb));
  const source = await request(indexedDB.open(args.sourceDb));
  const read = source.transaction(['pages', 'raws'], 'readonly');
  const shapes = ['pages', 'raws'].map((name) => {
    const store = read.objectStore(name);
    const indexes = [...store.indexNames].map((index) => {
      const { keyPath, unique, multiEntry } = store.index(index);
      return { index, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  source.close();
  const opening = indexedDB.open(args.floorDb, 1);
  opening.onupgradeneeded = () => {
    for (const { name, keyPath, autoIncrement, indexes } of shapes) {
      const store = opening.result.createObjectStore(name, { keyPath, autoIncrement });
      for (const { index, keyPath: path, unique, multiEntry } of indexes)
        store.createIndex(index, path, { unique, multiEntry });
    }
  };
  (await request(opening)).close();
}

/**
 * One batch of the floor: the rows added with plain IndexedDB in one transaction, as the importer
 * adds one batch (no Dexie, no reads, no UI). Returns the milliseconds from the transaction's
 * start to its commit; the rows arrive in the page before the clock starts.
 */
export async function writeFloorBatch(args: { floorDb: string; rows: FloorRows }): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(args.floorDb);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    const started = performance.now();
    const write = db.transaction(['pages', 'raws'], 'readwrite');
    for (const page of args.rows.pages) write.objectStore('pages').add(page);
    for (const raw of args.rows.raws) write.objectStore('raws').add(raw);
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
      write.onabort = () => reject(write.error);
    });
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
  });
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

/**
 * Times one change of the library's filter, from the change until the page count shows the new
 * result and two frames have been painted: `value` typed into the search box at once (as a
 * paste), or chosen in the status filter. The change must change the count; one that does not
 * fails after 30 s rather than hang.
 */
export function timeFilterChange(args: { control: 'search' | 'status'; value: string }): Promise<number> {
  const count = document.querySelector('[data-testid="page-count"]');
  if (!count) throw new Error('no page count on screen');
  const element =
    args.control === 'search'
      ? document.querySelector<HTMLInputElement>('.library-filters input[type="search"]')
      : [...document.querySelectorAll<HTMLSelectElement>('.library-filters select')].find((select) =>
          [...select.options].some((option) => option.value === 'approved'),
        );
  if (!element) throw new Error(`no ${args.control} control on screen`);
  const before = count.textContent;
  const prototype = args.control === 'search' ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')!.set!;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (count.textContent === before) return;
      observer.disconnect();
      clearTimeout(stuck);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
    });
    const stuck = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the page count did not change after ${args.control} "${args.value}"`));
    }, 30_000);
    observer.observe(count, { childList: true, characterData: true, subtree: true });
    setValue.call(element, args.value);
    element.dispatchEvent(new Event(args.control === 'search' ? 'input' : 'change', { bubbles: true }));
  });
}

/**
 * Starts recording input latency: for each key pressed, the time from the event's timestamp (when
 * the browser received it) to the start of the next frame after its handlers ran. Read and stopped
 * with `takeInputLatencies`.
 */
export function recordInputLatencies(): void {
  const latencies: number[] = [];
  const onKey = (event: KeyboardEvent) =>
    requestAnimationFrame(() => latencies.push(performance.now() - event.timeStamp));
  document.addEventListener('keydown', onKey, true);
  Object.assign(window, {
    __benchInput: { latencies, stop: () => document.removeEventListener('keydown', onKey, true) },
  });
}

export function takeInputLatencies(): number[] {
  const probe = (window as unknown as { __benchInput?: { latencies: number[]; stop(): void } }).__benchInput;
  if (!probe) throw new Error('recordInputLatencies was not started');
  probe.stop();
  return probe.latencies;
}

/**
 * Opens the page named `name` from the library's row and times it in the page: from the click until
 * the desk's heading names the page and two frames have been painted (the second frame's callback
 * runs once the first, with the desk, is on screen). Timed here rather than around Playwright's
 * `click`, whose checks that the row is visible and still (two frames) ran inside the clock.
 */
export function timeOpenPage(name: string): Promise<number> {
  const row = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="page-row"] button')].find(
    (button) => button.textContent === name,
  );
  if (!row) throw new Error(`no library row for ${name}`);
  const painted = () => {
    const heading = document.querySelector('h2');
    return heading !== null && heading.textContent === name;
  };
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!painted()) return;
      observer.disconnect();
      clearTimeout(stuck);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          // A user-timing span, so a profile of the phase can be cut to the opens alone.
          performance.measure('bench:open-page', { start: started });
          resolve(performance.now() - started);
        }),
      );
    });
    const stuck = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the desk did not show ${name} after 30 s`));
    }, 30_000);
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    const started = performance.now();
    row.click();
  });
}

/** The import's floor, shared by `npm run bench` and the team bench: the importer's rows written with plain IndexedDB. */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_BATCH_SIZE, importRows } from '../src-renderer/services/import';
import { createFloorDatabase, deleteDatabase, floorBatch, type FloorRows } from './in-page';

/** The rows the import writes for the corpus, built by the importer's own function, in its batches. */
export async function floorBatches(files: readonly string[]): Promise<FloorRows[]> {
  const batches: FloorRows[] = [];
  for (let from = 0; from < files.length; from += IMPORT_BATCH_SIZE) {
    const rows = await Promise.all(
      files
        .slice(from, from + IMPORT_BATCH_SIZE)
        .map((file) => importRows({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }, Date.now())),
    );
    batches.push({ pages: rows.map(({ page }) => page), raws: rows.map(({ raw }) => raw) });
  }
  return batches;
}

/**
 * The floor for storing the corpus, `runs` times: the rows the import writes, added with
 * plain IndexedDB into a fresh database with Galley's stores and indexes, one transaction per
 * import batch. Only the transactions are timed; handing the rows to the page is not.
 */
export async function floorTimes(page: Page, batches: readonly FloorRows[], runs: number): Promise<number[]> {
  const floorDb = 'galley-bench-floor';
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(createFloorDatabase, { sourceDb: 'galley', floorDb });
    let ms = 0;
    for (const rows of batches) ms += await page.evaluate(floorBatch, { floorDb, rows });
    await page.evaluate(deleteDatabase, floorDb);
    times.push(ms);
  }
  return times;
}

/** The import's floor, shared by `npm run bench` and the team bench: the importer's rows written with plain IndexedDB. */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_BATCH_SIZE, importRows } from '../src-renderer/services/import';
import { createFloorDatabase, deleteDatabase, writeFloorBatch, type FloorRows } from './in-page';

/**
 * The rows the import writes for the corpus, built by the importer's own function, one import
 * batch at a time: a caller holds no more than one batch of the corpus in memory.
 */
export async function* floorBatches(files: readonly string[]): AsyncGenerator<FloorRows> {
  for (let from = 0; from < files.length; from += IMPORT_BATCH_SIZE) {
    const rows = await Promise.all(
      files
        .slice(from, from + IMPORT_BATCH_SIZE)
        .map((file) => importRows({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }, Date.now())),
    );
    yield { pages: rows.map(({ page }) => page), raws: rows.map(({ raw }) => raw) };
  }
}

/**
 * The floor for storing the corpus, `runs` times: the rows the import writes, added with plain
 * IndexedDB into a fresh database with Galley's stores and indexes, one transaction per import
 * batch. Only the transactions are timed; building the rows and handing them to the page are not.
 * Each batch is built once and written into every run's database in turn, so no more than one
 * batch of the corpus is held in memory (at 100,000 pages the whole corpus's rows would be over
 * a gigabyte).
 */
export async function floorTimes(page: Page, files: readonly string[], runs: number): Promise<number[]> {
  const floorDbs = Array.from({ length: runs }, (_, run) => `galley-bench-floor-${run}`);
  for (const floorDb of floorDbs) await page.evaluate(createFloorDatabase, { sourceDb: 'galley', floorDb });
  const times = floorDbs.map(() => 0);
  for await (const rows of floorBatches(files))
    for (const [run, floorDb] of floorDbs.entries())
      times[run] += await page.evaluate(writeFloorBatch, { floorDb, rows });
  for (const floorDb of floorDbs) await page.evaluate(deleteDatabase, floorDb);
  return times;
}

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../src-shared/ipc/contract';
import { GalleyDB } from '../../src-renderer/db/schema';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const opened: GalleyDB[] = [];
let counter = 0;

/** A database of its own per test, under fake-indexeddb; `closeDatabases` deletes them all. */
export function freshDb(): GalleyDB {
  const db = new GalleyDB(`renderer-test-${++counter}`);
  opened.push(db);
  return db;
}

export async function closeDatabases(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}

export function fixture(name: string, as: string = name): SourceFile {
  return { name: as, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

export function textFile(name: string, text: string): SourceFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

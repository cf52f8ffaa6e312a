import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src-shared/pipeline/decode';
import { importFiles } from '../../src-renderer/services/import';
import { hostileCases, hugeFile } from '../fixtures/hostile/cases';
import { closeDatabases, freshDb } from './helpers';

afterEach(closeDatabases);

const SEEDS = join(import.meta.dirname, '../../seeds');

async function libraryWithSeeds() {
  const db = freshDb();
  const seeds = readdirSync(SEEDS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
  await importFiles(db, seeds);
  const snapshot = async () => ({ pages: await db.pages.toArray(), raws: await db.raws.toArray() });
  return { db, before: await snapshot(), snapshot };
}

describe('importing hostile files', () => {
  const cases = hostileCases();
  const refused = cases.filter((c) => 'refused' in c.outcome);
  const accepted = cases.filter((c) => 'encoding' in c.outcome);

  it('should refuse each bad file by name with its reason and leave the stored pages as they were', async () => {
    const { db, before, snapshot } = await libraryWithSeeds();
    const huge = hugeFile();

    const report = await importFiles(db, [...refused.map((c) => c.file), huge]);

    expect(report.added).toEqual([]);
    expect(report.failed.map((failure) => failure.name)).toEqual([...refused.map((c) => c.file.name), 'huge.txt']);
    for (const { file, outcome } of refused) {
      const failure = report.failed.find((f) => f.name === file.name)!;
      expect(failure.stage).toBe('read');
      if ('refused' in outcome) expect(failure.reason, file.name).toMatch(outcome.refused);
    }
    expect(report.failed.at(-1)!.reason).toBe('file is 50.0 MB, larger than the 8.0 MB a page may be');
    expect(await snapshot()).toEqual(before);
  });

  it('should import odd but valid encodings with the text exactly as decoded', async () => {
    const { db, before } = await libraryWithSeeds();

    const report = await importFiles(
      db,
      accepted.map((c) => c.file),
    );

    expect(report.failed).toEqual([]);
    for (const { file, outcome } of accepted) {
      if (!('encoding' in outcome)) continue;
      const id = await contentHash(file.bytes);
      expect((await db.pages.get(id))?.encoding, file.name).toBe(outcome.encoding);
      expect((await db.raws.get(id))?.text, file.name).toBe(outcome.text);
    }
    for (const page of before.pages) expect(await db.pages.get(page.id)).toEqual(page);
  });

  it('should import the good files of a mixed selection and name only the bad ones', async () => {
    const { db, before } = await libraryWithSeeds();

    const report = await importFiles(
      db,
      cases.map((c) => c.file),
    );

    expect(report.added.map((page) => page.name).sort()).toEqual(accepted.map((c) => c.file.name).sort());
    expect(report.failed.map((failure) => failure.name).sort()).toEqual(refused.map((c) => c.file.name).sort());
    expect(await db.pages.count()).toBe(before.pages.length + accepted.length);
    expect(await db.raws.count()).toBe(before.raws.length + accepted.length);
  });
});

import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS } from '../../src-renderer/db/schema';
import { BackupError, exportBackup, restoreBackup } from '../../src-renderer/services/backup';
import { importFiles } from '../../src-renderer/services/import';
import { hostileBackups } from '../fixtures/hostile/cases';

// dexie-export-import expects a browser: it reads `self` when it loads, and after every export it
// reads an (empty) Blob with FileReader to free memory. Node 20 has Blob but neither of these.
vi.hoisted(() => {
  const global = globalThis as Record<string, unknown>;
  global.self ??= globalThis;
  global.FileReader ??= class {
    onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
    onerror: ((event: { target: { error: unknown } }) => void) | null = null;
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then(
        (result) => this.onload?.({ target: { result } }),
        (error) => this.onerror?.({ target: { error } }),
      );
    }
  };
});

const SEEDS = join(import.meta.dirname, '../../seeds');
const opened: Dexie[] = [];
let counter = 0;

function freshDb(name = `backup-${++counter}`): GalleyDB {
  const db = new GalleyDB(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A library with something in every table, so the round trip covers all of them. */
async function populatedDb(): Promise<GalleyDB> {
  const db = freshDb();
  const seeds = readdirSync(SEEDS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
  const { added } = await importFiles(db, seeds);
  const analysis = { pipelineVersion: 1, chunks: [{ id: 'c0', role: 'headline' as const, start: 0, end: 4 }], boundaries: [], edits: [], flags: [] };
  await db.reviews.put({ pageId: added[0].id, analysis, updatedAt: 1 });
  await db.history.add({ at: 2, entry: { page: added[0].id, ops: [] } });
  await db.tombstones.put({ id: 'f'.repeat(64), name: 'gone.txt', deletedAt: 3 });
  await db.setMeta('language', 'zh');
  return db;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function backupJson(bytes: Uint8Array): { data: { databaseVersion: number; data: Array<{ tableName: string; rows: unknown[] }> } } {
  return JSON.parse(new TextDecoder().decode(bytes));
}

describe('backup', () => {
  it('should give byte-identical output when a restored backup is exported again', async () => {
    const source = await populatedDb();
    const first = await bytesOf(await exportBackup(source));
    const name = source.name;
    await source.delete();

    const target = freshDb(name);
    const report = await restoreBackup(target, 'galley-backup.json', first);
    const second = await bytesOf(await exportBackup(target));

    expect(report.tables.find((table) => table.name === 'pages')?.rows).toBe(5);
    expect(second).toEqual(first);
    expect(await target.raws.count()).toBe(5);
  });

  it('should restore a backup made by an earlier schema, upgraded as an installed database is', async () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/db/v1.json'), 'utf8'));
    const old = new Dexie(`backup-v1-${++counter}`);
    opened.push(old);
    declareVersions(old, SCHEMA_VERSIONS.filter(({ version }) => version <= fixture.version));
    await old.open();
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows as unknown[]);
    const backup = await bytesOf(await exportDB(old));

    const target = freshDb();
    await restoreBackup(target, 'old-backup.json', backup);

    expect(await target.pages.toArray()).toEqual(fixture.expected.pages);
    expect(await target.raws.toArray()).toEqual(fixture.tables.raws);
    expect(await target.reviews.count()).toBe(fixture.tables.reviews.length);
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContainEqual(expect.stringMatching(/^galley-restore-/));
  });

  it('should replace what the database held before the restore', async () => {
    const backup = await bytesOf(await exportBackup(await populatedDb()));
    const target = freshDb();
    await target.tombstones.put({ id: 'stale', name: 'stale.txt', deletedAt: 9 });

    await restoreBackup(target, 'galley-backup.json', backup);

    expect(await target.tombstones.get('stale')).toBeUndefined();
    expect(await target.pages.count()).toBe(5);
  });

  describe('refusals, each leaving the database as it was', () => {
    async function expectRefused(bytes: Uint8Array, reason: RegExp) {
      const db = await populatedDb();
      const before = await bytesOf(await exportBackup(db));
      const refusal = restoreBackup(db, 'broken.json', bytes);
      await expect(refusal).rejects.toBeInstanceOf(BackupError);
      await expect(refusal).rejects.toThrow(/^broken\.json: /);
      await expect(refusal).rejects.toThrow(reason);
      expect(await bytesOf(await exportBackup(db))).toEqual(before);
    }

    it('should refuse a truncated backup', async () => {
      const whole = await bytesOf(await exportBackup(await populatedDb()));
      await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), /incomplete or damaged/);
    });

    it('should refuse a backup from a newer schema', async () => {
      const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
      backup.data.databaseVersion += 1;
      await expectRefused(new TextEncoder().encode(JSON.stringify(backup)), /newer Galley/);
    });

    it('should refuse a backup whose row counts do not match its header', async () => {
      const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
      backup.data.data.find((table) => table.tableName === 'raws')!.rows.pop();
      await expectRefused(new TextEncoder().encode(JSON.stringify(backup)), /raws should hold 5 rows but holds 4/);
    });

    for (const { file, reason } of hostileBackups()) {
      it(`should refuse the fixture ${file.name}`, async () => {
        await expectRefused(file.bytes, reason);
      });
    }

    it('should refuse a file that is not a backup', async () => {
      await expectRefused(new TextEncoder().encode('{"pages": []}'), /not a Galley backup/);
      await expectRefused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), /does not start as JSON/);
      await expectRefused(new Uint8Array(), /empty/);
    });

    it('should roll back every table when writing fails half-way', async () => {
      // Two rows with one key pass every check but make the bulk insert fail after earlier tables are written.
      const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
      const raws = backup.data.data.find((table) => table.tableName === 'raws')!;
      raws.rows[1] = raws.rows[0];
      await expectRefused(new TextEncoder().encode(JSON.stringify(backup)), /could not be written, so nothing was changed/);
    });
  });
});

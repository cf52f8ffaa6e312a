import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS } from '../../src-renderer/db/schema';
import { REVIEW_PARTS } from '../../src-renderer/db/review-rows';
import type { ReviewRecord } from '../../src-shared/model';
import {
  BACKUP_VERSION,
  BackupError,
  exportBackup,
  restoreBackup,
  type BackupProblem,
} from '../../src-renderer/services/backup';
import { i18n } from '../../src-renderer/i18n';
import { commitAction, ensureReview, travel } from '../../src-renderer/db/reviews';
import { cleanOf, editBlockText } from '../../src-shared/review';
import { importFiles } from '../../src-renderer/services/import';
import { createIssue } from '../../src-renderer/services/issues';
import { hostileBackups } from '../fixtures/hostile/cases';
import { withoutReviewRevision } from './helpers';

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

/** A library with something in every table and real desk history (one step done, one undone). */
async function populatedDb(): Promise<GalleyDB> {
  const db = freshDb();
  const seeds = readdirSync(SEEDS).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS, name))) }));
  const { added } = await importFiles(db, seeds);
  const pageId = added[0].id;
  await ensureReview(db, pageId);
  const typeInto = (text: string, at: number) =>
    commitAction(
      db,
      [pageId],
      ([page]) => {
        const article = cleanOf(page).articles.find((candidate) => candidate.blocks.length > 0)!;
        return editBlockText(page, article.id, article.blocks[0].id, text);
      },
      at,
    );
  await typeInto('改过的第一段。', 10_000);
  await typeInto('又改过的第一段。', 20_000);
  await travel(db, pageId, 'undo');
  await db.tombstones.put({ id: 'f'.repeat(64), name: 'gone.txt', deletedAt: 3 });
  await db.setMeta('language', 'zh');
  await db.setMeta('teamServer', 'https://couch.example.org/sckjb');
  // An issue and a step of its undo log: both travel with the backup.
  await createIssue(db, { paper: '四川科技报', date: '2023-10-18', number: null }, [added[2].id, added[1].id], 30_000);
  return db;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

interface BackupJson {
  galley?: unknown;
  data: {
    databaseVersion: number;
    tables: Array<{ name: string; rowCount: number }>;
    data: Array<{ tableName: string; rows: Array<Record<string, unknown>> }>;
  };
}

function backupJson(bytes: Uint8Array): BackupJson {
  return JSON.parse(new TextDecoder().decode(bytes));
}

function rowsOf(backup: BackupJson, table: string) {
  return backup.data.data.find((entry) => entry.tableName === table)!.rows;
}

/**
 * The backup changed by `change` and re-encoded without its checksum, as an old-format backup or
 * one edited by hand with a consistent header: what the row checks must catch on their own.
 */
async function edited(change: (backup: BackupJson) => void): Promise<Uint8Array> {
  const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
  delete backup.galley;
  change(backup);
  return new TextEncoder().encode(JSON.stringify(backup));
}

/** Every key of every object, in order of appearance, as written. */
function unsortedObjects(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unsortedObjects(item, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  const own = keys.some((key, i) => i > 0 && keys[i - 1] > key) ? [at] : [];
  return [...own, ...Object.entries(value).flatMap(([key, item]) => unsortedObjects(item, `${at}.${key}`))];
}

describe('backup', () => {
  it('should give byte-identical output when a restored backup with desk history is exported again', async () => {
    const source = await populatedDb();
    const first = await bytesOf(await exportBackup(source));
    const name = source.name;
    await source.delete();

    const target = freshDb(name);
    const report = await restoreBackup(target, 'galley-backup.json', first);
    const second = await bytesOf(await exportBackup(target));

    expect(report?.tables.find((table) => table.name === 'pages')?.rows).toBe(5);
    expect(new TextDecoder().decode(second)).toBe(new TextDecoder().decode(first));
    expect(await target.raws.count()).toBe(5);
    expect(await target.history.count()).toBe(2);
  });

  it('should write every object of the backup with its keys sorted, and a checksum', async () => {
    const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
    expect(rowsOf(backup, 'history')).toHaveLength(2);
    expect(unsortedObjects(backup)).toEqual([]);
    expect(backup.galley).toEqual({ backupVersion: BACKUP_VERSION, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('should restore a backup made by an earlier schema, upgraded as an installed database is', async () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/db/v1.json'), 'utf8'));
    const old = new Dexie(`backup-v1-${++counter}`);
    opened.push(old);
    declareVersions(
      old,
      SCHEMA_VERSIONS.filter(({ version }) => version <= fixture.version),
    );
    await old.open();
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows as unknown[]);
    const backup = await bytesOf(await exportDB(old));

    const target = freshDb();
    await restoreBackup(target, 'old-backup.json', backup);

    expect((await target.pages.toArray()).map(withoutReviewRevision)).toEqual(fixture.expected.pages);
    expect(await target.raws.toArray()).toEqual(fixture.tables.raws);
    expect(await target.reviews.count()).toBe(fixture.tables.reviews.length);
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContainEqual(
      expect.stringMatching(/^galley-restore-/),
    );
  });

  it('should hold reviews whole, as backups always have, though the library stores them in parts', async () => {
    const source = await populatedDb();
    const backup = backupJson(await bytesOf(await exportBackup(source)));
    expect(backup.data.tables.map((table) => table.name)).not.toContain(REVIEW_PARTS);
    const sizes = (reviews: unknown[]) =>
      (reviews as ReviewRecord[]).map(({ pageId, analysis }) => [
        pageId,
        analysis.chunks.length,
        analysis.edits.length,
      ]);
    expect(sizes(rowsOf(backup, 'reviews'))).toEqual(sizes(await source.reviews.toArray()));

    // The same file as schema version 6 wrote it (no checksum, as `edited` makes them): restored through the upgrade.
    const { galley: _checksum, ...asVersion6 } = backup;
    asVersion6.data.databaseVersion = 6;
    const target = freshDb();
    await restoreBackup(target, 'v6-backup.json', new TextEncoder().encode(JSON.stringify(asVersion6)));
    expect(await target.reviews.toArray()).toEqual(await source.reviews.toArray());
    expect(await target.reviewParts.count()).toBeGreaterThan(0);
  });

  it('should still read a backup of the current schema made before backups had a checksum', async () => {
    const backup = await edited(() => {});
    const target = freshDb();
    await restoreBackup(target, 'galley-backup.json', backup);
    expect(await target.pages.count()).toBe(5);
  });

  it('should replace what the database held before the restore', async () => {
    const backup = await bytesOf(await exportBackup(await populatedDb()));
    const target = freshDb();
    await target.tombstones.put({ id: 'stale', name: 'stale.txt', deletedAt: 9 });

    await restoreBackup(target, 'galley-backup.json', backup);

    expect(await target.tombstones.get('stale')).toBeUndefined();
    expect(await target.pages.count()).toBe(5);
  });

  it('should say how many pages a restore would remove, and change nothing when the user declines', async () => {
    const backup = await bytesOf(await exportBackup(await populatedDb()));
    const db = await populatedDb();
    await importFiles(db, [{ name: 'extra.txt', bytes: new TextEncoder().encode('本报讯 多出来的一页。\n') }]);
    const before = await bytesOf(await exportBackup(db));
    const confirm = vi.fn(() => false);

    expect(await restoreBackup(db, 'galley-backup.json', backup, confirm)).toBeNull();

    expect(confirm).toHaveBeenCalledWith({ pages: 5, removes: 1 });
    expect(await bytesOf(await exportBackup(db))).toEqual(before);
  });

  describe('refusals, each by name and translated, leaving the database as it was', () => {
    async function expectRefused(
      bytes: Uint8Array,
      problem: { key: BackupProblem['key'] | (string & {}); [field: string]: unknown },
    ) {
      const db = await populatedDb();
      const before = await bytesOf(await exportBackup(db));
      const confirm = vi.fn(() => true);
      const error = await restoreBackup(db, 'broken.json', bytes, confirm).then(
        () => expect.unreachable('the backup was restored'),
        (refusal: unknown) => refusal,
      );
      expect(error).toBeInstanceOf(BackupError);
      const { fileName, problem: reported } = error as BackupError;
      expect(fileName).toBe('broken.json');
      expect(reported).toMatchObject(problem);
      for (const language of ['zh', 'en']) {
        expect(i18n.exists(`scale:restore.problem.${reported.key}`, { lng: language })).toBe(true);
      }
      expect(confirm).not.toHaveBeenCalled();
      expect(await bytesOf(await exportBackup(db))).toEqual(before);
      return reported;
    }

    it('should refuse a truncated backup', async () => {
      const whole = await bytesOf(await exportBackup(await populatedDb()));
      await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), { key: 'damaged' });
    });

    it('should refuse a backup from a newer schema', async () => {
      await expectRefused(await edited((backup) => (backup.data.databaseVersion += 1)), { key: 'newer-database' });
    });

    it('should refuse a backup from a newer backup format', async () => {
      const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
      backup.galley = { backupVersion: BACKUP_VERSION + 1, sha256: '' };
      await expectRefused(new TextEncoder().encode(JSON.stringify(backup)), {
        key: 'newer-format',
        version: BACKUP_VERSION + 1,
      });
    });

    it('should refuse a backup whose row counts do not match its header', async () => {
      const bytes = await edited((backup) => rowsOf(backup, 'raws').pop());
      await expectRefused(bytes, { key: 'row-count', table: 'raws', expected: 5, actual: 4 });
    });

    it('should refuse a backup without its pages and raw texts, even with a header that agrees', async () => {
      const bytes = await edited((backup) => {
        const gone = (name: string) => name !== 'pages' && name !== 'raws';
        backup.data.tables = backup.data.tables.filter((table) => gone(table.name));
        backup.data.data = backup.data.data.filter((table) => gone(table.tableName));
      });
      await expectRefused(bytes, { key: 'missing-table', table: 'pages' });
    });

    it('should refuse a backup whose raw texts were emptied', async () => {
      const bytes = await edited((backup) => {
        rowsOf(backup, 'raws').length = 0;
        backup.data.tables.find((table) => table.name === 'raws')!.rowCount = 0;
      });
      await expectRefused(bytes, { key: 'page-without-text' });
    });

    it('should refuse a raw text that is not a string', async () => {
      const bytes = await edited((backup) => (rowsOf(backup, 'raws')[0].text = 12345));
      await expectRefused(bytes, { key: 'bad-row', table: 'raws', row: 1, field: 'text' });
    });

    it('should refuse a review whose analysis is not one', async () => {
      const bytes = await edited((backup) => (rowsOf(backup, 'reviews')[0].analysis = { chunks: 'x' }));
      await expectRefused(bytes, { key: 'bad-row', table: 'reviews', row: 1 });
    });

    it('should restore history entries as schema version 2 wrote them, which libraries upgraded since still hold', async () => {
      const bytes = await edited((backup) => {
        const [row] = rowsOf(backup, 'history');
        row.entry = { page: (row.entry as { pages: string[] }).pages[0], label: 'approve split' };
        // The export's type notes describe the entry replaced; a schema 2 entry needs none.
        delete row.$types;
      });
      const target = freshDb();
      await restoreBackup(target, 'galley-backup.json', bytes);
      expect(await target.history.toArray()).toContainEqual(
        expect.objectContaining({ entry: expect.objectContaining({ label: 'approve split' }) }),
      );
    });

    it('should refuse desk history that is not desk history', async () => {
      const bytes = await edited((backup) => (rowsOf(backup, 'history')[0].entry = { page: 'x', ops: [] }));
      await expectRefused(bytes, { key: 'bad-row', table: 'history' });
    });

    it('should refuse a raw text that is not the one its page was imported with', async () => {
      const bytes = await edited((backup) => {
        const raw = rowsOf(backup, 'raws')[0];
        raw.text = `${raw.text as string}多`;
      });
      await expectRefused(bytes, { key: 'hash-mismatch' });
    });

    it('should refuse a review that points outside its raw text', async () => {
      const bytes = await edited((backup) => {
        const { analysis } = rowsOf(backup, 'reviews')[0] as { analysis: { chunks: Array<{ end: number }> } };
        analysis.chunks[0].end = 1_000_000;
      });
      await expectRefused(bytes, { key: 'span-outside-text' });
    });

    it('should refuse a backup changed after it was made', async () => {
      const backup = backupJson(await bytesOf(await exportBackup(await populatedDb())));
      rowsOf(backup, 'pages')[0].name = 'renamed.txt';
      await expectRefused(new TextEncoder().encode(JSON.stringify(backup)), { key: 'checksum' });
    });

    it('should refuse a backup with a byte that is not UTF-8 instead of restoring a replacement character', async () => {
      const bytes = await bytesOf(await exportBackup(await populatedDb()));
      const at = new TextDecoder().decode(bytes).indexOf('本报讯');
      const damaged = bytes.slice();
      damaged[new TextEncoder().encode(new TextDecoder().decode(bytes).slice(0, at)).length] = 0xff;
      await expectRefused(damaged, { key: 'not-utf8' });
    });

    for (const { file, problem } of hostileBackups()) {
      it(`should refuse the fixture ${file.name}`, async () => {
        await expectRefused(file.bytes, problem);
      });
    }

    // One case each: every case builds and analyses a library of its own.
    it.each([
      ['JSON of another shape', new TextEncoder().encode('{"pages": []}'), 'not-backup'],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x00]), 'not-utf8'],
      ['text that is not JSON', new TextEncoder().encode('PNG image'), 'not-json'],
      ['an empty file', new Uint8Array(), 'empty'],
    ])('should refuse a file that is not a backup: %s', async (_what, bytes, key) => {
      await expectRefused(bytes, { key });
    });

    it('should roll back every table when writing fails half-way', async () => {
      // Two rows with one key pass every check but make the bulk insert fail after earlier tables are written.
      const bytes = await edited((backup) => {
        const tombstones = rowsOf(backup, 'tombstones');
        tombstones.push(tombstones[0]);
        backup.data.tables.find((table) => table.name === 'tombstones')!.rowCount += 1;
      });
      const db = await populatedDb();
      const before = await bytesOf(await exportBackup(db));
      await expect(restoreBackup(db, 'broken.json', bytes)).rejects.toMatchObject({ problem: { key: 'write-failed' } });
      expect(await bytesOf(await exportBackup(db))).toEqual(before);
    });
  });

  it('should have every refusal in both languages', () => {
    const problems = (language: string) =>
      Object.keys(i18n.getResource(language, 'scale', 'restore.problem') as object).sort();
    expect(problems('zh')).toEqual(problems('en'));
  });
});

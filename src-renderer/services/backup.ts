import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS } from '../db/schema';

/**
 * The whole database as one JSON file (dexie-export-import's format) and back. A restore is
 * checked completely before anything is written, then replaces every table in one transaction:
 * a bad backup changes nothing, a good one leaves exactly what was exported.
 */

export class BackupError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'BackupError';
  }
}

export interface RestoreReport {
  /** Rows restored per table, in the backup's table order. */
  tables: Array<{ name: string; rows: number }>;
}

/** The parts of dexie-export-import's file this module relies on. */
interface BackupFile {
  formatName: 'dexie';
  /** dexie-export-import's own format version; 1 is the only one it has written so far. */
  formatVersion: 1;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: Array<{ name: string; schema: string; rowCount: number }>;
    data: Array<{ tableName: string; inbound: boolean; rows: unknown[] }>;
  };
}

export async function exportBackup(db: GalleyDB): Promise<Blob> {
  return exportDB(db, { prettyJson: false });
}

export function backupFileName(now: Date = new Date()): string {
  return `galley-backup-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * importInto reads its input as a stream and would await Blob reads inside its transaction, which
 * lets IndexedDB commit early; handing it the already parsed file keeps every step in one
 * transaction, so a failure half-way rolls the cleared tables back too.
 */
function parsedStream(backup: BackupFile) {
  return { result: backup, eof: () => true, done: () => true, pullAsync: async () => backup, pullSync: () => backup };
}

export async function restoreBackup(db: GalleyDB, fileName: string, bytes: Uint8Array): Promise<RestoreReport> {
  const checked = readBackup(db, fileName, bytes);
  const backup = checked.data.databaseVersion < db.verno ? await upgradeBackup(checked, fileName) : checked;
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
      await importInto(db, parsedStream(backup), { acceptNameDiff: true });
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(fileName, `the backup could not be written, so nothing was changed (${detail})`);
  }
  return { tables: backup.data.tables.map((table) => ({ name: table.name, rows: table.rowCount })) };
}

/**
 * A backup from an earlier schema goes into a scratch database at its own version, which is then
 * opened at the current version so the very upgraders an installed database gets run on it, and
 * exported again. The user's database is untouched until the upgraded backup is complete.
 */
async function upgradeBackup(backup: BackupFile, fileName: string): Promise<BackupFile> {
  const version = backup.data.databaseVersion;
  const scratch = `galley-restore-${Date.now()}`;
  const old = new Dexie(scratch);
  declareVersions(old, SCHEMA_VERSIONS.filter((schema) => schema.version <= version));
  try {
    await old.open();
    await importInto(old, parsedStream(backup), { acceptNameDiff: true });
    old.close();
    const upgraded = new GalleyDB(scratch);
    try {
      await upgraded.open();
      return JSON.parse(await (await exportBackup(upgraded)).text()) as BackupFile;
    } finally {
      upgraded.close();
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackupError(fileName, `the backup (database version ${version}) could not be upgraded, so nothing was changed (${detail})`);
  } finally {
    old.close();
    await Dexie.delete(scratch);
  }
}

/** Every check that can be made without writing: format, completeness, schema version, tables. */
function readBackup(db: GalleyDB, fileName: string, bytes: Uint8Array): BackupFile {
  const fail = (reason: string) => new BackupError(fileName, reason);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw fail('the file is empty');
  // A cut-short backup still starts with its header; anything else was never a backup.
  if (!text.trimStart().startsWith('{')) throw fail('this is not a Galley backup (the file does not start as JSON)');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw fail(`the backup is incomplete or damaged: it is not whole JSON (${detail}); was the file cut short?`);
  }
  if (!isBackupFile(json)) throw fail('this is not a Galley backup (no Dexie export header)');
  const { databaseVersion, tables, data } = json.data;
  if (databaseVersion > db.verno) {
    throw fail(
      `the backup was made by a newer Galley (database version ${databaseVersion}); ` +
        `this Galley reads version ${db.verno}. Update Galley, then restore it.`,
    );
  }
  if (!SCHEMA_VERSIONS.some((schema) => schema.version === databaseVersion)) {
    throw fail(`this is not a Galley backup (database version ${databaseVersion} never existed)`);
  }
  const known = new Set(db.tables.map((table) => table.name));
  const unknown = tables.map((table) => table.name).filter((name) => !known.has(name));
  if (unknown.length > 0) throw fail(`this is not a Galley backup (unknown tables: ${unknown.join(', ')})`);
  for (const table of tables) {
    const rows = data.find((entry) => entry.tableName === table.name)?.rows.length ?? 0;
    if (rows !== table.rowCount) {
      throw fail(`the backup is incomplete: table ${table.name} should hold ${table.rowCount} rows but holds ${rows}`);
    }
  }
  return json;
}

function isBackupFile(value: unknown): value is BackupFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<BackupFile>;
  const data = file.data;
  return (
    file.formatName === 'dexie' &&
    file.formatVersion === 1 &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.databaseVersion === 'number' &&
    Array.isArray(data.tables) &&
    data.tables.every((table) => typeof table?.name === 'string' && typeof table.rowCount === 'number') &&
    Array.isArray(data.data) &&
    data.data.every((entry) => typeof entry?.tableName === 'string' && Array.isArray(entry.rows))
  );
}

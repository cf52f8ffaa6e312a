import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import { contentHashOfPageId, type SourceEncoding } from '../../src-shared/model';
import { canonicalJson } from '../../src-shared/export/json';
import { contentHash } from '../../src-shared/pipeline/decode';
import { declareVersions, GalleyDB, SCHEMA_VERSIONS, type PageRow } from '../db/schema';
import { REVIEW_PARTS } from '../db/review-rows';
import { isBackupTable, rowSchema } from './backup-rows';
import { errorText } from '../error-text';

/**
 * The whole database as one JSON file (dexie-export-import's format, keys sorted, with a checksum)
 * and back. A restore checks everything before anything is written (format, checksum, every row
 * against its table's schema, and that pages, texts and reviews belong together), tells the caller
 * how many pages it would remove, then replaces every table in one transaction: a bad backup
 * changes nothing, a good one leaves exactly what was exported.
 */

/** Why a backup was refused; `key` names the message in the `scale:restore.problem` strings. */
export type BackupProblem =
  | { key: 'empty' }
  | { key: 'not-utf8' }
  | { key: 'not-json' }
  | { key: 'damaged'; detail: string }
  | { key: 'not-backup' }
  | { key: 'newer-format'; version: number; supported: number }
  | { key: 'newer-database'; version: number; supported: number }
  | { key: 'unknown-database'; version: number }
  | { key: 'unknown-tables'; tables: string }
  | { key: 'missing-table'; table: string }
  | { key: 'row-count'; table: string; expected: number; actual: number }
  | { key: 'checksum' }
  | { key: 'bad-row'; table: string; row: number; field: string; issue: string }
  | { key: 'page-without-text'; name: string }
  | { key: 'text-without-page'; id: string }
  | { key: 'orphan-row'; table: string; id: string }
  | { key: 'hash-mismatch'; name: string }
  | { key: 'span-outside-text'; name: string }
  | { key: 'write-failed'; detail: string }
  | { key: 'upgrade-failed'; version: number; detail: string };

export class BackupError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: BackupProblem,
  ) {
    super(`${fileName}: ${problem.key} ${JSON.stringify(problem)}`);
    this.name = 'BackupError';
  }
}

export interface RestoreReport {
  /** Rows restored per table, in the backup's table order. */
  tables: Array<{ name: string; rows: number }>;
}

/** A backup that passed every check, not yet written. */
export interface RestorePlan {
  /** Pages the backup holds. */
  pages: number;
  /** Pages in the library now that the backup does not hold: the restore removes them. */
  removes: number;
}

/** Raised with each format change Galley makes on top of dexie-export-import's; files without one are 1. */
export const BACKUP_VERSION = 2;

interface TableData {
  tableName: string;
  inbound: boolean;
  rows: unknown[];
}

/** The parts of dexie-export-import's file this module relies on, plus Galley's own header. */
interface BackupFile {
  formatName: 'dexie';
  /** dexie-export-import's own format version; 1 is the only one it has written so far. */
  formatVersion: 1;
  /** Absent in backups made before BACKUP_VERSION 2. */
  galley?: { backupVersion: number; sha256: string };
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: Array<{ name: string; schema: string; rowCount: number }>;
    data: TableData[];
  };
}

async function checksum(data: BackupFile['data']): Promise<string> {
  return contentHash(new TextEncoder().encode(canonicalJson(data)));
}

/**
 * Keys are sorted at every depth: the same library always gives the same bytes, whatever order
 * IndexedDB kept. A page's review revision is left out: it only tells this install's memory which
 * review is current, and a restore writes the reviews, which gives them new ones.
 */
export async function exportBackup(db: GalleyDB): Promise<Blob> {
  const withoutRevision = (table: string, value: PageRow) => {
    if (table !== 'pages') return { value };
    const { reviewRevision: _revision, ...page } = value;
    return { value: page };
  };
  // Reviews are exported whole, as every backup held them: their parts are only how this install stores them.
  const exported = JSON.parse(
    await (await exportDB(db, { prettyJson: false, transform: withoutRevision, skipTables: [REVIEW_PARTS] })).text(),
  ) as BackupFile;
  const file: BackupFile = {
    ...exported,
    galley: { backupVersion: BACKUP_VERSION, sha256: await checksum(exported.data) },
  };
  return new Blob([canonicalJson(file)], { type: 'application/json' });
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

/**
 * Replaces the library with the backup once it has passed every check and `confirm` (told how many
 * pages would go) agrees. Returns null when the user declined; throws BackupError when refused.
 */
export async function restoreBackup(
  db: GalleyDB,
  fileName: string,
  bytes: Uint8Array,
  confirm: (plan: RestorePlan) => boolean | Promise<boolean> = () => true,
): Promise<RestoreReport | null> {
  const checked = await readBackup(db, fileName, bytes);
  if (!(await confirm(await planRestore(db, checked)))) return null;
  const backup = checked.data.databaseVersion < db.verno ? await upgradeBackup(checked, fileName) : checked;
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
      await importInto(db, parsedStream(backup), { acceptNameDiff: true });
    });
  } catch (error) {
    throw new BackupError(fileName, {
      key: 'write-failed',
      detail: errorText(error),
    });
  }
  return { tables: backup.data.tables.map((table) => ({ name: table.name, rows: table.rowCount })) };
}

async function planRestore(db: GalleyDB, backup: BackupFile): Promise<RestorePlan> {
  const restored = new Set(rowsOf(backup, 'pages').map((page) => (page as { id: string }).id));
  const current = await db.pages.toCollection().primaryKeys();
  return { pages: restored.size, removes: current.filter((id) => !restored.has(id)).length };
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
  declareVersions(
    old,
    SCHEMA_VERSIONS.filter((schema) => schema.version <= version),
  );
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
    throw new BackupError(fileName, {
      key: 'upgrade-failed',
      version,
      detail: errorText(error),
    });
  } finally {
    old.close();
    await Dexie.delete(scratch);
  }
}

/** Every check that can be made without writing. */
async function readBackup(db: GalleyDB, fileName: string, bytes: Uint8Array): Promise<BackupFile> {
  const fail = (problem: BackupProblem) => new BackupError(fileName, problem);
  let text: string;
  try {
    // `stream` leaves a character cut off at the very end to JSON.parse, which reports the file as cut short.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    throw fail({ key: 'not-utf8' });
  }
  if (text.trim() === '') throw fail({ key: 'empty' });
  // A cut-short backup still starts as a JSON object; anything else was never a backup.
  if (!text.trimStart().startsWith('{')) throw fail({ key: 'not-json' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fail({ key: 'damaged', detail: errorText(error) });
  }
  if (!isBackupFile(json)) throw fail({ key: 'not-backup' });
  const backupVersion = json.galley?.backupVersion ?? 1;
  if (backupVersion > BACKUP_VERSION)
    throw fail({ key: 'newer-format', version: backupVersion, supported: BACKUP_VERSION });
  const { databaseVersion, tables, data } = json.data;
  if (databaseVersion > db.verno) throw fail({ key: 'newer-database', version: databaseVersion, supported: db.verno });
  const schema = SCHEMA_VERSIONS.filter((version) => version.version <= databaseVersion);
  if (schema.at(-1)?.version !== databaseVersion) throw fail({ key: 'unknown-database', version: databaseVersion });
  if (json.galley && json.galley.sha256 !== (await checksum(json.data))) throw fail({ key: 'checksum' });

  const unknown = tables
    .map((table) => table.name)
    .filter((name) => !isBackupTable(name) || !db.tables.some((table) => table.name === name));
  if (unknown.length > 0) throw fail({ key: 'unknown-tables', tables: unknown.join(', ') });
  const expected = new Set(schema.flatMap((version) => Object.keys(version.stores)).filter(isBackupTable));
  for (const name of expected) {
    if (!tables.some((table) => table.name === name) || !data.some((entry) => entry.tableName === name))
      throw fail({ key: 'missing-table', table: name });
  }
  for (const table of tables) {
    const rows = data.find((entry) => entry.tableName === table.name)?.rows ?? [];
    if (rows.length !== table.rowCount)
      throw fail({ key: 'row-count', table: table.name, expected: table.rowCount, actual: rows.length });
    if (!isBackupTable(table.name)) continue;
    const rowSchemaOfTable = rowSchema(table.name, databaseVersion);
    for (const [row, value] of rows.entries()) {
      const result = rowSchemaOfTable.safeParse(revived(value));
      if (!result.success) {
        const [issue] = result.error.issues;
        throw fail({
          key: 'bad-row',
          table: table.name,
          row: row + 1,
          field: issue.path.join('.') || '—',
          issue: issue.message,
        });
      }
    }
  }
  const broken = await brokenInvariant(json);
  if (broken) throw fail(broken);
  return json;
}

/**
 * dexie-export-import writes what JSON cannot hold as a placeholder named in the row's `$types`
 * (key path → type). Galley rows hold three such things: `undefined` (an optional field written as
 * undefined), an object referenced twice (`#`: an op and its inverse share one edit) and arrays it
 * marks; the row is checked as it will be read back. Any other type is left in place, so the
 * schema refuses the row.
 */
function revived(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !Object.hasOwn(row, '$types')) return row;
  const { $types: types, ...fields } = row as { $types: unknown };
  if (typeof types !== 'object' || types === null) return row;
  const value: Record<string, unknown> = structuredClone(fields);
  const keysOf = (path: string) => path.split('.').map((key) => key.replace(/~1/g, '.').replace(/~0/g, '~'));
  const at = (keys: readonly string[]) =>
    keys.reduce<unknown>(
      (parent, key) =>
        typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined,
      value,
    );
  for (const [path, type] of Object.entries(types)) {
    if (type === 'arrayNonindexKeys') continue;
    const keys = keysOf(path);
    const last = keys.pop()!;
    const parent = at(keys);
    if (typeof parent !== 'object' || parent === null) return row;
    const placeholder = (parent as Record<string, unknown>)[last];
    if (type === 'undef') (parent as Record<string, unknown>)[last] = undefined;
    else if (type === '#' && typeof placeholder === 'string')
      (parent as Record<string, unknown>)[last] = at(keysOf(placeholder.slice(1)));
    else return row;
  }
  return value;
}

function rowsOf(backup: BackupFile, table: string): unknown[] {
  return backup.data.data.find((entry) => entry.tableName === table)?.rows ?? [];
}

/**
 * The rows agree with each other: every page has its text and every text its page, a page's id is
 * the hash of the bytes its text was decoded from (a copy's id: its source's plus `-n`), and every review
 * belongs to a page and points inside its text. Rows are schema-checked already.
 */
async function brokenInvariant(backup: BackupFile): Promise<BackupProblem | null> {
  const pages = rowsOf(backup, 'pages') as Array<{ id: string; name: string; size: number; encoding: SourceEncoding }>;
  const raws = new Map(
    (rowsOf(backup, 'raws') as Array<{ id: string; text: string }>).map((raw) => [raw.id, raw.text]),
  );
  const pageIds = new Set(pages.map((page) => page.id));
  for (const page of pages) {
    const text = raws.get(page.id);
    if (text === undefined) return { key: 'page-without-text', name: page.name };
    const bytes = encodedAs(text, page.encoding);
    if (bytes && (bytes.length !== page.size || (await contentHash(bytes)) !== contentHashOfPageId(page.id)))
      return { key: 'hash-mismatch', name: page.name };
  }
  for (const id of raws.keys()) if (!pageIds.has(id)) return { key: 'text-without-page', id };
  const reviews = rowsOf(backup, 'reviews') as Array<{
    pageId: string;
    analysis: { chunks: Span[]; edits: Span[]; flags: Span[] };
  }>;
  for (const { pageId, analysis } of reviews) {
    const text = raws.get(pageId);
    if (text === undefined) return { key: 'orphan-row', table: 'reviews', id: pageId };
    const spans = [...analysis.chunks, ...analysis.edits, ...analysis.flags];
    if (spans.some((span) => span.start > span.end || span.end > text.length)) {
      return { key: 'span-outside-text', name: pages.find((page) => page.id === pageId)!.name };
    }
  }
  return null;
}

interface Span {
  start: number;
  end: number;
}

/**
 * The bytes a text was decoded from, where the encoding can be reversed here; GB18030 cannot (no
 * encoder in the browser), so those pages rely on the backup's checksum alone.
 */
function encodedAs(text: string, encoding: SourceEncoding): Uint8Array | null {
  const utf8 = new TextEncoder().encode(text);
  switch (encoding) {
    case 'utf-8':
      return utf8;
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    case 'utf-16le':
    case 'utf-16be': {
      const bytes = new Uint8Array(2 + text.length * 2);
      const view = new DataView(bytes.buffer);
      const littleEndian = encoding === 'utf-16le';
      view.setUint16(0, 0xfeff, littleEndian);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
      return bytes;
    }
    case 'gb18030':
      return null;
  }
}

function isBackupFile(value: unknown): value is BackupFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<BackupFile>;
  const data = file.data;
  const galley = file.galley;
  return (
    file.formatName === 'dexie' &&
    file.formatVersion === 1 &&
    (galley === undefined ||
      (typeof galley === 'object' &&
        galley !== null &&
        typeof galley.backupVersion === 'number' &&
        typeof galley.sha256 === 'string')) &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.databaseVersion === 'number' &&
    Array.isArray(data.tables) &&
    data.tables.every((table) => typeof table?.name === 'string' && typeof table.rowCount === 'number') &&
    Array.isArray(data.data) &&
    data.data.every((entry) => typeof entry?.tableName === 'string' && Array.isArray(entry.rows))
  );
}

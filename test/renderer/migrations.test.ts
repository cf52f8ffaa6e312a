import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleyDB, SCHEMA_VERSIONS } from '../../src-renderer/db/schema';
import { REVIEW_PARTS } from '../../src-renderer/db/review-rows';
import { storeAtVersion, withoutReviewRevision } from './helpers';

/**
 * test/fixtures/db/v<N>.json (and v<N>-<what>.json, for libraries of another shape) holds rows exactly as schema version N stored them, and what every
 * table must hold once the database is opened at the current version (`expected`, per table;
 * a table not listed there must come through unchanged).
 */
interface DbFixture {
  version: number;
  about: string;
  tables: Record<string, unknown[]>;
  expected: Record<string, unknown[]>;
}

const FIXTURES = join(import.meta.dirname, '../fixtures/db');
const fixtures: DbFixture[] = readdirSync(FIXTURES)
  .filter((name) => /^v\d+(-[a-z]+)?\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as DbFixture)
  .sort((a, b) => a.version - b.version);
const current = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
const opened: Dexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('schema migrations', () => {
  it('should have a fixture for every earlier schema version', () => {
    const earlier = SCHEMA_VERSIONS.map(({ version }) => version).filter((version) => version < current);
    expect([...new Set(fixtures.map(({ version }) => version))]).toEqual(earlier);
  });

  for (const fixture of fixtures) {
    it(`should upgrade a version ${fixture.version} database (${fixture.about}) to version ${current} keeping every row`, async () => {
      const name = `migrate-from-v${fixture.version}-${fixtures.indexOf(fixture)}`;
      await storeAtVersion(name, fixture);

      const db = new GalleyDB(name);
      opened.push(db);
      await db.open();

      expect(db.verno).toBe(current);
      // Reviews are compared as every reader gets them, whole; how they lie in parts is the reviews table's own business.
      for (const table of db.tables.filter(({ name }) => name !== REVIEW_PARTS)) {
        const expected = fixture.expected[table.name] ?? fixture.tables[table.name] ?? [];
        const rows = await table.toArray();
        const stored = table.name === 'pages' ? rows.map(withoutReviewRevision) : rows;
        expect(stored, `table ${table.name}`).toEqual(expected);
      }
    });
  }
});

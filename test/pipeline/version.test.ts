import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePage, PIPELINE_VERSION } from '../../src-shared/pipeline';
import { golden } from '../golden';

/**
 * Stored analyses record the `PIPELINE_VERSION` that made them, so any change in what the
 * pipeline outputs for the same raw text must bump it. test/fixtures/pipeline-output.json holds the
 * version and a hash of the whole analysis (reasons and confidences included) of every fixture
 * and seed page. Hashed per page so that adding a page needs no bump, and a failure names the
 * pages that changed.
 */
const root = join(__dirname, '../..');
const RECORD = join(root, 'test/fixtures/pipeline-output.json');
const REFRESH = 'UPDATE=1 npx vitest run test/pipeline/version.test.ts';
const BUMP = `bump PIPELINE_VERSION in src-shared/pipeline/index.ts, then ${REFRESH}`;

interface OutputRecord {
  version: number;
  pages: Record<string, string>;
}

const PAGE_DIRS: readonly [dir: string, suffix: string][] = [
  ['seeds', '.txt'],
  ['test/fixtures/pipeline', '.raw.txt'],
  ['test/fixtures/eval', '.raw.txt'],
  ['test/fixtures/eval-blind', '.raw.txt'],
];

function outputHashes(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const [dir, suffix] of PAGE_DIRS) {
    for (const file of readdirSync(join(root, dir))
      .filter((name) => name.endsWith(suffix))
      .sort()) {
      const { pipelineVersion, ...output } = analyzePage(readFileSync(join(root, dir, file), 'utf8'));
      pages[`${dir}/${file}`] = createHash('sha256').update(JSON.stringify(output)).digest('hex').slice(0, 16);
    }
  }
  return pages;
}

function changedPages(stored: OutputRecord, pages: Record<string, string>): string[] {
  return Object.keys(pages).filter((page) => page in stored.pages && stored.pages[page] !== pages[page]);
}

const current: OutputRecord = { version: PIPELINE_VERSION, pages: outputHashes() };
const previous = existsSync(RECORD) ? (JSON.parse(readFileSync(RECORD, 'utf8')) as OutputRecord) : null;
if (
  process.env.UPDATE === '1' &&
  previous?.version === PIPELINE_VERSION &&
  changedPages(previous, current.pages).length
) {
  throw new Error(
    `the output changed under the same PIPELINE_VERSION ${PIPELINE_VERSION}: refusing to refresh the record; ${BUMP}`,
  );
}
const recorded = JSON.parse(golden(RECORD, `${JSON.stringify(current, null, 2)}\n`, REFRESH)) as OutputRecord;

describe('pipeline version', () => {
  it('should hash a page from every fixture directory', () => {
    for (const [dir] of PAGE_DIRS)
      expect(
        Object.keys(current.pages).some((page) => page.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);
  });

  it('should record the current PIPELINE_VERSION', () => {
    expect(recorded.version, `PIPELINE_VERSION changed but the record did not: ${REFRESH}`).toBe(PIPELINE_VERSION);
  });

  it('should give the recorded output unless PIPELINE_VERSION was bumped', () => {
    const changed = recorded.version === PIPELINE_VERSION ? changedPages(recorded, current.pages) : [];
    expect(
      changed,
      `the output changed on ${changed.length} pages (${changed.slice(0, 3).join(', ')}…): ${BUMP}`,
    ).toEqual([]);
  });

  it('should record exactly the pages there are', () => {
    expect(Object.keys(recorded.pages).sort(), `pages were added or removed (no bump needed): ${REFRESH}`).toEqual(
      Object.keys(current.pages).sort(),
    );
  });
});

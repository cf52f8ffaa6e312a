import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOcrFlag } from '../../src-shared/model/analysis';
import { cleanPage, type PageResult } from '../../src-shared/pipeline';
import { golden } from '../golden';

/**
 * Each `<name>.raw.txt` in test/fixtures/pipeline sits beside `<name>.expected.json`, the page as
 * the CLI would print it (articles, furniture, edits with raw offsets, flags). A missing
 * expectation fails; `UPDATE=1` rewrites them all, `UPDATE=<name>` just that one (or writes a new
 * one). Review the JSON diff.
 * Character-level suspects come from the lint stage, which has its own tests: they are left out
 * here so that improving the lint does not rewrite these structural expectations.
 */
function structural(result: PageResult): PageResult {
  return {
    ...result,
    edits: result.edits.filter((edit) => !edit.rule.startsWith('ocr.')),
    flags: result.flags.filter((flag) => !isOcrFlag(flag) && flag.kind !== 'name-variant'),
  };
}

const dir = join(__dirname, '../fixtures/pipeline');
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.raw.txt'))
  .map((file) => file.slice(0, -'.raw.txt'.length))
  .sort();

describe('pipeline fixtures', () => {
  it('should have fixtures to run', () => {
    expect(names.length).toBeGreaterThan(15);
  });

  for (const name of names) {
    it(`should clean ${name} as expected`, () => {
      const raw = readFileSync(join(dir, `${name}.raw.txt`), 'utf8');
      const actual = structural(cleanPage(`${name}.raw.txt`, raw));
      const expected = golden(join(dir, `${name}.expected.json`), `${JSON.stringify(actual, null, 2)}\n`, `UPDATE=${name} npx vitest run test/pipeline/fixtures.test.ts`, name);
      expect(actual).toEqual(JSON.parse(expected));
    });
  }
});

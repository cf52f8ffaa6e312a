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
 * The expectations hold structure, not wording or tuning: no `reason`/`message` text, and no
 * confidences, which are constants set by hand per rule branch (what a branch decides shows in
 * the rule, the status and any low-confidence flag, which are kept). A change to those still
 * fails test/pipeline/version.test.ts, which hashes the whole analysis.
 */
function structural(result: PageResult) {
  return {
    ...result,
    articles: result.articles.map(({ split, ...article }) => ({ ...article, split: { status: split.status } })),
    edits: result.edits.filter((edit) => !edit.rule.startsWith('ocr.')).map(({ reason, confidence, ...edit }) => edit),
    flags: result.flags
      .filter((flag) => !isOcrFlag(flag) && flag.kind !== 'name-variant')
      .map(({ message, confidence, ...flag }) => flag),
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
      const expected = golden(
        join(dir, `${name}.expected.json`),
        `${JSON.stringify(actual, null, 2)}\n`,
        `UPDATE=${name} npx vitest run test/pipeline/fixtures.test.ts`,
        name,
      );
      expect(actual).toEqual(JSON.parse(expected));
    });
  }
});

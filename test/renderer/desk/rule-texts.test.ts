import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src-shared/pipeline';
import en from '../../../src-renderer/i18n/locales/en/desk.json';
import zh from '../../../src-renderer/i18n/locales/zh/desk.json';

const ROOT = join(import.meta.dirname, '../../..');

function pagesIn(folder: string, suffix: string) {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith(suffix))
    .map((name) => ({ id: name, raw: readFileSync(join(ROOT, folder, name), 'utf8') }));
}

function lookup(tree: unknown, rule: string): unknown {
  return rule.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('rule texts in the desk', () => {
  // Every edit and flag the pipeline makes on the seeds and fixtures is explained in both languages.
  const analyses = analyzeCorpus([...pagesIn('seeds', '.txt'), ...pagesIn('test/fixtures/pipeline', '.raw.txt')]);
  const rules = new Set(
    analyses.flatMap((analysis) => [...analysis.edits, ...analysis.flags].map((item) => item.rule)),
  );

  it('should find the rules it checks', () => {
    expect(rules.size).toBeGreaterThan(10);
  });

  it.each([...rules].sort())('should explain %s in Chinese and English', (rule) => {
    expect(typeof lookup(zh.rules, rule), rule).toBe('string');
    expect(typeof lookup(en.rules, rule), rule).toBe('string');
  });
});

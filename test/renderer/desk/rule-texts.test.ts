import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus, analyzePage } from '../../../src-shared/pipeline';
import { materialize } from '../../../src-shared/model';
import {
  correctFlag,
  editBlockText,
  moveBlockBy,
  setArticleCaptions,
  setArticleField,
  setBlockRole,
  type HistoryEntry,
} from '../../../src-shared/review';
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

  // The editor's own edits carry English reasons ("moved by the editor"); their cards say them in words of the interface.
  const raw = readFileSync(join(ROOT, 'seeds/000_72052502c9dc2eec.txt'), 'utf8');
  const page = { pageId: 'p', raw, analysis: analyzePage(raw) };
  const article = materialize(page.raw, page.analysis).articles[0];
  const [first, second] = article.blocks;
  const steps: HistoryEntry[] = [
    editBlockText(page, article.id, first.id, `${first.text}。`),
    setBlockRole(page, article.id, second.id, 'subhead'),
    moveBlockBy(page, article.id, second.id, -1),
    setArticleField(page, article.id, 'kicker', '引题'),
    setArticleCaptions(page, article.id, ['图片说明']),
    correctFlag(page, page.analysis.flags[0].id, '正'),
  ];
  const editorRules = new Set(
    steps.flatMap((step) =>
      step.patches.flatMap((p) => p.forward.flatMap((op) => (op.type === 'add-edit' ? [op.edit.rule] : []))),
    ),
  );

  it('should find an edit in each editor action it checks', () => {
    expect(editorRules.size).toBe(steps.length);
  });

  it.each([...editorRules].sort())("should explain the editor's %s in Chinese and English", (rule) => {
    expect(typeof lookup(zh.rules, rule), rule).toBe('string');
    expect(typeof lookup(en.rules, rule), rule).toBe('string');
  });
});

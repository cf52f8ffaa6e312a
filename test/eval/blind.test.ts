import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateDir, summarize } from './evaluate';

/**
 * Pages annotated blind (written without reading the pipeline's rules or fixtures), so they measure
 * how the rules generalise. Only what the pipeline already gets right is held here, so a regression
 * turns CI red; the known misses are the pipeline's to-do list, not something this test pretends is
 * fixed. List them: `npx tsx test/eval/evaluate.ts --dir test/fixtures/eval-blind --verbose`.
 */
const BLIND_DIR = fileURLToPath(new URL('../fixtures/eval-blind', import.meta.url));

/** Pages the pipeline currently cleans exactly as the editor did. */
const CLEAN_PAGES = ['blind-d'];

describe('pipeline on the blind held-out pages', () => {
  const scores = evaluateDir(BLIND_DIR);
  const summary = summarize(scores);
  const detail = JSON.stringify(scores.map((score) => ({ page: score.name, mismatches: score.mismatches })), null, 1);

  it('should have four held-out pages', () => {
    expect(scores.map((score) => score.name)).toEqual(['blind-a', 'blind-b', 'blind-c', 'blind-d']);
    expect(scores.every((score) => score.heldOut)).toBe(true);
  });

  it('should attach every caption to its article', () => {
    expect(summary.fields.captions, detail).toBe(1);
  });

  it('should repeat no paragraph', () => {
    expect(summary.repeated, detail).toBe(0);
  });

  it('should find every headline on the pages whose headlines it already finds', () => {
    for (const score of scores.filter((s) => ['blind-c', 'blind-d'].includes(s.name))) {
      expect(score.titles, score.name).toEqual({ matched: score.titles.gold, predicted: score.titles.gold, gold: score.titles.gold });
    }
  });

  it('should keep furniture out of articles on the pages where it already does', () => {
    for (const score of scores.filter((s) => s.name !== 'blind-c')) expect(score.furnitureInArticles, score.name).toBe(0);
  });

  it('should clean the pages it already cleans with no mismatch at all', () => {
    for (const score of scores.filter((s) => CLEAN_PAGES.includes(s.name))) {
      expect(score.mismatches, score.name).toEqual([]);
      expect(score.bodyErrors, score.name).toBe(0);
    }
  });
});

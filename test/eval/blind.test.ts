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
const CLEAN_PAGES = ['blind-a', 'blind-d'];
/** Pages whose paragraphs it cuts exactly as the editor did (blind-c keeps a displaced fragment where it landed). */
const PARAGRAPHS_RIGHT = ['blind-a', 'blind-b', 'blind-d'];

describe('pipeline on the blind held-out pages', () => {
  const scores = evaluateDir(BLIND_DIR);
  const summary = summarize(scores);
  const detail = JSON.stringify(scores.map((score) => ({ page: score.name, mismatches: score.mismatches })), null, 1);

  it('should have four held-out pages', () => {
    expect(scores.map((score) => score.name)).toEqual(['blind-a', 'blind-b', 'blind-c', 'blind-d']);
    expect(scores.every((score) => score.heldOut)).toBe(true);
  });

  it('should get every byline, section, kicker and caption right', () => {
    expect(summary.fields, detail).toEqual({ byline: 1, section: 1, kicker: 1, captions: 1 });
  });

  it('should cut paragraphs as the editor did on the pages where it already does', () => {
    for (const score of scores.filter((s) => PARAGRAPHS_RIGHT.includes(s.name))) {
      expect(score.boundaries, score.name).toEqual({ matched: score.boundaries.gold, predicted: score.boundaries.gold, gold: score.boundaries.gold });
    }
  });

  it('should repeat no paragraph', () => {
    expect(summary.repeated, detail).toBe(0);
  });

  it('should find every headline', () => {
    for (const score of scores) {
      expect(score.titles, score.name).toEqual({ matched: score.titles.gold, predicted: score.titles.gold, gold: score.titles.gold });
    }
  });

  it('should keep furniture out of articles', () => {
    for (const score of scores) expect(score.furnitureInArticles, score.name).toBe(0);
  });

  it('should clean the pages it already cleans with no mismatch at all', () => {
    for (const score of scores.filter((s) => CLEAN_PAGES.includes(s.name))) {
      expect(score.mismatches, score.name).toEqual([]);
      expect(score.bodyErrors, score.name).toBe(0);
    }
  });
});

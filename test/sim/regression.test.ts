import { describe, expect, it } from 'vitest';
import { byLayout, scoreSimPage, summarizeSim } from '../eval/simulated';
import { LAYOUTS, simulatePages, type Layout } from './index';

/**
 * A regression floor on a fixed slice of simulated pages (14 per layout). The figures are the
 * pipeline's on this slice at main 7881f58 (`npm run eval -- --seed 9000 --count 42` prints
 * them), less a small margin; raise a floor when the pipeline improves, never lower one to let a
 * change through. Full figures over 600 pages: docs/evaluation.md.
 */
interface Floor {
  titleF1: number;
  boundaryF1: number;
  /** A ceiling: the body character error rate may not rise above it. */
  cer: number;
  byline: number;
  ocrRecall: number;
  /** Among splits proposed with confidence ≥ 0.95, the fraction that are right. */
  rightAtHighConfidence: number;
  /** Article starts (after the first) that a proposed split marks. */
  splitRecall: number;
  /** Ceiling on furniture texts left inside articles over the slice. */
  furnitureInArticles: number;
}

const FLOORS: Record<Layout, Floor> = {
  // today: title 0.940, para 0.830, CER 25.7%, byline 92.9%, OCR recall 76.1%, right ≥ 0.95 97.8%, starts 98.2%, furniture 0
  'blank-line': { titleF1: 0.91, boundaryF1: 0.8, cer: 0.28, byline: 0.88, ocrRecall: 0.71, rightAtHighConfidence: 0.95, splitRecall: 0.95, furnitureInArticles: 2 },
  // today: title 0.462, para 0.345, CER 146%, byline 58.3%, OCR recall 74.3%, right ≥ 0.95 94.7%, starts 38.9%, furniture 14
  'hard-wrapped': { titleF1: 0.43, boundaryF1: 0.31, cer: 1.5, byline: 0.53, ocrRecall: 0.69, rightAtHighConfidence: 0.9, splitRecall: 0.34, furnitureInArticles: 17 },
  // today: title 0.691, para 0.460, CER 85.0%, byline 66.0%, OCR recall 81.0%, right ≥ 0.95 82.8%, starts 61.1%, furniture 5
  'column-wrapped': { titleF1: 0.66, boundaryF1: 0.43, cer: 0.88, byline: 0.61, ocrRecall: 0.76, rightAtHighConfidence: 0.78, splitRecall: 0.56, furnitureInArticles: 8 },
};

const groups = byLayout(simulatePages({ seed: 9000, count: 42 }).map(scoreSimPage));

describe.each(LAYOUTS)('pipeline on simulated %s pages (fixed slice)', (layout) => {
  const floor = FLOORS[layout];
  const summary = summarizeSim(groups.get(layout)!);

  it('should cover fourteen pages', () => {
    expect(summary.pages).toBe(14);
  });

  it('should hold article title F1 and paragraph-boundary F1 at their floors', () => {
    expect(summary.titleF1).toBeGreaterThanOrEqual(floor.titleF1);
    expect(summary.boundaryF1).toBeGreaterThanOrEqual(floor.boundaryF1);
  });

  it('should keep the body character error rate under its ceiling', () => {
    expect(summary.cer).toBeLessThanOrEqual(floor.cer);
  });

  it('should hold bylines and furniture where they are', () => {
    expect(summary.fields.byline).toBeGreaterThanOrEqual(floor.byline);
    expect(summary.furnitureInArticles).toBeLessThanOrEqual(floor.furnitureInArticles);
  });

  it('should find the injected character errors at its floor', () => {
    expect(summary.ocrRecall).toBeGreaterThanOrEqual(floor.ocrRecall);
  });

  it('should keep confident splits right and find article starts at their floors', () => {
    expect(summary.rightAtHighConfidence).toBeGreaterThanOrEqual(floor.rightAtHighConfidence);
    expect(summary.splitRecall).toBeGreaterThanOrEqual(floor.splitRecall);
  });
});

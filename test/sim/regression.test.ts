import { describe, expect, it } from 'vitest';
import { byLayout, scoreSimPage, summarizeSim } from '../eval/simulated';
import { LAYOUTS, simulatePages, type Layout } from './index';

/**
 * A regression floor on a fixed slice of simulated pages (14 per layout). The figures are the
 * pipeline's on this slice at main 7881f58 (`npm run eval -- --seed 9000 --count 42` prints
 * them), less a small margin; raise a floor when the pipeline improves, never lower one to let a
 * change through. Full figures over 600 pages: docs/evaluation.md. The OCR recall floors were
 * measured again in session 4, when the misreads the simulator injects became the ones Tesseract
 * makes (test/sim/confusions.ts): a different noise, so a different figure, not a lowered bar.
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
  /** Share of the column breaks (`break.*`) whose paragraph comes out whole. */
  breaksUndone: number;
}

const FLOORS: Record<Layout, Floor> = {
  // today: title 0.952, para 0.842, CER 25.1%, byline 91.4%, OCR recall 90.4%, right ≥ 0.95 97.9%, starts 96.5%, furniture 0, breaks undone 65.2%
  'blank-line': {
    titleF1: 0.92,
    boundaryF1: 0.81,
    cer: 0.28,
    byline: 0.86,
    ocrRecall: 0.86,
    rightAtHighConfidence: 0.94,
    splitRecall: 0.92,
    furnitureInArticles: 2,
    breaksUndone: 0.6,
  },
  // today: title 0.453, para 0.323, CER 150.6%, byline 54.2%, OCR recall 75.0%, right ≥ 0.95 95.0%, starts 40.7%, furniture 14, breaks undone 19.4%
  'hard-wrapped': {
    titleF1: 0.42,
    boundaryF1: 0.29,
    cer: 1.58,
    byline: 0.49,
    ocrRecall: 0.71,
    rightAtHighConfidence: 0.9,
    splitRecall: 0.36,
    furnitureInArticles: 17,
    breaksUndone: 0.15,
  },
  // today: title 0.734, para 0.437, CER 86.3%, byline 56.9%, OCR recall 93.4%, right ≥ 0.95 85.3%, starts 66.7%, furniture 6, breaks undone 26.4%
  'column-wrapped': {
    titleF1: 0.7,
    boundaryF1: 0.41,
    cer: 0.9,
    byline: 0.52,
    ocrRecall: 0.89,
    rightAtHighConfidence: 0.8,
    splitRecall: 0.62,
    furnitureInArticles: 9,
    breaksUndone: 0.22,
  },
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

  it('should rejoin paragraphs cut by column breaks at its floor', () => {
    const breaks = groups
      .get(layout)!
      .flatMap((score) => score.repairs)
      .filter((repair) => repair.kind.startsWith('break.'));
    expect(breaks.filter((repair) => repair.repaired).length / breaks.length).toBeGreaterThanOrEqual(
      floor.breaksUndone,
    );
  });

  it('should find the injected character errors at its floor', () => {
    expect(summary.ocrRecall).toBeGreaterThanOrEqual(floor.ocrRecall);
  });

  it('should keep confident splits right and find article starts at their floors', () => {
    expect(summary.rightAtHighConfidence).toBeGreaterThanOrEqual(floor.rightAtHighConfidence);
    expect(summary.splitRecall).toBeGreaterThanOrEqual(floor.splitRecall);
  });
});

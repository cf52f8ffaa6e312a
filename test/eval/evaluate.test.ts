import { describe, expect, it } from 'vitest';
import { evaluateDir, summarize } from './evaluate';

/** Issue 3's quality bar, held on the pages written for evaluation (not the seeds). */
describe('pipeline quality on held-out annotated pages', () => {
  const scores = evaluateDir();
  const heldOut = scores.filter((score) => score.heldOut);
  const summary = summarize(heldOut);
  const detail = JSON.stringify(
    heldOut.map((score) => ({ page: score.name, mismatches: score.mismatches })),
    null,
    1,
  );

  it('should have at least three held-out pages', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(3);
  });

  it('should match articles by title with F1 ≥ 0.97', () => {
    expect(summary.titleF1, detail).toBeGreaterThanOrEqual(0.97);
  });

  it('should keep the body character error rate ≤ 1%', () => {
    expect(summary.cer, detail).toBeLessThanOrEqual(0.01);
  });

  it('should find paragraph boundaries with F1 ≥ 0.95', () => {
    expect(summary.boundaryF1, detail).toBeGreaterThanOrEqual(0.95);
  });

  it('should get byline, section, kicker and captions right on ≥ 95% of articles', () => {
    for (const value of Object.values(summary.fields)) expect(value, detail).toBeGreaterThanOrEqual(0.95);
  });

  it('should repeat no paragraph and put no furniture inside an article', () => {
    expect(summary.repeated, detail).toBe(0);
    expect(summary.furnitureInArticles, detail).toBe(0);
  });
});

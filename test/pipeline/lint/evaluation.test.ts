import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAnnotatedDir } from './annotated';
import { evaluateLint } from './evaluate';

const EVAL_DIR = fileURLToPath(new URL('../../fixtures/lint/eval', import.meta.url));

describe('lint on annotated pages with injected character errors', () => {
  const score = evaluateLint(readAnnotatedDir(EVAL_DIR));
  const detail = () =>
    JSON.stringify(
      {
        missed: score.missed.map((error) => `${error.page}@${error.start} ${error.wrong}`),
        falseClaims: score.falseClaims.map((claim) => `${claim.page}@${claim.start} ${claim.rule}`),
      },
      null,
      1,
    );

  it('should cover at least 85% of the real character errors with a flag or an edit', () => {
    expect(score.errors).toBeGreaterThan(30);
    expect(score.recall, detail()).toBeGreaterThanOrEqual(0.85);
  });

  it('should make at least half of its character-error claims on real errors', () => {
    expect(score.claims).toBeGreaterThan(0);
    expect(score.precision, detail()).toBeGreaterThanOrEqual(0.5);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUTOFFS } from '../../src-shared/pipeline/decide/cutoffs';

const ROOT = join(import.meta.dirname, '../..');
const PIPELINE = join(ROOT, 'src-shared/pipeline');
const TABLE = join(PIPELINE, 'decide/cutoffs.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') || entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The files that decide titles, repeats and boundaries, and the desk that shows their confidence. */
const DECIDING = [
  ...sources(join(PIPELINE, 'decide')),
  join(PIPELINE, 'classify.ts'),
  join(PIPELINE, 'segment.ts'),
  join(PIPELINE, 'dedupe.ts'),
  ...sources(join(ROOT, 'src-renderer/views/desk')),
].filter((path) => path !== TABLE);

/** A probability or confidence set or compared with a number written in place, or kept in a constant of its own. */
const INLINE_CUTOFF = [
  /\b(?:p|confidence)\s*[<>]=?\s*\d/,
  /\d\s*[<>]=?\s*[\w.]*\b(?:p|confidence)\b/,
  /\b(?:apply|propose|confidence)\s*:\s*\d/,
  /\b[A-Z_]*(?:CONFIDENCE|CUTOFF|THRESHOLD)[A-Z_]*\s*=\s*\d/,
];

describe('the cut-off table', () => {
  it('should hold, for each decision, a propose cut-off at or below its apply cut-off, both probabilities', () => {
    for (const [decision, { apply, propose }] of Object.entries(CUTOFFS)) {
      expect(propose, decision).toBeGreaterThan(0);
      expect(propose, decision).toBeLessThanOrEqual(apply);
      expect(apply, decision).toBeLessThanOrEqual(1);
    }
  });

  it('should be the only place a decision compares its probability with a number', () => {
    const offending = DECIDING.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => INLINE_CUTOFF.some((pattern) => pattern.test(line)))
        .map((line) => `${relative(ROOT, path)}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('should be what each fitted decision acts on', () => {
    for (const decision of Object.keys(CUTOFFS)) {
      expect(readFileSync(join(PIPELINE, `decide/${decision}.ts`), 'utf8')).toContain(`CUTOFFS.${decision}`);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOcrFlag } from '../../../src-shared/model/analysis';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { prng } from '../../../bench/corpus';
import { roughChunks } from './chunks';

const SEEDS = fileURLToPath(new URL('../../../seeds', import.meta.url));
const TRIALS_PER_PAGE = 120;

/**
 * OCR doubling at random places in real prose, rather than at places a fixture author chose: one
 * Han character of a paragraph printed twice, one trial at a time, on every seed page.
 */
function injectDoublings() {
  const random = prng(20261124);
  let trials = 0;
  let caught = 0;
  let strayFlags = 0;
  for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) {
    const original = readFileSync(`${SEEDS}/${name}`, 'utf8');
    const paragraphs = roughChunks(original).filter((chunk) => chunk.role === 'paragraph');
    const before = lintPage(original, roughChunks(original));
    const baseline = before.flags.filter(isOcrFlag).length + before.edits.length;
    for (let n = 0; n < TRIALS_PER_PAGE; n++) {
      const paragraph = paragraphs[Math.floor(random() * paragraphs.length)];
      const at = paragraph.start + Math.floor(random() * (paragraph.end - paragraph.start));
      const ch = original[at];
      if (!/\p{Script=Han}/u.test(ch) || original[at - 1] === ch || original[at + 1] === ch) continue;
      const raw = original.slice(0, at + 1) + ch + original.slice(at + 1);
      const { flags, edits } = lintPage(raw, roughChunks(raw));
      const found = [...flags, ...edits].filter((finding) => finding.rule === 'ocr.doubled');
      trials++;
      if (found.some((finding) => finding.start <= at + 1 && finding.end > at)) caught++;
      strayFlags += Math.max(0, flags.filter(isOcrFlag).length + edits.length - baseline - 1);
    }
  }
  return { trials, caught, strayFlags };
}

describe('doubled characters injected at random into the seed pages', () => {
  const result = injectDoublings();

  it('should catch at least 85% of them', () => {
    expect(result.trials).toBeGreaterThan(400);
    expect(result.caught / result.trials).toBeGreaterThanOrEqual(0.85);
  });

  it('should not raise other suspects because of one doubling', () => {
    expect(result.strayFlags).toBe(0);
  });
});

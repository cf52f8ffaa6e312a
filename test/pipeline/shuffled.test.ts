import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '../../src-shared/model/analysis';
import { materialize } from '../../src-shared/model/materialize';
import { analyzePage } from '../../src-shared/pipeline';
import { prng } from '../../bench/corpus';

const seeds = join(__dirname, '../../seeds');
const blocks = readdirSync(seeds)
  .sort()
  .flatMap((file) => readFileSync(join(seeds, file), 'utf8').split(/\n\s*\n/))
  .filter((block) => block.trim());

/** A page of random seed blocks, with random gaps, CRLF and cut blocks. */
function shuffledPage(seed: number): string {
  const next = prng(seed);
  const parts: string[] = [];
  const count = 5 + Math.floor(next() * 40);
  for (let i = 0; i < count; i++) {
    let block = blocks[Math.floor(next() * blocks.length)];
    if (next() < 0.15) block = block.slice(0, Math.max(1, Math.floor(block.length * next())));
    parts.push(block, '\n'.repeat(1 + Math.floor(next() * 4)));
  }
  const page = parts.join('');
  return next() < 0.3 ? page.replace(/\n/g, '\r\n') : page;
}

const reverted = (analysis: PageAnalysis): PageAnalysis => ({
  ...analysis,
  edits: analysis.edits.map((edit) => ({ ...edit, status: 'reverted' as const })),
});

describe('pipeline on shuffled pages', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`should keep its invariants on shuffled page ${seed}`, () => {
      const raw = shuffledPage(seed);
      const analysis = analyzePage(raw);
      for (const edit of analysis.edits)
        expect(edit.before, `seed ${seed}, ${edit.id}`).toBe(raw.slice(edit.start, edit.end));
      for (const chunk of analysis.chunks)
        expect(raw.slice(chunk.start, chunk.end).trim(), `seed ${seed}`).not.toBe('');
      expect(new Set(analysis.edits.map((edit) => edit.id)).size).toBe(analysis.edits.length);
      expect(new Set(analysis.flags.map((flag) => flag.id)).size).toBe(analysis.flags.length);
      expect(() => materialize(raw, analysis)).not.toThrow();
      const all = materialize(raw, reverted(analysis));
      const shown =
        all.articles.flatMap((a) => a.blocks.map((b) => b.text)).join('') + all.furniture.map((f) => f.text).join('');
      for (const chunk of analysis.chunks.filter((c) => c.role === 'paragraph')) {
        expect(
          shown.includes(raw.slice(chunk.start, chunk.end).replace(/^[#\-*+]+[ \t]+/, '')),
          `seed ${seed}, ${chunk.id}`,
        ).toBe(true);
      }
    });
  }
});

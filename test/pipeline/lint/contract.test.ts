import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintCorpus, lintPage } from '../../../src-shared/pipeline/lint';
import { roughChunks } from './chunks';

const SEEDS = fileURLToPath(new URL('../../../seeds', import.meta.url));
const pages = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => {
    const raw = readFileSync(`${SEEDS}/${name}`, 'utf8');
    return { id: name, raw, chunks: roughChunks(raw) };
  });

describe('lint output contract', () => {
  it('should return nothing for an empty page', () => {
    expect(lintPage('', [])).toEqual({ flags: [], edits: [] });
    expect(lintCorpus([])).toEqual(new Map());
  });

  it('should be deterministic, with unique ids', () => {
    for (const page of pages) {
      const first = lintPage(page.raw, page.chunks);
      expect(lintPage(page.raw, [...page.chunks].reverse())).toEqual(first);
      const ids = [...first.flags, ...first.edits].map((finding) => finding.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('should give raw offsets whose text is the flag text or the edit before-text', () => {
    const corpus = lintCorpus(pages);
    for (const page of pages) {
      const { flags, edits } = lintPage(page.raw, page.chunks);
      for (const flag of [...flags, ...(corpus.get(page.id) ?? [])]) {
        expect(flag.text).toBe(page.raw.slice(flag.start, flag.end));
        expect(flag.status).toBe('open');
        expect(flag.confidence).toBeGreaterThan(0);
        expect(flag.confidence).toBeLessThanOrEqual(1);
      }
      for (const edit of edits) {
        expect(edit.before).toBe(page.raw.slice(edit.start, edit.end));
        expect(edit).toMatchObject({ kind: 'char-fix', status: 'applied', origin: 'auto', op: { type: 'replace' } });
      }
    }
  });

  it('should report every page of the batch, flagged or not', () => {
    expect([...lintCorpus(pages).keys()]).toEqual(pages.map((page) => page.id));
  });
});

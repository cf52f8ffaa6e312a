import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edit, PageAnalysis } from '../../src-shared/model/analysis';
import type { CleanPage } from '../../src-shared/model/clean';
import { materialize } from '../../src-shared/model/materialize';
import { analyzePage } from '../../src-shared/pipeline';

const fixtures = join(__dirname, '../fixtures/pipeline');
const seeds = join(__dirname, '../../seeds');
const pages = [
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.raw.txt'))
    .map((f) => join(fixtures, f)),
  ...readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(seeds, f)),
].sort();

function withStatus(analysis: PageAnalysis, pick: (edit: Edit) => boolean): PageAnalysis {
  return {
    ...analysis,
    edits: analysis.edits.map((edit) => (pick(edit) ? { ...edit, status: 'reverted' as const } : edit)),
  };
}

/** Every word the clean page shows anywhere: titles, fields, blocks, captions, furniture. */
function shownText(page: CleanPage): string {
  const parts: string[] = [];
  for (const article of page.articles) {
    parts.push(article.section ?? '', article.kicker ?? '', article.title, article.byline ?? '', ...article.captions);
    for (const block of article.blocks) parts.push(block.text);
  }
  for (const item of page.furniture) parts.push(item.text);
  return flat(parts.join(''));
}

/** Compared without whitespace, markup markers or the parentheses a byline loses. */
function flat(text: string): string {
  return text.replace(/^[#\-*+]+[ \t]/gm, '').replace(/[\s()（）]/g, '');
}

describe('edits are revertible one by one', () => {
  for (const file of pages) {
    const raw = readFileSync(file, 'utf8');
    const analysis = analyzePage(raw);
    const name = file.split('/').pop();

    it(`should materialize ${name} with any single edit reverted`, () => {
      for (const edit of analysis.edits) {
        const page = materialize(
          raw,
          withStatus(analysis, (e) => e.id === edit.id),
        );
        expect(page.articles.length + page.furniture.length, `reverting ${edit.id}`).toBeGreaterThanOrEqual(
          raw.trim() ? 1 : 0,
        );
      }
    });

    it(`should show all of ${name}'s raw text with every edit reverted`, () => {
      const shown = shownText(
        materialize(
          raw,
          withStatus(analysis, () => true),
        ),
      );
      for (const chunk of analysis.chunks) {
        expect(shown, `chunk ${chunk.id}`).toContain(flat(raw.slice(chunk.start, chunk.end)));
      }
    });

    it(`should give ${name} unique, deterministic edit ids with raw before-texts`, () => {
      expect(analyzePage(raw)).toEqual(analysis);
      expect(new Set(analysis.edits.map((e) => e.id)).size).toBe(analysis.edits.length);
      for (const edit of analysis.edits) expect(edit.before).toBe(raw.slice(edit.start, edit.end));
    });
  }
});

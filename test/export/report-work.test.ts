import { describe, expect, it, vi } from 'vitest';
import { changeReport } from '../../src-shared/export';
import { materialize } from '../../src-shared/model';
import { analyzePage } from '../../src-shared/pipeline';
import { shortArticlesPage } from '../../bench/pages';
import { paragraphPage } from './fixture';

/**
 * The change report's error rate stays linear in the page's size (issue 13: one distance over a
 * 7.5 MB page took minutes). Counted, not timed: every pair of texts the distance compares costs
 * the product of their lengths, and that work per character must not grow with the page.
 */
const { work } = vi.hoisted(() => ({ work: { cells: 0 } }));
vi.mock('fastest-levenshtein', async (load) => {
  const actual = await load<typeof import('fastest-levenshtein')>();
  return {
    ...actual,
    distance: (a: string, b: string) => {
      work.cells += a.length * b.length;
      return actual.distance(a, b);
    },
  };
});

function workPerCharacter(articles: number): number {
  const raw = shortArticlesPage(articles);
  const analysis = analyzePage(raw);
  const { page } = paragraphPage('');
  work.cells = 0;
  changeReport({ page: { ...page, raw }, analysis, clean: materialize(raw, analysis) });
  return work.cells / raw.length;
}

describe('change report work', () => {
  // Counted work, not time; the watchdog only allows for analysing two generated pages on a busy machine.
  it('should compare no more per character on a page four times as long', { timeout: 60_000 }, () => {
    const small = workPerCharacter(150);
    const large = workPerCharacter(600);
    expect(large / small).toBeLessThan(2);
  });
});

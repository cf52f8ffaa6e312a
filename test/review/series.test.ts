import { describe, expect, it } from 'vitest';
import { applyEntry, cleanOf, findOccurrences, narrowChange, seriesCorrection, type ReviewPage } from '../../src-shared/review';
import { fixturePage } from './fixture';

function runAll(pages: ReviewPage[], step: ReturnType<typeof seriesCorrection>, direction: 'forward' | 'backward' = 'forward') {
  return pages.map((page) => ({ ...page, analysis: applyEntry(page.analysis, page.pageId, step, direction) }));
}

const text = (page: ReviewPage) => cleanOf(page).articles.flatMap((a) => [a.title, ...a.blocks.map((b) => b.text)]).join('|');

describe('series correction', () => {
  it('should find every occurrence on every page with context', () => {
    const pages = [fixturePage('p1'), fixturePage('p2')];
    const found = findOccurrences(pages, '荣经县');
    expect(found.map((o) => o.pageId)).toEqual(['p1', 'p1', 'p1', 'p2', 'p2', 'p2']);
    expect(found[1].context).toMatchObject({ match: '荣经县', before: '# 荣经县科协召开年会 本报讯 近日,'.slice(-12) });
  });

  it('should replace only the differing character inside the matched word, on all chosen pages, in one entry', () => {
    const pages = [fixturePage('p1'), fixturePage('p2')];
    const chosen = findOccurrences(pages, '荣经县');
    const step = seriesCorrection(pages, chosen, '荥经县');
    expect(step.patches.map((p) => p.pageId)).toEqual(['p1', 'p2']);
    const fixed = runAll(pages, step);
    for (const page of fixed) {
      expect(text(page)).not.toContain('荣');
      expect(text(page)).toContain('荥经县科协召开年会');
      const fixes = page.analysis.edits.filter((e) => e.rule === 'review.char-fix');
      expect(fixes.every((e) => e.before === '荣' && e.after === '荥' && e.end - e.start === 1)).toBe(true);
      expect(page.analysis.flags.find((f) => f.id === 'f-lookalike')?.status).toBe('corrected');
    }
    expect(runAll(fixed, step, 'backward').map((p) => p.analysis)).toEqual(pages.map((p) => p.analysis));
  });

  it('should correct a one-character search on the chosen occurrences only', () => {
    const pages = [fixturePage('p1'), fixturePage('p2')];
    const found = findOccurrences(pages, '荣');
    const chosen = [found[0], found[found.length - 1]];
    const fixed = runAll(pages, seriesCorrection(pages, chosen, '荥'));
    expect(text(fixed[0]).match(/荥/g)).toHaveLength(1);
    expect(text(fixed[1]).match(/荥/g)).toHaveLength(1);
    expect(text(fixed[1])).toContain('在荥经县学习');
  });

  it('should leave out matches inside text an applied edit already replaced', () => {
    const page = fixturePage();
    expect(findOccurrences([page], '# 荣')).toEqual([]);
  });

  it('should narrow a change to the characters that differ', () => {
    expect(narrowChange('荣经县', '荥经县')).toEqual({ offset: 0, removed: 1, inserted: '荥' });
    expect(narrowChange('中心中心', '中心')).toEqual({ offset: 2, removed: 2, inserted: '' });
    expect(narrowChange('能能', '能')).toEqual({ offset: 1, removed: 1, inserted: '' });
  });
});

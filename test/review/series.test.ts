import { describe, expect, it } from 'vitest';
import {
  applyEntry,
  cleanOf,
  findOccurrences,
  narrowChange,
  seriesCorrection,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage } from './fixture';

function runAll(
  pages: ReviewPage[],
  step: ReturnType<typeof seriesCorrection>,
  direction: 'forward' | 'backward' = 'forward',
) {
  return pages.map((page) => ({ ...page, analysis: applyEntry(page.analysis, page.pageId, step, direction) }));
}

const text = (page: ReviewPage) =>
  cleanOf(page)
    .articles.flatMap((a) => [a.title, ...a.blocks.map((b) => b.text)])
    .join('|');

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

  it('should resolve the name-variant flags the correction answers, though they span the whole name', () => {
    const base = fixturePage();
    const at = base.raw.indexOf('荣经县', base.raw.indexOf('本报讯'));
    const variant = {
      id: 'f-variant',
      kind: 'name-variant',
      rule: 'corpus.name-variant',
      start: at,
      end: at + 3,
      text: '荣经县',
      message: 'variant',
      suggestion: '荥经县',
      confidence: 0.8,
      status: 'open',
    } as const;
    const other = { ...variant, id: 'f-other', suggestion: '荣经镇' };
    const page = { ...base, analysis: { ...base.analysis, flags: [...base.analysis.flags, variant, other] } };
    const [fixed] = runAll([page], seriesCorrection([page], findOccurrences([page], '荣经县'), '荥经县'));
    expect(fixed.analysis.flags.find((f) => f.id === 'f-variant')?.status).toBe('corrected');
    expect(fixed.analysis.flags.find((f) => f.id === 'f-other')?.status).toBe('open');
  });

  it('should find and correct a name in a byline taken out of the body', () => {
    const base = fixturePage();
    const start = base.raw.indexOf('本报讯');
    const byline = {
      id: 'e-byline',
      start,
      end: start + 3,
      kind: 'extract-byline',
      rule: 'test.byline',
      before: base.raw.slice(start, start + 3),
      after: '',
      reason: 'byline',
      origin: 'auto',
      confidence: 1,
      status: 'applied',
      op: { type: 'extract', field: 'byline', value: '通讯员 苏文保 苏文保' },
    } as const;
    const page = { ...base, analysis: { ...base.analysis, edits: [...base.analysis.edits, byline] } };
    const found = findOccurrences([page], '苏文保');
    expect(found.map((o) => o.field)).toEqual([
      { edit: 'e-byline', at: 4 },
      { edit: 'e-byline', at: 8 },
    ]);
    const step = seriesCorrection([page], found, '苏文宝');
    const [fixed] = runAll([page], step);
    const edit = fixed.analysis.edits.find((e) => e.id === 'e-byline');
    expect(edit?.op).toEqual({ type: 'extract', field: 'byline', value: '通讯员 苏文宝 苏文宝' });
    expect(runAll([fixed], step, 'backward')[0].analysis).toEqual(page.analysis);
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

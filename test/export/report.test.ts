import { describe, expect, it } from 'vitest';
import type { Edit } from '../../src-shared/model';
import { changeReport, reportMarkdown } from '../../src-shared/export';
import { loadPage, paragraphPage, withAnalysis } from './fixture';

const page = loadPage();

function replace(raw: string, target: string, after: string, status: Edit['status'] = 'applied'): Edit {
  const start = raw.indexOf(target);
  return {
    id: `e${start}`,
    kind: 'char-fix',
    rule: 'test.fix',
    start,
    end: start + target.length,
    before: target,
    after,
    reason: 'test',
    confidence: 1,
    status,
    origin: 'auto',
    op: { type: 'replace' },
  };
}

describe('change report', () => {
  it('should count edits by kind, status and origin', () => {
    const report = changeReport(page);
    expect(report.edits.total).toEqual({ applied: 3, proposed: 1, reverted: 1, auto: 4, editor: 1 });
    expect(report.edits.byKind['strip-markup']).toEqual({ applied: 1, proposed: 0, reverted: 1, auto: 2, editor: 0 });
    expect(report.edits.byKind['char-fix']).toEqual({ applied: 1, proposed: 1, reverted: 0, auto: 1, editor: 1 });
    expect(report.edits.byKind.join).toEqual({ applied: 1, proposed: 0, reverted: 0, auto: 1, editor: 0 });
  });

  it('should count open flags by kind and leave resolved ones out', () => {
    const report = changeReport(page);
    expect(report.flags).toEqual({
      open: 2,
      closed: 1,
      openByKind: { 'ocr-latin-word': 1, 'low-confidence-split': 1 },
    });
  });

  it('should count splits decided and undecided', () => {
    expect(changeReport(page).splits).toEqual({ proposed: 1, approved: 1, rejected: 0, undecided: 1 });
    const decided = page.analysis.boundaries.map((boundary) => ({ ...boundary, status: 'rejected' as const }));
    expect(changeReport(withAnalysis(page, { ...page.analysis, boundaries: decided })).splits).toEqual({
      proposed: 0,
      approved: 0,
      rejected: 2,
      undecided: 0,
    });
  });

  it('should report a character error rate of zero when nothing changed', () => {
    expect(changeReport(paragraphPage('活动吸引了数百名居民参与。\n')).characters).toEqual({
      raw: 13,
      clean: 13,
      distance: 0,
      errorRate: 0,
    });
  });

  it('should count one removed doubled character as distance one, over the longer text', () => {
    const raw = '活动吸引了数百名居民参与能能。\n';
    const characters = changeReport(paragraphPage(raw, [replace(raw, '能能', '能')])).characters;
    expect(characters).toEqual({ raw: 15, clean: 14, distance: 1, errorRate: Math.round((1 / 15) * 10000) / 10000 });
  });

  it('should keep the rate within 100 % on a page whose repeats were removed', () => {
    const paragraph = '活动吸引了数百名居民参与。';
    const raw = `${paragraph}${'重复的段落又印了一遍。'.repeat(40)}\n`;
    const repeats = raw.slice(paragraph.length, -1);
    const characters = changeReport(paragraphPage(raw, [replace(raw, repeats, '')])).characters;
    expect(characters).toMatchObject({ raw: raw.length - 1, clean: paragraph.length, distance: repeats.length });
    expect(characters.errorRate).toBe(Math.round((repeats.length / (raw.length - 1)) * 10000) / 10000);
    expect(characters.errorRate).toBeLessThanOrEqual(1);
  });

  it('should not count edits that are proposed or reverted', () => {
    const raw = '活动吸引了数百名居民参与能能。\n';
    expect(changeReport(paragraphPage(raw, [replace(raw, '能能', '能', 'proposed')])).characters.distance).toBe(0);
    expect(changeReport(paragraphPage(raw, [replace(raw, '能能', '能', 'reverted')])).characters.distance).toBe(0);
  });

  it('should ignore whitespace, which is layout, when comparing raw and clean', () => {
    const raw = '活动吸引了\n数百名居民   参与。\n';
    expect(changeReport(paragraphPage(raw)).characters.distance).toBe(0);
  });

  it('should count a substitution once', () => {
    const raw = '荣经县科协召开会议。\n';
    expect(changeReport(paragraphPage(raw, [replace(raw, '荣', '荥')])).characters.distance).toBe(1);
  });

  it('should summarize pages as a Markdown table with each page detailed below', () => {
    const markdown = reportMarkdown([
      changeReport(page),
      changeReport({ ...page, page: { ...page.page, name: 'a|b.txt' } }),
    ]);
    const rows = markdown.split('\n').filter((line) => /^\| \d/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 1 \| 001\\_sample-page\.txt \| 2 \| 3 \| 1 \| 1 \| \d+\.\d\d% \| 2 \| 1 \|$/);
    expect(rows[1]).toContain('a\\|b.txt');
    expect(markdown).toContain('- open flags `ocr-latin-word`: 1');
  });

  it('should escape every file name it puts in Markdown, in the table and in the headings', () => {
    const markdown = reportMarkdown([
      changeReport({ ...page, page: { ...page.page, name: '<img src=x>*a*_&lt;.txt' } }),
    ]);
    const escaped = '\\<img src=x\\>\\*a\\*\\_\\&lt;.txt';
    expect(markdown.split('\n').find((line) => /^\| 1/.test(line))).toContain(`| ${escaped} |`);
    expect(markdown).toContain(`\n## ${escaped}\n`);
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
  });
});

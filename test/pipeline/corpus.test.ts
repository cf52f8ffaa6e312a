import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus, analyzePage } from '../../src-shared/pipeline';

const page = readFileSync(join(__dirname, '../fixtures/pipeline/byline-intruder.raw.txt'), 'utf8');
const shared =
  '培训中,专家结合当地茶园实际,围绕茶树修剪、病虫害绿色防控、茶叶采摘标准等内容进行了详细讲解,并深入茶园现场指导,手把手教授修剪技术,受到茶农的欢迎。';

describe('analyzeCorpus', () => {
  it('should flag a paragraph that another page of the batch also prints', () => {
    const other = `茶园里的科技课\n\n${shared}\n\n(夹江县科协)\n`;
    const [analysis] = analyzeCorpus([
      { id: 'page', raw: page },
      { id: 'other', raw: other },
    ]);
    const flags = analysis.flags.filter((flag) => flag.kind === 'repeated-elsewhere');
    expect(flags.length).toBeGreaterThan(0);
    expect(flags[0].message).toContain('other');
  });

  it('should give a page alone the same analysis as analyzePage', () => {
    expect(analyzeCorpus([{ id: 'page', raw: page }])).toEqual([analyzePage(page)]);
  });

  it('should not look past the page without a corpus', () => {
    expect(analyzePage(page).flags.some((flag) => flag.kind === 'repeated-elsewhere')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src-shared/pipeline';

const fixtures = join(__dirname, '../fixtures/pipeline');
const page = (name: string) => cleanPage(name, readFileSync(join(fixtures, `${name}.raw.txt`), 'utf8'));
const titles = (name: string) => page(name).articles.map((article) => article.title);

/**
 * What an OCR engine does to a column layout, one noise kind per fixture (page-anatomy.md,
 * "Layouts of OCR text"; test/fixtures/eval-ocr/README.md, "What the OCR text looks like").
 */
describe('OCR layouts: where articles start', () => {
  it('should open an article at a headline read between two columns of the article before', () => {
    expect(titles('ocr-headline-between-columns')).toEqual([
      '广安市农学会 举办龙安柚产业技术研讨会',
      '汉源县科协 助力花椒产业提质增效',
    ]);
  });

  it('should keep the rest of a paragraph cut off after a full line in it, not open an article there', () => {
    const result = page('ocr-cut-off-tail');
    expect(result.articles.map((article) => article.title)).toEqual(['各地科协 开展全国科普日进校园活动']);
    expect(result.articles[0].blocks.map((block) => block.text.replace(/\s+/g, ''))).toContain(
      '活动中,科技辅导员带领学生们走进科技馆,体验了VR地震模拟、机器人编程等互动项目;医务人员为师生讲授了近视防控和心理健康知',
    );
  });

  it('should read an organisation over the rest of a title as one headline on two lines, a place over a headline as its kicker', () => {
    const result = page('ocr-two-line-headline');
    expect(result.articles.map((article) => [article.kicker, article.title.replace(/\s+/g, '')])).toEqual([
      [null, '岳池县科协召开第三次代表大会'],
      ['成都市', '新津区开展科普进社区活动'],
    ]);
  });
});

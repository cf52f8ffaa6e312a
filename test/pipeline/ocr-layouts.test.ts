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
    expect(titles('ocr-headline-between-columns')).toEqual(['广安市农学会 举办龙安柚产业技术研讨会', '汉源县科协 助力花椒产业提质增效']);
  });
});

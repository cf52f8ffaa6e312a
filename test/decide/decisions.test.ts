import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePage, cleanPage } from '../../src-shared/pipeline';
import { BOUNDARY_FEATURES } from '../../src-shared/pipeline/decide/boundary';
import { CUTOFFS } from '../../src-shared/pipeline/decide/cutoffs';

const FIXTURES = join(import.meta.dirname, '../fixtures/decide');
const read = (name: string) => readFileSync(join(FIXTURES, `${name}.raw.txt`), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, '');

/**
 * Pages in the seeds' layout. A paragraph that opens on the last line of a column shows its first
 * 10–17 characters as a block of their own, then a column break, then the rest of its sentence:
 * it must read as body text, not open an article. True headlines must still open theirs.
 */
describe('title and boundary decisions on pages in the seeds layout', () => {
  it('should not open an article at a paragraph that starts on the last line of a column', () => {
    const raw = read('column-end-fragment');
    const page = cleanPage('column-end-fragment', raw);
    expect(page.articles.map((article) => article.title)).toEqual([
      '广元市科协开展科普进校园活动',
      '德阳市科协召开科技工作者座谈会',
    ]);
    const chunks = analyzePage(raw).chunks;
    for (const fragment of ['市科协相关负责人介绍', '科普志愿者还将走进社区', '这是该市首次召开的']) {
      const chunk = chunks.find((c) => flat(raw.slice(c.start, c.end)) === fragment);
      expect(chunk?.role, fragment).toBe('paragraph');
    }
  });

  it('should rejoin the fragment with the rest of its sentence', () => {
    const page = cleanPage('column-end-fragment', read('column-end-fragment'));
    const paragraphs = page.articles.flatMap((article) => article.blocks.map((block) => flat(block.text)));
    expect(paragraphs).toContain(
      '市科协相关负责人介绍今年以来已在全市开展此类活动20余场,惠及师生1万余人次,下一步将继续推动优质科普资源向农村学校倾斜。',
    );
    expect(paragraphs).toContain('科普志愿者还将走进社区为居民讲解防灾减灾知识,发放宣传资料500余份。');
  });

  it('should open an article at each true headline, with or without a 本报讯 lead', () => {
    const page = cleanPage('true-headlines', read('true-headlines'));
    expect(page.articles.map((article) => article.title)).toEqual([
      '南充市科协启动科技工作者日系列活动',
      '科普大篷车开进凉山',
      '雅安市科协举办青少年科技创新大赛',
    ]);
  });

  it('should split after a credit and before a 本报讯 lead without a question', () => {
    const { boundaries } = analyzePage(read('true-headlines'));
    const led = boundaries.find((boundary) => boundary.chunk === `c${read('true-headlines').indexOf('# 雅安市')}`);
    expect(led?.confidence).toBeGreaterThanOrEqual(CUTOFFS.boundary.apply);
  });

  it('should give each split its fitted probability and name its strongest features as the reason', () => {
    const ids = new Set(BOUNDARY_FEATURES.map((feature) => feature.id));
    const { boundaries } = analyzePage(read('true-headlines'));
    expect(boundaries.length).toBe(2);
    for (const boundary of boundaries) {
      expect(boundary.confidence).toBeGreaterThan(0);
      expect(boundary.confidence).toBeLessThanOrEqual(1);
      const tokens = boundary.reason.split(' ');
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens) expect(ids.has(token.slice(1)), token).toBe(true);
    }
  });
});

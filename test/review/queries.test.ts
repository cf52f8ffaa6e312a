import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Edit, Flag, Span } from '../../src-shared/model';
import {
  appliedFixes,
  articleChanges,
  articleFlags,
  cleanOf,
  editBlockText,
  locateOffset,
  openFlagCounts,
  setArticleField,
  setEditStatus,
  spanKey,
  typedChange,
} from '../../src-shared/review';
import { analyzePage } from '../../src-shared/pipeline';
import { fixturePage, RAW, run } from './fixture';

describe('review queries', () => {
  const page = fixturePage();
  const clean = cleanOf(page);
  const [first, second] = clean.articles;

  it('should list the open flags inside an article', () => {
    expect(articleFlags(first, page.analysis.flags).map((f) => f.id)).toEqual(['f-double', 'f-lookalike']);
    expect(articleFlags(second, page.analysis.flags).map((f) => f.id)).toEqual(['f-split']);
  });

  it('should count each article’s open flags as listing them does, on the fixture and on an analysed seed', () => {
    const seedRaw = readFileSync(join(import.meta.dirname, '../../seeds/000_72052502c9dc2eec.txt'), 'utf8');
    const seed = { pageId: 'seed', raw: seedRaw, analysis: analyzePage(seedRaw) };
    for (const reviewed of [page, seed]) {
      const { articles } = cleanOf(reviewed);
      const counts = openFlagCounts(articles, reviewed.analysis.flags);
      expect([...counts]).toEqual(
        articles.map((article) => [article.id, articleFlags(article, reviewed.analysis.flags).length]),
      );
    }
    expect([...openFlagCounts(clean.articles, page.analysis.flags).values()]).toEqual([2, 1]);
  });

  it('should list text and structural changes of an article', () => {
    expect(articleChanges(first, page.analysis.edits).map((e) => e.id)).toEqual(['strip', 'join', 'byline', 'fix']);
    expect(articleChanges(second, page.analysis.edits)).toEqual([]);
  });

  it('should find the article and block a raw offset became', () => {
    expect(locateOffset(clean, RAW.indexOf('做好科普'))).toEqual({ articleId: first.id, blockId: first.blocks[1].id });
    expect(locateOffset(clean, RAW.indexOf('开展科普活动'))).toEqual({ articleId: second.id, blockId: null });
    expect(locateOffset(clean, RAW.indexOf('地方科协'))).toBeNull();
  });

  it("should pair the editor's typed text with what the span read as, the automatic edits applied, in its paragraph", () => {
    const fixed = run(page, setEditStatus(page, 'fix', 'applied'));
    const block = cleanOf(fixed).articles[0].blocks[0];
    const typed = run(fixed, editBlockText(fixed, first.id, block.id, block.text.replace('能总结', '能够总结')));
    const retyped = run(typed, editBlockText(typed, first.id, block.id, block.text.replace('能总结', '可总结')));
    expect(typedChange(retyped, retyped.analysis.edits.at(-1)!)).toEqual({
      before: '本报讯 近日,荣经县科协召开年会,能总结工作。',
      after: '本报讯 近日,荣经县科协召开年会,可总结工作。',
    });
  });

  it('should pair a block typed whole by an old review with the text the automatic edits made of it', () => {
    // Reviews stored before typing was kept as replaces put a joined block's whole text on its first chunk.
    const block = first.blocks[1];
    const typedWhole = (chunk: string, text: string): Edit => ({
      ...page.analysis.edits[0],
      id: `typed-${chunk}`,
      rule: 'review.set-text',
      kind: 'manual',
      origin: 'editor',
      op: { type: 'set-text', chunk, text },
    });
    const [whole, emptied] = [typedWhole('c42', '会议要求各级科协做好科普宣传工作。'), typedWhole('c51', '')];
    const typed = { ...page, analysis: { ...page.analysis, edits: [...page.analysis.edits, whole, emptied] } };
    expect(typedChange(typed, whole)).toEqual({ before: block.text, after: '会议要求各级科协做好科普宣传工作。' });
    expect(block.text).toBe('会议要求各级科协做好科普工作。');
    expect(typedChange(typed, emptied)).toBeNull();
  });

  it("should pair a typed field with the value it replaced, and give nothing for the pipeline's edits", () => {
    const titled = run(page, setArticleField(page, first.id, 'title', '荥经县科协召开年会'));
    expect(typedChange(titled, titled.analysis.edits.at(-1)!)).toEqual({
      before: '荣经县科协召开年会',
      after: '荥经县科协召开年会',
    });
    expect(typedChange(page, page.analysis.edits[0])).toBeNull();
  });
});

/**
 * A large page's article has thousands of spans, flags and edits (issue 18: 41 articles of 55,000
 * chunks froze the desk for seconds on every action). Work is counted, not timed: reads of the
 * article's spans go through a counting proxy, and 4× the size may cost at most 6× the reads
 * (a scan of every span for every flag or edit gives 16×).
 */
describe('review queries on large articles', () => {
  const GROWTH = 4;
  const MAX_RATIO = 6;
  let reads = 0;
  const counted = (span: Span): Span =>
    new Proxy(span, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver);
      },
    });

  /** `n` paragraphs ten units apart, a flag and a character fix inside each, one more of each outside the article. */
  function largeArticle(n: number): { article: Article; flags: Flag[]; edits: Edit[] } {
    const spans = Array.from({ length: n }, (_, i) => counted({ start: i * 10, end: i * 10 + 8 }));
    const places = [
      ...spans.map((s) => ({ start: s.start + 2, end: s.start + 3 })),
      { start: n * 10 + 2, end: n * 10 + 3 },
    ];
    const flags = places.map((place, i): Flag => ({
      ...place,
      id: `f${i}`,
      kind: 'ocr-lookalike',
      rule: 'test.rule',
      text: '己',
      message: 'test',
      suggestion: '已',
      confidence: 0.9,
      status: 'open',
    }));
    const edits = places.map((place, i): Edit => ({
      ...place,
      id: `e${i}`,
      kind: 'char-fix',
      rule: 'test.rule',
      before: '己',
      after: '已',
      reason: 'test',
      confidence: 1,
      status: 'applied',
      origin: 'auto',
      op: { type: 'replace' },
    }));
    const article: Article = {
      id: 'a',
      section: null,
      kicker: null,
      title: '标题',
      byline: null,
      captions: [],
      blocks: [],
      split: { status: 'approved', confidence: 1, reason: 'page start', boundary: null },
      spans,
    };
    return { article, flags, edits };
  }

  function readsFor(n: number, query: (page: ReturnType<typeof largeArticle>) => readonly unknown[]): number {
    const page = largeArticle(n);
    reads = 0;
    expect(query(page)).toHaveLength(n);
    return reads;
  }

  it.each([
    ['articleFlags', ({ article, flags }: ReturnType<typeof largeArticle>) => articleFlags(article, flags)],
    ['articleChanges', ({ article, edits }: ReturnType<typeof largeArticle>) => articleChanges(article, edits)],
  ])('should keep %s near-linear in the article’s spans', (_, query) => {
    const small = readsFor(1000, query);
    const large = readsFor(1000 * GROWTH, query);
    expect(large / small).toBeLessThanOrEqual(MAX_RATIO);
  });

  it('should look up the first applied fix of each span', () => {
    const { edits } = largeArticle(2);
    const later = { ...edits[0], id: 'later', after: '巳' };
    const reverted = { ...edits[1], status: 'reverted' as const };
    const fixes = appliedFixes([reverted, edits[0], later]);
    expect(fixes.get(spanKey(edits[0]))).toBe('已');
    expect(fixes.has(spanKey(edits[1]))).toBe(false);
  });
});

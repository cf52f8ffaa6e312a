import { describe, expect, it } from 'vitest';
import { shortArticlesPage } from '../../../bench/pages';
import { articleDiff } from '../../../src-renderer/views/desk/diff';
import { materialize, type Article, type Edit, type Flag } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import {
  appliedFixes,
  articleChanges,
  articleFlags,
  cleanOf,
  fieldChanges,
  openFlagCounts,
  spanKey,
} from '../../../src-shared/review';

/**
 * Work counted, not timed: on the largest page every pass over the page's edits (48,000) is felt on
 * each action, so the diff of one article may read each edit once per array of edits, and no more.
 */
describe('the desk’s derivations on a page of many short articles', () => {
  const raw = shortArticlesPage(600);
  const analysis = analyzePage(raw);
  const { articles } = materialize(raw, analysis);

  /** The page's edits or flags, counting each element read from them. */
  function counted<T extends Edit | Flag>(items: T[]): { items: T[]; reads: () => number } {
    let reads = 0;
    const proxy = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { items: proxy, reads: () => reads };
  }

  it('should read each edit once for an article’s diff, and none when the same article is diffed again', () => {
    // The article with the most paragraphs joined from several lines, each of which a block's source looks up.
    const joins = (article: (typeof articles)[number]) => article.blocks.filter((b) => b.chunks.length > 1).length;
    const joined = articles.reduce((most, article) => (joins(article) >= joins(most) ? article : most));
    expect(joins(joined)).toBeGreaterThan(1);
    const { items: edits, reads } = counted([...analysis.edits]);
    const first = articleDiff(raw, joined, edits, {});
    expect(reads()).toBeLessThanOrEqual(edits.length);
    const again = articleDiff(raw, joined, edits, {});
    expect(again).toEqual(first);
    expect(reads()).toBeLessThanOrEqual(edits.length);
  });

  it('should find the fields changed on an article without another pass over the page’s edits', () => {
    const { items: edits, reads } = counted([...analysis.edits]);
    const page = { pageId: 'large', raw, analysis: { ...analysis, edits } };
    const [article] = cleanOf(page).articles;
    const { count } = articleDiff(raw, article, edits, {});
    const derived = reads();
    expect(fieldChanges(page, article)).toEqual([]);
    expect(reads()).toBe(derived);
    expect(count).toBeGreaterThan(0);
  });

  it('should find each flag’s applied fix among its article’s changes as among all the page’s edits', () => {
    const { edits } = analysis;
    const pageFixes = appliedFixes(edits);
    let fixed = 0;
    for (const article of articles) {
      const articleFixes = appliedFixes(articleChanges(article, edits));
      for (const flag of articleFlags(article, analysis.flags, 'any')) {
        expect(articleFixes.get(spanKey(flag))).toBe(pageFixes.get(spanKey(flag)));
        if (pageFixes.has(spanKey(flag))) fixed++;
      }
    }
    expect(fixed).toBeGreaterThan(0);
  });

  it('should count the open flags again only when the flags or the articles’ spans changed', () => {
    const { items: flags, reads } = counted([...analysis.flags]);
    const counts = openFlagCounts(articles, flags);
    expect(reads()).toBeGreaterThanOrEqual(flags.length);
    // An action derives new articles over the same spans, as typing a title does.
    const retitled = articles.map((article): Article => ({
      ...article,
      title: `${article.title}!`,
      spans: article.spans.map((span) => ({ ...span })),
    }));
    expect(openFlagCounts(retitled, flags)).toBe(counts);
    expect(reads()).toBeLessThanOrEqual(flags.length);

    const flagged = articles.findIndex((article) => counts.get(article.id)! > 0);
    const shrunk = articles.map((article, i): Article => (i === flagged ? { ...article, spans: [] } : article));
    expect(openFlagCounts(shrunk, flags).get(articles[flagged].id)).toBe(0);
    expect(reads()).toBeGreaterThan(flags.length);
  });
});

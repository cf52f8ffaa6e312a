import { describe, expect, it } from 'vitest';
import { shortArticlesPage } from '../../../bench/pages';
import { articleDiff } from '../../../src-renderer/views/desk/diff';
import { materialize, type Edit } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { appliedFixes, articleChanges, articleFlags, spanKey } from '../../../src-shared/review';

/**
 * Work counted, not timed: on the largest page every pass over the page's edits (48,000) is felt on
 * each action, so the diff of one article may read each edit once per array of edits, and no more.
 */
describe('the desk’s derivations on a page of many short articles', () => {
  const raw = shortArticlesPage(600);
  const analysis = analyzePage(raw);
  const { articles } = materialize(raw, analysis);

  /** The page's edits, counting each element read from them. */
  function countedEdits(edits: readonly Edit[]): { edits: readonly Edit[]; reads: () => number } {
    let reads = 0;
    const counted = new Proxy(edits, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { edits: counted, reads: () => reads };
  }

  it('should read each edit once for an article’s diff, and none when the same article is diffed again', () => {
    // The article with the most paragraphs joined from several lines, each of which a block's source looks up.
    const joins = (article: (typeof articles)[number]) => article.blocks.filter((b) => b.chunks.length > 1).length;
    const joined = articles.reduce((most, article) => (joins(article) >= joins(most) ? article : most));
    expect(joins(joined)).toBeGreaterThan(1);
    const { edits, reads } = countedEdits([...analysis.edits]);
    const first = articleDiff(raw, joined, edits, {});
    expect(reads()).toBeLessThanOrEqual(edits.length);
    const again = articleDiff(raw, joined, edits, {});
    expect(again).toEqual(first);
    expect(reads()).toBeLessThanOrEqual(edits.length);
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
});

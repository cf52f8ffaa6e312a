import { describe, expect, it } from 'vitest';
import { articleChanges, articleFlags, cleanOf, locateOffset } from '../../src-shared/review';
import { fixturePage, RAW } from './fixture';

describe('review queries', () => {
  const page = fixturePage();
  const clean = cleanOf(page);
  const [first, second] = clean.articles;

  it('should list the open flags inside an article', () => {
    expect(articleFlags(first, page.analysis.flags).map((f) => f.id)).toEqual(['f-double', 'f-lookalike']);
    expect(articleFlags(second, page.analysis.flags).map((f) => f.id)).toEqual(['f-split']);
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
});

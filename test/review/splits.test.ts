import { describe, expect, it } from 'vitest';
import {
  approveAllAbove,
  approveBoundary,
  blockPlaces,
  cleanOf,
  mergeWithPrevious,
  moveBlockBy,
  moveBlockToArticle,
  pageApproval,
  rejectBoundary,
  setArticleField,
  splitArticleAt,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage, run } from './fixture';

const titles = (page: ReviewPage) => cleanOf(page).articles.map((a) => a.title);
const blocks = (page: ReviewPage, article: number) => cleanOf(page).articles[article].blocks.map((b) => b.text);

describe('splits', () => {
  it('should approve a boundary and settle the doubt about it', () => {
    const page = fixturePage();
    const after = run(page, approveBoundary(page, 'b2'));
    expect(after.analysis.boundaries[1].status).toBe('approved');
    expect(after.analysis.flags.find((f) => f.id === 'f-split')?.status).toBe('accepted');
    expect(titles(after)).toEqual(titles(page));
  });

  it('should merge two articles when the boundary between them is rejected', () => {
    const page = fixturePage();
    const after = run(page, rejectBoundary(page, 'b2'));
    expect(cleanOf(after).articles).toHaveLength(1);
    expect(blocks(after, 0)).toContain('本报讯 广汉市在荣经县学习经验。');
  });

  it('should approve only the proposed boundaries at or above the threshold', () => {
    const page = fixturePage();
    const after = run(page, approveAllAbove(page, 0.9));
    expect(after.analysis.boundaries.map((b) => b.status)).toEqual(['approved', 'proposed']);
  });

  it('should split an article at a block with a typed title, approved', () => {
    const page = fixturePage();
    const block = cleanOf(page).articles[0].blocks[1];
    const after = run(page, splitArticleAt(page, block.id, '会议要求'));
    expect(titles(after)).toEqual(['荣经县科协召开年会', '会议要求', '广汉市 开展科普活动']);
    expect(after.analysis.boundaries.map((b) => b.chunk)).toEqual([
      page.analysis.chunks[1].id,
      block.id,
      page.analysis.chunks[5].id,
    ]);
    expect(after.analysis.boundaries[1]).toMatchObject({ status: 'approved', origin: 'editor' });
  });

  it('should approve a rejected boundary again rather than add a twin when split there', () => {
    let page = fixturePage();
    page = run(page, rejectBoundary(page, 'b2'));
    const after = run(page, splitArticleAt(page, page.analysis.chunks[5].id));
    expect(after.analysis.boundaries).toHaveLength(2);
    expect(after.analysis.boundaries[1].status).toBe('approved');
  });

  it('should merge an article with the previous one, and refuse to merge the first', () => {
    const page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    expect(cleanOf(run(page, mergeWithPrevious(page, second.id))).articles).toHaveLength(1);
    expect(() => mergeWithPrevious({ ...page, analysis: { ...page.analysis, boundaries: [] } }, 'page-start')).toThrow(
      RangeError,
    );
    expect(first.split.boundary).toBe('b1');
  });

  it('should move a block down and up inside its article', () => {
    const page = fixturePage();
    const article = cleanOf(page).articles[0];
    const down = run(page, moveBlockBy(page, article.id, article.blocks[0].id, 1));
    expect(blocks(down, 0)).toEqual([article.blocks[1].text, article.blocks[0].text]);
    const up = run(down, moveBlockBy(down, article.id, article.blocks[0].id, -1));
    expect(blocks(up, 0)).toEqual([article.blocks[0].text, article.blocks[1].text]);
    expect(cleanOf(up).articles[0].title).toBe(article.title);
  });

  it('should keep a joined block whole when it moves to another article', () => {
    const page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    const after = run(page, moveBlockToArticle(page, first.id, first.blocks[1].id, second.id));
    expect(blocks(after, 0)).toEqual([first.blocks[0].text]);
    expect(blocks(after, 1)).toEqual([...second.blocks.map((b) => b.text), first.blocks[1].text]);
  });

  it('should move a block into another article before or after the block the editor chose', () => {
    const page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    const moved = first.blocks[0];
    const [lead, closing] = second.blocks.map((b) => b.text);
    const before = run(
      page,
      moveBlockToArticle(page, first.id, moved.id, second.id, { block: second.blocks[0].id, side: 'before' }),
    );
    expect(blocks(before, 1)).toEqual([moved.text, lead, closing]);
    const after = run(
      page,
      moveBlockToArticle(page, first.id, moved.id, second.id, { block: second.blocks[0].id, side: 'after' }),
    );
    expect(blocks(after, 1)).toEqual([lead, moved.text, closing]);
    expect(cleanOf(before).articles[1].title).toBe(second.title);
  });

  it('should offer every place in an article, and none before a block that opens it', () => {
    let page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    expect(blockPlaces(page, second.id)).toEqual([
      { block: second.blocks[0].id, side: 'before' },
      ...second.blocks.map((b) => ({ block: b.id, side: 'after' })),
    ]);
    page = run(page, splitArticleAt(page, first.blocks[1].id));
    const split = cleanOf(page).articles[1];
    expect(blockPlaces(page, split.id)).toEqual([{ block: split.blocks[0].id, side: 'after' }]);
    expect(() =>
      moveBlockToArticle(page, second.id, second.blocks[0].id, split.id, { block: split.blocks[0].id, side: 'before' }),
    ).toThrow(RangeError);
  });

  it('should not move a block up out of an article that a split opens at its first block', () => {
    let page = fixturePage();
    const [first] = cleanOf(page).articles;
    page = run(page, splitArticleAt(page, first.blocks[1].id));
    const split = cleanOf(page).articles[1];
    page = run(page, moveBlockToArticle(page, 'b2', cleanOf(page).articles[2].blocks[0].id, split.id));
    const second = cleanOf(page).articles[1].blocks[1];
    expect(moveBlockBy(page, split.id, second.id, -1).patches).toEqual([]);
  });

  it('should allow approving a page only when every split is decided, counting open flags', () => {
    let page = fixturePage();
    expect(pageApproval(page.analysis, cleanOf(page))).toEqual({
      allowed: false,
      undecidedSplits: 2,
      untitledSplits: [],
      openFlags: 3,
    });
    page = run(page, approveAllAbove(page, 0));
    expect(pageApproval(page.analysis, cleanOf(page))).toEqual({
      allowed: true,
      undecidedSplits: 0,
      untitledSplits: [],
      openFlags: 2,
    });
  });

  it("should hold page approval on an editor's split until its new article has a title", () => {
    let page = fixturePage();
    page = run(page, approveAllAbove(page, 0));
    const block = cleanOf(page).articles[0].blocks[1];
    page = run(page, splitArticleAt(page, block.id));
    const split = cleanOf(page).articles[1];
    expect(split.split.status).toBe('approved');
    expect(pageApproval(page.analysis, cleanOf(page))).toMatchObject({
      allowed: false,
      untitledSplits: [{ id: split.id, blocks: [{ text: block.text }] }],
    });
    page = run(page, setArticleField(page, split.id, 'title', '会议要求'));
    expect(pageApproval(page.analysis, cleanOf(page))).toMatchObject({ allowed: true, untitledSplits: [] });
  });
});

import { describe, expect, it } from 'vitest';
import {
  acceptFlag,
  applyEntry,
  cleanOf,
  correctFlag,
  dismissFlag,
  editBlockText,
  restoreEdit,
  revertEdit,
  setArticleCaptions,
  setArticleField,
  setBlockRole,
  splitArticleAt,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage, run } from './fixture';

const firstArticle = (page: ReviewPage) => cleanOf(page).articles[0];

describe('review actions', () => {
  it('should split a joined paragraph when its join is reverted, and rejoin it when restored', () => {
    const page = fixturePage();
    expect(firstArticle(page).blocks.map((b) => b.text)).toEqual([
      '本报讯 近日,荣经县科协召开年会,能能总结工作。',
      '会议要求各级科协做好科普工作。',
    ]);
    const reverted = run(page, revertEdit(page, 'join'));
    expect(firstArticle(reverted).blocks.map((b) => b.text)).toEqual([
      '本报讯 近日,荣经县科协召开年会,能能总结工作。',
      '会议要求各级科协',
      '做好科普工作。',
    ]);
    const restored = run(reverted, restoreEdit(reverted, 'join'));
    expect(restored.analysis).toEqual(page.analysis);
  });

  it('should apply the proposed fix when its flag is accepted, without adding a twin edit', () => {
    const page = fixturePage();
    const after = run(page, acceptFlag(page, 'f-double'));
    expect(firstArticle(after).blocks[0].text).toContain(',能总结');
    expect(after.analysis.edits).toHaveLength(page.analysis.edits.length);
    expect(after.analysis.edits.find((e) => e.id === 'fix')?.status).toBe('applied');
    expect(after.analysis.flags.find((f) => f.id === 'f-double')?.status).toBe('accepted');
  });

  it('should add a character fix when a suggestion no edit proposed is accepted', () => {
    const page = fixturePage();
    const after = run(page, acceptFlag(page, 'f-lookalike'));
    const added = after.analysis.edits[after.analysis.edits.length - 1];
    expect(added).toMatchObject({
      kind: 'char-fix',
      before: '荣',
      after: '荥',
      origin: 'editor',
      status: 'applied',
      op: { type: 'replace' },
    });
    expect(firstArticle(after).title).toBe('荥经县科协召开年会');
  });

  it('should record the editor’s own reading of a flagged span as corrected', () => {
    const page = fixturePage();
    const after = run(page, correctFlag(page, 'f-lookalike', '雅'));
    expect(firstArticle(after).title).toBe('雅经县科协召开年会');
    expect(after.analysis.flags.find((f) => f.id === 'f-lookalike')?.status).toBe('corrected');
  });

  it('should dismiss a flag and leave the text as printed', () => {
    const page = fixturePage();
    const after = run(page, dismissFlag(page, 'f-lookalike'));
    expect(after.analysis.flags.find((f) => f.id === 'f-lookalike')?.status).toBe('dismissed');
    expect(cleanOf(after)).toEqual(cleanOf(page));
  });

  it('should put a joined block’s typed text on its first chunk and empty the others', () => {
    const page = fixturePage();
    const article = firstArticle(page);
    const block = article.blocks[1];
    const step = editBlockText(page, article.id, block.id, '会议要求全体科协做好工作。');
    const after = run(page, step);
    expect(step.patches[0].forward).toHaveLength(2);
    expect(firstArticle(after).blocks[1].text).toBe('会议要求全体科协做好工作。');
    expect(firstArticle(after).blocks[1].chunks).toEqual(block.chunks);
    expect(firstArticle(after).byline).toBe('张紫艺');
  });

  it('should update its own typed edit rather than add another', () => {
    let page = fixturePage();
    const article = firstArticle(page);
    page = run(page, editBlockText(page, article.id, article.blocks[0].id, '甲'));
    const count = page.analysis.edits.length;
    const second = editBlockText(page, article.id, article.blocks[0].id, '甲乙');
    expect(second.patches[0].forward.map((op) => op.type)).toEqual(['update-edit']);
    expect(run(page, second).analysis.edits).toHaveLength(count);
  });

  it('should set article fields and captions', () => {
    let page = fixturePage();
    const id = firstArticle(page).id;
    page = run(page, setArticleField(page, id, 'title', '荥经县科协召开年会'));
    page = run(page, setArticleField(page, id, 'kicker', '雅安市'));
    page = run(page, setArticleCaptions(page, id, ['会议现场']));
    expect(firstArticle(page)).toMatchObject({ title: '荥经县科协召开年会', kicker: '雅安市', captions: ['会议现场'] });
  });
});

describe('review actions on typed text', () => {
  it('should carry an accepted fix into a block the editor has typed in', () => {
    let page = fixturePage();
    const article = firstArticle(page);
    const block = article.blocks[0];
    page = run(page, editBlockText(page, article.id, block.id, `${block.text}补记`));
    const after = run(page, acceptFlag(page, 'f-double'));
    expect(firstArticle(after).blocks[0].text).toBe('本报讯 近日,荣经县科协召开年会,能总结工作。补记');
    expect(after.analysis.edits.find((e) => e.id === 'fix')?.status).toBe('applied');
  });

  it('should leave typed text alone when the editor already rewrote the flagged characters', () => {
    let page = fixturePage();
    const article = firstArticle(page);
    page = run(page, editBlockText(page, article.id, article.blocks[0].id, '全新的一段。'));
    const after = run(page, acceptFlag(page, 'f-double'));
    expect(firstArticle(after).blocks[0].text).toBe('全新的一段。');
  });
});

describe('block roles', () => {
  it('should turn a paragraph into a subhead and back through undo', () => {
    const page = fixturePage();
    const article = firstArticle(page);
    const step = setBlockRole(page, article.id, article.blocks[0].id, 'subhead');
    const after = run(page, step);
    expect(firstArticle(after).blocks[0].type).toBe('subhead');
    expect(applyEntry(after.analysis, page.pageId, step, 'backward')).toEqual(page.analysis);
  });

  it('should title a split-off article with the line made its headline', () => {
    let page = fixturePage();
    const article = firstArticle(page);
    const line = article.blocks[1];
    page = run(page, splitArticleAt(page, line.id));
    const split = cleanOf(page).articles[1];
    page = run(page, setBlockRole(page, split.id, line.id, 'headline'));
    expect(cleanOf(page).articles[1]).toMatchObject({ title: '会议要求各级科协 做好科普工作。', blocks: [] });
  });
});

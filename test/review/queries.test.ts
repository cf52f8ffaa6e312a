import { describe, expect, it } from 'vitest';
import {
  articleChanges,
  articleFlags,
  cleanOf,
  editBlockText,
  locateOffset,
  setArticleField,
  typedChange,
} from '../../src-shared/review';
import { fixturePage, RAW, run } from './fixture';

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

  it("should pair the editor's typed text with the text it replaced, as the automatic edits made it", () => {
    // The second block is joined from two chunks, its credit extracted: typing puts the whole text on the first chunk.
    const block = first.blocks[1];
    const typed = run(page, editBlockText(page, first.id, block.id, '会议要求各级科协做好科普宣传工作。'));
    const [whole, emptied] = typed.analysis.edits.filter((e) => e.op.type === 'set-text');
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

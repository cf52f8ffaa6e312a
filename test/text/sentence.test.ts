import { describe, expect, it } from 'vitest';
import { endsSentence, endsSentenceAt, holdsFullStop, openingDoubt, startsMidSentence } from '../../src-shared/text';

describe('sentence end', () => {
  it('should end on full- and half-width stops, question and exclamation marks and the ellipsis', () => {
    expect(['会议召开。', '是吗？', '好!', 'why?', '等等…'].map(endsSentence)).toEqual([true, true, true, true, true]);
  });

  it('should look through closing quotes and brackets after the mark, and through trailing spaces', () => {
    expect(['他说:“要抓好落实。”', '(见下图。)', '《通知》。」', '完成。  \n'].map(endsSentence)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('should end on a colon (a list or a quotation follows) but not on a semicolon or a comma', () => {
    expect(['主要做法如下:', '他表示：', '一是加强学习；', '二是抓好落实;', '会上,'].map(endsSentence)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('should not end on a closer without a mark before it', () => {
    expect(['(张紫艺)', '“科技之春”', ''].map(endsSentence)).toEqual([false, false, false]);
  });

  it('should test a range of a longer text without slicing it', () => {
    const raw = '开展活动。(杨博)';
    expect(endsSentenceAt(raw, 0, 5)).toBe(true);
    expect(endsSentenceAt(raw, 0, 4)).toBe(false);
  });

  it('should find a full stop anywhere, but not a colon or a comma', () => {
    expect(['本报记者 张明', '会议。结束', '欢迎关注!', '栏目协办:某某'].map(holdsFullStop)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('sentence opening', () => {
  it('should say why a character cannot open a sentence', () => {
    expect(['，', ')', '”', '的', '了', '和', '并', '都'].map(openingDoubt)).toEqual([
      'punctuation',
      'punctuation',
      'punctuation',
      'enclitic',
      'enclitic',
      'connective',
      'connective',
      'connective',
    ]);
  });

  it('should let ordinary characters, opening quotes and Latin open one', () => {
    expect(['本', '“', '(', 'A', '2', ''].map(openingDoubt)).toEqual([null, null, null, null, null, null]);
  });

  it('should read the first character after leading spaces', () => {
    expect(startsMidSentence('  \u3000的发展')).toBe(true);
    expect(startsMidSentence('\u3000\u3000本报讯')).toBe(false);
  });
});

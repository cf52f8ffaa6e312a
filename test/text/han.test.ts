import { describe, expect, it } from 'vitest';
import { countHan, HAN_CLASS, isHan, isHanCode } from '../../src-shared/text';

describe('Han characters', () => {
  it('should accept the unified block, extension A and the compatibility ideographs', () => {
    expect(['中', '龥', '㐀', '䶿', '豈', '﨩'].map(isHan)).toEqual([true, true, true, true, true, true]);
  });

  it('should refuse punctuation, kana, digits, Latin letters and the ideographic space', () => {
    expect(['。', '，', 'あ', '3', 'A', '\u3000', '〇', ''].map(isHan)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('should accept extension B+ as a code point, not as a UTF-16 code unit', () => {
    const rare = '𠀀'; // U+20000, a surrogate pair
    expect(isHan(rare)).toBe(true);
    expect(isHanCode(rare.charCodeAt(0))).toBe(false);
    expect(countHan(`科${rare}协`)).toBe(3);
  });

  it('should give regular expressions the same BMP blocks', () => {
    const han = new RegExp(`^${HAN_CLASS}+$`);
    expect(han.test('科协㐀豈')).toBe(true);
    expect(han.test('科协。')).toBe(false);
  });
});

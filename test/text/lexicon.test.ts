import { describe, expect, it } from 'vitest';
import { lexicon } from '../../src-shared/text';

describe('lexicon', () => {
  const words = lexicon();

  it('should hold common words of jieba and the domain list, and not single characters or non-words', () => {
    expect(['发展', '科学技术', '一帆风顺', '科协', '院士', '习近平', '荥经'].map((word) => words.has(word))).toEqual(
      Array(7).fill(true),
    );
    expect(['的', '能能', '近平', '科协能', ''].map((word) => words.has(word))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('should rank a common word above a rare one and an unknown word at the floor', () => {
    expect(words.logProb('发展')).toBeGreaterThan(words.logProb('府县'));
    expect(words.logProb('府县')).toBeGreaterThan(words.floor);
    expect(words.logProb('能能')).toBe(words.floor);
    expect(words.logProb('发展')).toBeLessThan(0);
  });

  it('should be parsed once per process', () => {
    expect(lexicon()).toBe(words);
  });

  it('should find the longest word across a cut, each side giving at least one character', () => {
    expect(words.wordAcross('学习了习', '近平总书记', 3)).toBe('习近平');
    expect(words.wordAcross('推动高质量', '发展', 3)).toBe('高质量发展');
    expect(words.wordAcross('召开会议。', '本报讯', 3)).toBeNull();
    expect(words.wordAcross('', '发展', 2)).toBeNull();
  });

  it('should find the longest word starting or ending at a position, inside the bounds', () => {
    const text = '促进进一步发展';
    expect(words.wordStartingAt(text, 2, text.length, 2)).toBe('进一步');
    expect(words.wordStartingAt(text, 2, 4, 3)).toBeNull();
    expect(words.wordEndingAt(text, 1, 0, 2)).toBe('促进');
    expect(words.wordEndingAt(text, 1, 1, 2)).toBeNull();
  });

  it('should tell which two characters stand side by side inside some word', () => {
    const code = (ch: string) => ch.charCodeAt(0);
    expect(words.pairsInWord(code('宜'), code('宾'))).toBe(true);
    expect(words.pairsInWord(code('质'), code('量'))).toBe(true);
    expect(words.pairsInWord(code('宣'), code('宾'))).toBe(false);
    expect(words.pairsInWord(NaN, code('宾'))).toBe(false);
  });
});

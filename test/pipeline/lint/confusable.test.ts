import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function confused(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  return lintPage(raw, chunks)
    .flags.filter((flag) => flag.kind === 'ocr-lookalike')
    .map(({ start, text, suggestion }) => ({ start, text, suggestion }));
}

describe('characters a confused one would turn into a likelier word', () => {
  it('should flag an engine confusion that makes a word (宣宾 → 宜宾, 性牛 → 牦牛)', () => {
    expect(confused('近日,宣宾市科协开展活动。')).toEqual([{ start: 3, text: '宣', suggestion: '宜' }]);
    expect(confused('专家为牧民讲解性牛冬春季补饲技术。')).toEqual([{ start: 7, text: '性', suggestion: '牦' }]);
  });

  it('should read the word across a wrapped line or spaced characters (履⏎盖, 合 理 腾 食)', () => {
    expect(confused('实现全镇履\n盖。')).toEqual([{ start: 4, text: '履', suggestion: '覆' }]);
    expect(confused('讲解合 理 腾 食知识。')).toEqual([{ start: 6, text: '腾', suggestion: '膳' }]);
  });

  it('should leave a character that reads as well as its look-alike (条件|下|开展)', () => {
    expect(confused('在艰苦条件下开展钒钛资源研究。')).toEqual([]);
    expect(confused('宜宾市科协和宣传部联合开展活动。')).toEqual([]);
  });

  it('should show its probability as the confidence', () => {
    const { raw, chunks } = page('近日,宣宾市科协开展活动。');
    const [flag] = lintPage(raw, chunks).flags;
    expect(flag.confidence).toBeGreaterThan(0.5);
    expect(flag.confidence).toBeLessThanOrEqual(1);
  });
});

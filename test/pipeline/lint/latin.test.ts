import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function latin(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  return lintPage(raw, chunks)
    .flags.filter((flag) => flag.rule === 'ocr.latin')
    .map(({ kind, start, end, text, suggestion, confidence }) => ({ kind, start, end, text, suggestion, confidence }));
}

describe('stray Latin words', () => {
  it('should flag “and” between Chinese words with its spaces, suggesting 和', () => {
    expect(latin('统一到会议精神 and 上级部署上来。')).toEqual([
      { kind: 'ocr-latin-word', start: 7, end: 12, text: ' and ', suggestion: '和', confidence: 0.75 },
    ]);
  });

  it('should suggest deleting another English function word', () => {
    expect(latin('持续提升of群众素养。')).toEqual([
      { kind: 'ocr-latin-word', start: 4, end: 6, text: 'of', suggestion: '', confidence: 0.75 },
    ]);
  });

  it('should flag an unknown lower-case word with less confidence', () => {
    expect(latin('加强 tion 队伍建设。')).toEqual([
      { kind: 'ocr-latin-word', start: 2, end: 8, text: ' tion ', suggestion: '', confidence: 0.5 },
    ]);
  });

  it.each([
    ['acronyms', '开展AI大讲堂、STEM课程和MES系统研发。'],
    ['alphanumerics', '基于GPT4的客服,用好5G网络。'],
    ['units after a number', '建设10km科普服务圈,捐赠300kg物资。'],
    ['known lower-case terms', '下载APP或连接wifi即可参与。'],
    ['mixed case brands', '用iPhone拍摄作品。'],
    ['English outside Chinese context', 'Science and technology'],
  ])('should not flag %s', (_, text) => {
    expect(latin(text)).toEqual([]);
  });

  it('should flag a stray word at the end of a wrapped line', () => {
    expect(latin('农技专家服务 the\n团走进蓬莱镇。').map(({ start, end }) => [start, end])).toEqual([[6, 11]]);
    expect(latin('发挥桥梁纽带作 \nthe 用,推动发展。').map(({ start, end }) => [start, end])).toEqual([[7, 13]]);
  });

  it('should not read a line break as the gap around a word', () => {
    expect(latin('科普活动\nand\n志愿服务')).toEqual([]);
  });

  it('should not look at a pinyin banner kept as furniture', () => {
    expect(latin(['furniture', '地方科协 di fang ke xie 科协'])).toEqual([]);
  });
});

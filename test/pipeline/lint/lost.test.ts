import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function lost(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  return lintPage(raw, chunks)
    .flags.filter((flag) => flag.kind === 'lost-text')
    .map(({ rule, start, end, confidence }) => ({ rule, start, end, confidence }));
}

const WHOLE = '本报讯 近日,市科协组织专家深入基层,开展科技服务活动,受到群众欢迎。';

describe('lost text', () => {
  it('should flag a paragraph that opens with inner punctuation after a finished one', () => {
    expect(lost(WHOLE, ',并对下一步工作提出了具体要求和明确意见。')).toEqual([
      { rule: 'lost.start', start: 37, end: 49, confidence: 0.6 },
    ]);
  });

  it('should flag a paragraph that opens with a particle after a headline', () => {
    expect(lost(['headline', '科协开展活动'], '的心血和汗水,都离不开老干部的关爱和支持。')).toEqual([
      { rule: 'lost.start', start: 8, end: 20, confidence: 0.5 },
    ]);
  });

  it('should not flag the continuation of a paragraph cut by a column break', () => {
    expect(lost('会议强调,要结合工作实际,研究制定贯彻措', '施,通过多种形式全面系统学习研讨,推动落实。')).toEqual([]);
  });

  it('should see past a byline between the halves of a cut paragraph', () => {
    expect(
      lost('宣传介绍了全县科普教育基地和科普活动情', ['byline', '(本报记者 张三)'], '况,重点宣传讲解了生态环境知识。'),
    ).toEqual([]);
  });

  it('should not flag a paragraph opening with a word that starts with a particle character', () => {
    expect(lost(WHOLE, '了解到这些情况后,专家们给出了具体建议和解决办法。')).toEqual([]);
  });

  it('should flag a paragraph that stops mid-sentence before a new headline', () => {
    expect(
      lost('专家就如何开展接种工作进行了讲解,并就如何开展入托入学接种证', ['headline', '区科协服务企业创新']),
    ).toEqual([{ rule: 'lost.end', start: 18, end: 30, confidence: 0.5 }]);
  });

  it('should flag a paragraph cut at the end of the page with less confidence', () => {
    expect(lost(WHOLE, '各建站单位围绕工作站运行情况、存在问题和困难以及下一步工作安排进行了发言,就对外合作')).toEqual([
      { rule: 'lost.end', start: 67, end: 79, confidence: 0.4 },
    ]);
  });

  it('should accept a paragraph ending with an inline byline or a closing quote', () => {
    expect(
      lost('团结引领广大科技工作者,为德阳经济高质量发展贡献科技力量。(杨博 李静玉)', ['headline', '下一篇']),
    ).toEqual([]);
    expect(lost('“希望未来能做成更多的成就,为科技事业发展贡献力量。”', ['headline', '下一篇'])).toEqual([]);
  });

  it('should not flag a short unpunctuated line that is not prose', () => {
    expect(lost('图为志愿者讲解科普知识', ['headline', '下一篇'])).toEqual([]);
  });
});

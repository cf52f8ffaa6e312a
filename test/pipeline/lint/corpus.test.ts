import { describe, expect, it } from 'vitest';
import { lintCorpus } from '../../../src-shared/pipeline/lint';
import { page } from './page';

const REPORT =
  '本报讯 近日,市科协组织科技志愿者深入乡村开展科技服务活动,专家们为种植户讲解果树修剪和病虫害防治技术,现场解答群众提出的各类问题,受到村民欢迎。';

function corpus(...pages: Parameters<typeof page>[]) {
  const result = lintCorpus(pages.map((blocks, index) => ({ id: `p${index}`, ...page(...blocks) })));
  return Object.fromEntries(
    [...result].map(([id, flags]) => [
      id,
      flags.map(({ id: flagId, kind, start, end, text, suggestion }) => ({
        flagId,
        kind,
        start,
        end,
        text,
        suggestion,
      })),
    ]),
  );
}

describe('corpus checks', () => {
  it('should flag the look-alike spelling of a name that other pages spell with the rarer character', () => {
    expect(corpus(['荥经县科协开展活动。', '荥经县科协负责人表示。'], ['雅安市科协到荣经县调研。'])).toEqual({
      p0: [],
      p1: [
        {
          flagId: 'f-corpus.name-variant-6',
          kind: 'name-variant',
          start: 6,
          end: 9,
          text: '荣经县',
          suggestion: '荥经县',
        },
      ],
    });
  });

  it('should leave a name variant seen on the same page to the page check', () => {
    expect(corpus(['荥经县科协开展活动。'], ['荥经县科协与荣经县。'])).toEqual({ p0: [], p1: [] });
  });

  it('should flag each copy of a paragraph printed on two pages', () => {
    const result = corpus(
      [['headline', '甲文'], REPORT],
      ['其他内容的段落,与前文无关,讲述另一件事情。', REPORT.replace(/,/g, ', ')],
    );
    expect(result.p0.map((flag) => [flag.kind, flag.start, flag.end])).toEqual([
      ['repeated-elsewhere', 4, 4 + REPORT.length],
    ]);
    expect(result.p1.map((flag) => flag.kind)).toEqual(['repeated-elsewhere']);
  });

  it('should not flag a paragraph repeated on its own page, nor short formulae shared by many pages', () => {
    expect(corpus([REPORT, REPORT], ['会议强调,要抓好落实。'], ['会议强调,要抓好落实。'])).toEqual({
      p0: [],
      p1: [],
      p2: [],
    });
  });

  it('should treat a passage shared by many pages as boilerplate, not as a repeat', () => {
    const pages = Array.from({ length: 6 }, (_, n) => [`第${n}篇:${REPORT}`] as Parameters<typeof page>);
    expect(Object.values(corpus(...pages)).flat()).toEqual([]);
  });
});

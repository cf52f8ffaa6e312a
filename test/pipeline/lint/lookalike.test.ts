import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function lookalike(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  const { flags, edits } = lintPage(raw, chunks);
  return {
    flags: flags
      .filter((flag) => flag.kind === 'ocr-lookalike')
      .map(({ start, end, text, suggestion, confidence }) => ({ start, end, text, suggestion, confidence })),
    edits: edits.map(({ start, end, before, after }) => ({ start, end, before, after })),
  };
}

describe('look-alike characters', () => {
  it('should apply a known misread that no neighbouring word explains', () => {
    expect(lookalike('科普,己经成为重点。')).toEqual({
      flags: [],
      edits: [{ start: 3, end: 5, before: '己经', after: '已经' }],
    });
  });

  it('should leave a misread bigram alone when words on both sides explain it (自己|经历)', () => {
    expect(lookalike('讲述自己经历的故事。')).toEqual({ flags: [], edits: [] });
  });

  it('should only flag a misread bigram that a word on one side may explain', () => {
    expect(lookalike('交流心得,自己经过思考。').flags).toEqual([]);
    expect(lookalike('这是自已的事。')).toEqual({
      flags: [],
      edits: [{ start: 2, end: 4, before: '自已', after: '自己' }],
    });
    expect(lookalike('调研组一行到学院土地上考察。').flags).toEqual([]);
    expect(lookalike('来自学院土建专业的学生。').flags).toEqual([
      { start: 3, end: 5, text: '院土', suggestion: '院士', confidence: 0.45 },
    ]);
  });

  it('should flag the rarer spelling of a place name that appears otherwise on the page', () => {
    const result = lookalike('亳州市科协开展活动。', '亳州市科协负责人表示,毫州市将持续推进。');
    expect(result.flags).toEqual([{ start: 23, end: 26, text: '毫州市', suggestion: '亳州市', confidence: 0.75 }]);
  });

  it('should believe the rare character when both spellings are equally frequent (荥 is not misread from 荣)', () => {
    const result = lookalike('荥阳市科协开展活动。', '荣阳市科协负责人表示。');
    expect(result.flags.map((flag) => [flag.text, flag.suggestion])).toEqual([['荣阳市', '荥阳市']]);
  });

  it('should not call the rare spelling a misread even when the common one is more frequent', () => {
    const result = lookalike(
      '荣阳市科协、荣阳市科技局、荣阳市教育局和荣阳市文旅局联合开展活动。',
      '荥阳市科协负责人表示。',
    );
    expect(result.flags.map((flag) => [flag.text, flag.suggestion])).toEqual([
      ['荣阳市', '荥阳市'],
      ['荣阳市', '荥阳市'],
      ['荣阳市', '荥阳市'],
      ['荣阳市', '荥阳市'],
    ]);
  });

  it.each([
    ['遂宁市', '逐宁市'],
    ['泸州市', '沪州市'],
    ['犍为县', '键为县'],
    ['什邡市', '什坊市'],
  ])('should read %s misprinted as its common look-alike %s as a variant', (right, wrong) => {
    const result = lookalike(`${right}科协开展活动,${right}科技局参加。`, `${wrong}农技专家到场。`);
    expect(result.flags.map((flag) => [flag.text, flag.suggestion])).toEqual([[wrong, right]]);
  });

  it('should let the counts decide between look-alikes of like frequency (沐/沭)', () => {
    const result = lookalike('沐川县科协开展活动,沐川县科技局参加。', '沭川县农技专家到场。');
    expect(result.flags.map((flag) => [flag.text, flag.suggestion])).toEqual([['沭川县', '沐川县']]);
  });

  it('should let the dictionary decide when the page counts cannot (旺仓 is no name, 旺苍 is a county)', () => {
    expect(
      lookalike('旺苍县科协开展活动。', '旺仓县农技专家到场。').flags.map((flag) => [flag.text, flag.suggestion]),
    ).toEqual([['仓', '苍']]);
  });

  it('should not flag two names that differ by a non-look-alike character', () => {
    expect(lookalike('大竹县和大邑县科协联合开展活动。')).toEqual({ flags: [], edits: [] });
  });
});

describe('look-alike reports at one place', () => {
  it('should keep one report when a known misread is also a name variant', () => {
    const { raw, chunks } = page('天府县科协开展活动,天府县科协负责人表示。', '夭府县科协参加。');
    const { flags, edits } = lintPage(raw, chunks);
    const ids = [...flags, ...edits].map((finding) => finding.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(edits.map((edit) => [edit.before, edit.after])).toEqual([['夭府', '天府']]);
  });
});

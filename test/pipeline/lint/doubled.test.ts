import { describe, expect, it } from 'vitest';
import { lintPage } from '../../../src-shared/pipeline/lint';
import { page } from './page';

function doubled(...blocks: Parameters<typeof page>) {
  const { raw, chunks } = page(...blocks);
  const { flags, edits } = lintPage(raw, chunks);
  return {
    flags: flags
      .filter((flag) => flag.rule === 'ocr.doubled')
      .map(({ start, end, text, suggestion, confidence }) => ({ start, end, text, suggestion, confidence })),
    edits: edits.map(({ start, end, before, after, kind, status, op }) => ({
      start,
      end,
      before,
      after,
      kind,
      status,
      op,
    })),
  };
}

describe('doubled characters', () => {
  it('should flag a doubled character that no word explains, suggesting the single character', () => {
    expect(doubled('会议要求结合协会能能职责抓好落实。').flags).toEqual([
      { start: 8, end: 10, text: '能能', suggestion: '能', confidence: 0.8 },
    ]);
  });

  it('should flag with less confidence when a word ends at the first copy', () => {
    expect(doubled('汇聚政产学研研金服用各方力量。').flags).toEqual([
      { start: 5, end: 7, text: '研研', suggestion: '研', confidence: 0.6 },
    ]);
  });

  it('should flag a verb doubled into its own aspect form only weakly (巡回|回到)', () => {
    expect(doubled('志愿者分组巡回回到各村开展宣讲。').flags).toEqual([
      { start: 6, end: 8, text: '回回', suggestion: '回', confidence: 0.45 },
    ]);
  });

  it('should not flag a fronted noun before its light verb (工作|作了)', () => {
    expect(doubled('对全年工作作了安排,对重点工作作出部署。').flags).toEqual([]);
  });

  it.each([
    ['reduplicated adverbs', '代表们纷纷发言,常常深入基层,默默奉献。'],
    ['an organisation followed by a title', '省科协学会部部长、服务团团长、工作组组长出席。'],
    ['a city followed by 市场', '成都市市场监管部门联合开展宣传。'],
    ['two words meeting on one character', '促进进一步发展,具体体现在学习习近平总书记重要讲话。'],
    ['two words meeting on one character, again', '研究究竟如何推进,今天天气晴好,两院院士到会。'],
    ['AABB', '实实在在为群众办事,认认真真抓好落实。'],
    ['a measure word after 一', '送上一场场科普盛宴和一个个精彩故事,一架架无人机升空。'],
    ['two words meeting on 在 (现在|在家)', '现在在家门口就能学技术。'],
    ['an idiom', '这件事不能不了了之,大家津津乐道。'],
    ['a verb reduplicated to soften it', '常回家看看,找专家谈谈。'],
    ['a verb reduplicated as ABAB', '大家要研究研究这个方案。'],
    [
      'place names and nouns meeting on one character',
      '河南南阳、四川川西各地地方特色,加强宣传传统文化,缩短时间间隔。',
    ],
    ['counting with 一', '一天一天地过去,一步一步向前走。'],
    ['a reduplication that starts a word (农户|户均)', '带动周边农户户均增收3000余元。'],
    ['a place name ending where a word begins', '介绍了赤水河河谷地带特点,内江市市中区科协参加。'],
    ['an organisation ending where a word begins', '工作组组织专家评审,市中医医院派员参加。'],
  ])('should not flag %s', (_, text) => {
    expect(doubled(text)).toEqual({ flags: [], edits: [] });
  });

  it('should flag a reduplication when a word claims its first copy (专家|家)', () => {
    expect(doubled('组织专家家服务团下乡。').flags).toEqual([
      { start: 3, end: 5, text: '家家', suggestion: '家', confidence: 0.6 },
    ]);
  });

  it('should flag a soft-verb reduplication when the second copy starts a word (转|转化)', () => {
    expect(doubled('推动成果转转化。').flags).toEqual([
      { start: 4, end: 6, text: '转转', suggestion: '转', confidence: 0.6 },
    ]);
  });

  it('should flag a doubling that breaks an idiom, even of a reduplicated character', () => {
    expect(doubled('全市科普事业欣欣欣向荣。').flags).toEqual([
      { start: 6, end: 8, text: '欣欣', suggestion: '欣', confidence: 0.9 },
    ]);
    expect(doubled('坚持实事求求是。').flags).toEqual([
      { start: 4, end: 6, text: '求求', suggestion: '求', confidence: 0.9 },
    ]);
  });

  it('should apply a doubled known noun as a near-certain char fix', () => {
    expect(doubled('机关服务中心中心相关人员参加。')).toEqual({
      flags: [],
      edits: [
        {
          start: 4,
          end: 8,
          before: '中心中心',
          after: '中心',
          kind: 'char-fix',
          status: 'applied',
          op: { type: 'replace' },
        },
      ],
    });
  });

  it('should flag a doubled three-character word', () => {
    expect(doubled('专家工作站工作站建设持续推进。').flags).toEqual([
      { start: 2, end: 8, text: '工作站工作站', suggestion: '工作站', confidence: 0.8 },
    ]);
  });

  it('should apply a doubled function character with no word around it', () => {
    expect(doubled('这是大家的的共同心愿。').edits).toEqual([
      { start: 4, end: 6, before: '的的', after: '的', kind: 'char-fix', status: 'applied', op: { type: 'replace' } },
    ]);
  });

  it('should not look inside furniture or bylines', () => {
    expect(doubled(['furniture', '栏目协办:科协能能职责'], ['byline', '(能能)'])).toEqual({ flags: [], edits: [] });
  });

  it('should use raw offsets inside a later chunk', () => {
    const result = doubled(['headline', '标题'], '结合科协能能职责。');
    expect(result.flags.map((flag) => [flag.start, flag.end])).toEqual([[8, 10]]);
  });

  it('should see a doubled character across the spaces OCR puts between characters, and only ask', () => {
    expect(doubled('市 人 民 医 医 院 专家到场。')).toEqual({
      flags: [{ start: 6, end: 9, text: '医 医', suggestion: '医', confidence: 0.6 }],
      edits: [],
    });
  });

  it('should remove the copy opening the next line when a line wrap splits a doubling that no word explains', () => {
    const { raw, chunks } = page('会议要求结合协会能\n能职责抓好落实。');
    const { flags, edits } = lintPage(raw, chunks);
    expect(flags).toEqual([]);
    expect(
      edits.map(({ rule, start, end, before, after, status }) => ({ rule, start, end, before, after, status })),
    ).toEqual([{ rule: 'ocr.doubled-at-wrap', start: 10, end: 11, before: '能', after: '', status: 'applied' }]);
  });

  it('should only ask about a doubling split by a line wrap when a word claims one copy and a weak one the other', () => {
    // 巡回 ends at the first copy; 回到 is only a verb and its aspect: a 0.45 doubt, not a removal.
    const { raw, chunks } = page('志愿者分组巡回\n回到各村开展宣讲。');
    const { flags, edits } = lintPage(raw, chunks);
    expect(edits).toEqual([]);
    expect(flags.map(({ rule, text }) => ({ rule, text }))).toEqual([{ rule: 'ocr.doubled', text: '回\n回' }]);
  });

  it('should keep two words meeting across a line wrap, and only weakly doubt a reduplication the dictionary knows', () => {
    expect(doubled('市委常委、宣传部\n部长出席会议。')).toEqual({ flags: [], edits: [] });
    expect(doubled('等表演引来阵\n阵惊叹。')).toEqual({
      flags: [{ start: 5, end: 8, text: '阵\n阵', suggestion: '阵', confidence: 0.3 }],
      edits: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { chunk } from '../../src-shared/pipeline/chunk';

const pieces = (raw: string) => chunk({ raw, pieces: [], edits: [], flags: [], boundaries: [] }).pieces;
/** The raw text of each block. */
const blocks = (raw: string) => pieces(raw).map((piece) => raw.slice(piece.start, piece.end));
const crlf = (...lines: string[]) => lines.join('\r\n');
const lf = (...lines: string[]) => lines.join('\n');

const KICKER = '南充市';
const TITLE = '西充县科协 召开第六次代表大会';
const LEAD =
  '本报讯 5月28日,南充市西充县科协第六次代表大会在县会议中心召开,全县128名代表参加会议,会议选举产生了新一届委员会。';
const SECOND =
  '罗建林对大会的召开表示祝贺,并对西充县科协近五年的工作给予充分肯定,希望新一届委员会团结带领全县科技工作者再立新功。';
const THIRD = '大会审议通过了工作报告,选举产生了第六届委员会委员。';
const PHOTO =
  '7月12日晚,营山县科协在城南科普广场举办“仰望星空”天文科普观测活动,天文爱好者架起6台天文望远镜,带领市民观测月球和土星。';
const CREDIT = '(李明轩 摄影报道)';

/** A paragraph hard-wrapped at 32-36 characters, one line ending `。` mid-paragraph at full width. */
const WRAPPED = [
  '本报讯 为深入推进乡村振兴科技服务,7月下旬,四川省农学',
  '会组织由水稻、马铃薯等领域15名专家组成的服务团赴凉山州开展活动。',
  '专家们深入马铃薯种薯繁育基地和高山燕麦种植区,实地查看作物',
  '长势,并举办技术培训会4场。',
];

describe('chunk: blocks one line break apart', () => {
  it('should cut a kicker, a title and a lead set on consecutive lines (CRLF)', () => {
    const raw = crlf('', KICKER, TITLE, LEAD, '', SECOND);
    expect(blocks(raw)).toEqual([KICKER, TITLE, LEAD, SECOND]);
    const [kicker, title, lead, second] = pieces(raw);
    expect(kicker.start).toBe(2);
    expect(title.start).toBe(kicker.end + 2);
    expect(lead.start).toBe(title.end + 2);
    expect([kicker.gapBefore, kicker.gapAfter, title.gapBefore, title.gapAfter, lead.gapBefore, lead.gapAfter]).toEqual(
      [1, 0, 0, 0, 0, 1],
    );
    expect(second.gapBefore).toBe(1);
    expect(pieces(raw).map((piece) => piece.lines)).toEqual([1, 1, 1, 1]);
    for (const piece of pieces(raw)) expect(raw.slice(piece.start, piece.end)).not.toMatch(/[\r\n]/);
  });

  it('should cut paragraphs set one per line with no blank line between them', () => {
    expect(blocks(lf(LEAD, SECOND, THIRD))).toEqual([LEAD, SECOND, THIRD]);
    expect(blocks(crlf(LEAD, SECOND, THIRD))).toEqual([LEAD, SECOND, THIRD]);
  });

  it('should cut a sentence-final line that stops short of the widest line', () => {
    expect(blocks(lf(THIRD, SECOND))).toEqual([THIRD, SECOND]);
  });

  it('should cut a photo text from its credit on the next line, and the credit from what follows', () => {
    const raw = crlf('', '', '', PHOTO, CREDIT, '阆中市科协开展防汛减灾应急科普宣传', LEAD);
    expect(blocks(raw)).toEqual([PHOTO, CREDIT, '阆中市科协开展防汛减灾应急科普宣传', LEAD]);
    const [photo, credit] = pieces(raw);
    expect([photo.gapBefore, photo.gapAfter, credit.gapBefore]).toEqual([3, 0, 0]);
    expect(credit.start).toBe(photo.end + 2);
  });

  it('should cut a short paragraph from its parenthesised credit', () => {
    expect(blocks(lf('受到群众欢迎。', '(盐边县科协)'))).toEqual(['受到群众欢迎。', '(盐边县科协)']);
  });

  it('should cut a copy of a paragraph printed again on the next line', () => {
    expect(blocks(crlf(SECOND, SECOND))).toEqual([SECOND, SECOND]);
  });

  it('should cut after a paragraph closed by a credit printed inline', () => {
    const closed = '会议要求各委员积极参与科普活动。(米易县科协)';
    expect(blocks(lf(closed, '盐边县科协开展科普大篷车巡展', LEAD))).toEqual([
      closed,
      '盐边县科协开展科普大篷车巡展',
      LEAD,
    ]);
  });

  it('should cut a roundup subhead from the paragraph under it', () => {
    expect(blocks(lf('广元市科协', LEAD))).toEqual(['广元市科协', LEAD]);
  });
});

describe('chunk: wrapped text stays one block', () => {
  it('should keep a hard-wrapped paragraph whole, a full-width line ending in 。 included', () => {
    expect(blocks(crlf(...WRAPPED))).toEqual([crlf(...WRAPPED)]);
    expect(pieces(crlf(...WRAPPED))[0].lines).toBe(4);
  });

  it('should not let a credit printed after the last sentence widen the wrap', () => {
    const lines = [
      '学会相关负责人表示,开展护理科普进校园是服务社会的具体行动。',
      '也是提升青少年健康素养的有效途径。下一步,学会将把这项活动常',
      '态化开展下去,让更多孩子掌握急救知识。(眉山市护理学会供稿)',
    ];
    expect(blocks(lf(...lines))).toEqual([lf(...lines)]);
  });

  it('should cut between hard-wrapped paragraphs where a line ends a sentence short of the wrap', () => {
    const next = ['在昭觉县,专家们深入马铃薯种薯繁育基地,实地查看作物长势,', '并在田间地头举办技术培训会。'];
    expect(blocks(lf(...WRAPPED, ...next))).toEqual([lf(...WRAPPED), lf(...next)]);
  });

  it('should keep a headline set on two lines whole', () => {
    expect(blocks(lf('攀枝花市科协组织专家助力米易早春蔬', '菜产业提质增效'))).toHaveLength(1);
    expect(blocks(crlf('井研县科协推动院士(专家)', '工作站服务柑橘产业升级'))).toHaveLength(1);
    expect(blocks(lf('马边县科协为山区学校送去科学', '实验“大礼包”'))).toHaveLength(1);
  });

  it('should keep a two-line headline whole over the hard-wrapped lead it is set on', () => {
    const raw = crlf('四川省农学会组织专家', '服务团走进凉山', ...WRAPPED);
    expect(blocks(raw)).toEqual([crlf('四川省农学会组织专家', '服务团走进凉山'), crlf(...WRAPPED)]);
    expect(pieces(raw).map((piece) => piece.lines)).toEqual([2, 4]);
  });

  it('should keep a banner with its pinyin on the other line, in either order', () => {
    expect(blocks(crlf('地方科协', 'DI FANG KE XIE'))).toHaveLength(1);
    expect(blocks(lf('KE PU ZHI CHUANG', '科普之窗'))).toHaveLength(1);
    expect(blocks(lf('Xue Hui Gai Ge Xian Xing Zhe', '学会改革先行者'))).toHaveLength(1);
  });

  it('should never cut next to a pinyin line, even over running text', () => {
    expect(blocks(lf('科协动态', 'KE XIE DONG TAI', LEAD))).toEqual([lf('科协动态', 'KE XIE DONG TAI', LEAD)]);
  });

  it('should keep a promotion set on two lines whole', () => {
    expect(blocks(crlf('欢迎关注', '“四川科技报”微信公众号'))).toHaveLength(1);
  });

  it('should keep the sponsor list whole', () => {
    expect(blocks(lf('本版协办单位', '(排名不分先后)'))).toHaveLength(1);
    expect(
      blocks(
        crlf('本版协办单位 (排名不分先后)', '南充市科学技术协会', '广元市科学技术协会', '北川羌族自治县科学技术协会'),
      ),
    ).toHaveLength(1);
    expect(
      blocks(lf('- 本版协办单位 (排名不分先后)', '自贡市科学技术协会 内江市科学技术协会 宜宾市科学技术协会')),
    ).toHaveLength(1);
  });

  it('should not cut before a line that opens mid-sentence', () => {
    expect(blocks(lf(THIRD, ',并对' + SECOND))).toHaveLength(1);
  });
});

describe('chunk: a page with no blank lines', () => {
  it('should still make every line a block when most lines end a sentence', () => {
    const lines = [
      '盐边县科协开展科普大篷车巡展',
      LEAD,
      SECOND,
      THIRD,
      '受到群众欢迎。',
      '(盐边县科协)',
      '米易县科协召开全委会议',
      LEAD,
      SECOND,
      '(米易县科协)',
    ];
    expect(blocks(lf(...lines))).toEqual(lines);
    expect(pieces(lf(...lines)).every((piece) => piece.gapBefore === 0 && piece.lines === 1)).toBe(true);
  });
});

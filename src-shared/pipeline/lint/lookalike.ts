import { OCR_CONFUSIONS } from '../../text/data/ocr-confusions';
import { CharClass, markChars } from './findings';

/**
 * Characters OCR confuses because they differ by a stroke or a dot. Each group lists its members
 * from the most to the least common: OCR tends to read a rare character as its common look-alike
 * (荥 → 荣), almost never the reverse, so a rare member seen in a name is strong evidence.
 */
const GROUPS = [
  '荣荥',
  '已己巳',
  '戌戊戍',
  '未末',
  '士土',
  '日曰',
  '人入八',
  '天夭',
  '于干千',
  '免兔',
  '候侯',
  '籍藉',
  '拨拔',
  '辩辨辫',
  '汨汩',
  '治冶',
  '析折',
  '大太犬',
  '白自',
  '目且',
  '刀力',
  '今令',
  '毫豪',
  '壁璧',
  '崇祟',
  '赢羸嬴',
  '盲肓',
  '毫亳',
  '茶荼',
  '炙灸',
  '徽微',
  '睛晴',
  '鸟乌',
  '师帅',
  '王玉主',
  '问间',
  '住往',
  '买卖',
  '午牛',
  '材村',
  '贷货',
  '拆折',
  '仓仑',
  '历厉',
  '杨扬',
  '戎戍',
  '锡钖',
  '逐遂',
  '沪泸',
  '键犍',
  '坊邡',
  '照昭',
  '拱珙',
  '菱荄',
  '阅阆',
  '郸郫',
  '健犍',
];

/** Look-alikes of like frequency: OCR reads either as the other, so only the counts decide. */
const EVEN_PAIRS = ['仓苍', '并井', '沐沭'];

/** For each character, its look-alikes. */
export const LOOKALIKES = new Map<string, string[]>();
/** 0 for the most common member of a group, growing with rarity. */
const RARITY = new Map<string, number>();
const EVEN = new Set<string>();
for (const pair of EVEN_PAIRS) {
  const [a, b] = Array.from(pair);
  EVEN.add(a + b).add(b + a);
  LOOKALIKES.set(a, [...(LOOKALIKES.get(a) ?? []), b]);
  LOOKALIKES.set(b, [...(LOOKALIKES.get(b) ?? []), a]);
}
for (const group of GROUPS) {
  const members = Array.from(group);
  members.forEach((ch, rank) => {
    LOOKALIKES.set(ch, [...(LOOKALIKES.get(ch) ?? []), ...members.filter((other) => other !== ch)]);
    RARITY.set(ch, Math.max(RARITY.get(ch) ?? 0, rank));
  });
}

/**
 * How much rarer `alternative` is than `ch` in their look-alike group (negative when commoner);
 * 0 for a pair of like frequency.
 */
export function rarityGap(ch: string, alternative: string): number {
  if (EVEN.has(ch + alternative)) return 0;
  return (RARITY.get(alternative) ?? 0) - (RARITY.get(ch) ?? 0);
}

/**
 * Bigrams that are not words and whose look-alike repair is a common word (己经 → 已经). `certain`
 * marks forms with no reading at all even across a word boundary; the rest could be one (学院|土地
 * contains 院土), so they stay flags unless the neighbours rule the boundary out.
 */
interface KnownMisread {
  fix: string;
  certain: boolean;
}

/** Keyed by the bigram's two UTF-16 codes, so the scan looks up without building strings. */
const MISREADS = new Map<number, KnownMisread>();
const bigramKey = (first: number, second: number) => first * 0x10000 + second;
for (const [wrong, right, certain] of [
  ['己经', '已经', true],
  ['自已', '自己', true],
  ['早己', '早已', false],
  ['而己', '而已', true],
  ['己有', '已有', false],
  ['末来', '未来', true],
  ['周未', '周末', false],
  ['期未', '期末', false],
  ['末能', '未能', false],
  ['未端', '末端', false],
  ['时侯', '时候', true],
  ['侯选', '候选', true],
  ['问侯', '问候', true],
  ['气侯', '气候', true],
  ['千部', '干部', false],
  ['于部', '干部', false],
  ['院土', '院士', false],
  ['博土', '博士', false],
  ['硕土', '硕士', false],
  ['战土', '战士', false],
  ['护土', '护士', false],
  ['女土', '女士', false],
  ['士地', '土地', false],
  ['士壤', '土壤', true],
  ['国士', '国土', false],
  ['领士', '领土', true],
  ['本士', '本土', false],
  ['今曰', '今日', true],
  ['每曰', '每日', true],
  ['曰前', '日前', false],
  ['夭府', '天府', true],
  ['今夭', '今天', true],
  ['明夭', '明天', true],
  ['兔费', '免费', true],
  ['避兔', '避免', true],
  ['不兔', '不免', false],
  ['选拨', '选拔', true],
  ['拔款', '拨款', true],
  ['拔打', '拨打', true],
  ['政冶', '政治', true],
  ['冶理', '治理', true],
  ['自冶', '自治', true],
  ['防冶', '防治', true],
  ['分折', '分析', false],
  ['书藉', '书籍', true],
  ['户藉', '户籍', true],
  ['藉贯', '籍贯', true],
  ['辨论', '辩论', true],
  ['入员', '人员', false],
  ['千旱', '干旱', true],
  ['于旱', '干旱', true],
  ['千净', '干净', true],
  ['于净', '干净', true],
  ['关干', '关于', false],
  ['由干', '由于', false],
  ['对干', '对于', false],
  ['干是', '于是', false],
  ['戍功', '成功', true],
  ['戊功', '成功', true],
] as const) {
  MISREADS.set(bigramKey(wrong.charCodeAt(0), wrong.charCodeAt(1)), { fix: right, certain });
  markChars(wrong[0], CharClass.misreadStart);
}

export function knownMisread(first: number, second: number): KnownMisread | undefined {
  return MISREADS.get(bigramKey(first, second));
}

markChars(LOOKALIKES.keys(), CharClass.lookalike);

/**
 * For each character an OCR engine writes, what it may have misread: every other member of its
 * look-alike group, and the characters Tesseract was measured to read as it (src-shared/text/data/
 * ocr-confusions.ts: 宣 for 宜, 性 for 牦). `measured` tells which source named the pair.
 */
export interface Confusion {
  right: string;
  /** The right character's UTF-16 code. */
  code: number;
  measured: boolean;
}

/** Keyed by the UTF-16 code of the character as read. */
export const CONFUSIONS = new Map<number, Confusion[]>();
const confusion = (right: string, measured: boolean): Confusion => ({ right, code: right.charCodeAt(0), measured });
for (const [read, rights] of LOOKALIKES)
  CONFUSIONS.set(
    read.charCodeAt(0),
    rights.map((right) => confusion(right, false)),
  );
{
  const entries = OCR_CONFUSIONS.trim().split(/\s+/);
  for (let i = 0; i < entries.length; i += 3) {
    const [right, read] = Array.from(entries[i]);
    const known = CONFUSIONS.get(read.charCodeAt(0)) ?? [];
    CONFUSIONS.set(read.charCodeAt(0), [...known.filter((other) => other.right !== right), confusion(right, true)]);
  }
}
markChars(
  Array.from(CONFUSIONS.keys(), (code) => String.fromCharCode(code)),
  CharClass.confusable,
);

import type { Span } from '../../model/span';
import { HAN_CLASS, isHanCode } from '../../text';
import type { Finding } from './findings';

/**
 * A three-character personal name where the text marks one: after a title or role
 * (`主席李晓雯`, `党组书记、主任王建华`) or before a verb of speech (`李晓雲表示`). Only such
 * places are read, and the first character must be a common surname, so ordinary words
 * (`创新能力要求`) are not taken for names.
 */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  ),
);
const AFTER_ROLE = new RegExp(
  `(?:主席|书记|主任|局长|县长|市长|区长|理事长|秘书长|会长|院长|校长|部长|教授|研究员|医师|工程师|记者|通讯员|专家|代表)\\s?(?=${HAN_CLASS}{3})`,
  'g',
);
const BEFORE_SPEECH = /表示|介绍|要求|指出|强调|认为|希望|提出|告诉|说/g;

interface NameAt extends Span {
  name: string;
  /** Printed after a title or role: a person being introduced. */
  introduced: boolean;
}

/**
 * The same person spelled two ways on one page (李晓雯 / 李晓雲, 王建华 / 王建化): two name-like
 * tokens with the same surname and one other character in common. The spelling printed fewer
 * times is flagged, or on a tie the later one (a report introduces a person with their title
 * first), with the other as suggestion; a spelling introduced with a title of its own is
 * someone else. Not a look-alike rule: homophones (华/化, 涛/韬) are as
 * common, so the flag is a question for the editor, not a fix.
 */
export function findPersonVariants(raw: string, spans: readonly Span[], out: Finding[]): void {
  const names: NameAt[] = [];
  const add = (start: number, introduced: boolean) => {
    const name = raw.slice(start, start + 3);
    if (name.length === 3 && Array.from(name).every((ch) => isHanCode(ch.charCodeAt(0))) && SURNAMES.has(name[0]))
      names.push({ name, start, end: start + 3, introduced });
  };
  for (const span of spans) {
    const text = raw.slice(span.start, span.end);
    // Found by the marker (the title before a name, the verb after it): far fewer places to try.
    for (const match of text.matchAll(AFTER_ROLE)) add(span.start + (match.index ?? 0) + match[0].length, true);
    for (const match of text.matchAll(BEFORE_SPEECH))
      if ((match.index ?? 0) >= 3) add(span.start + (match.index ?? 0) - 3, false);
  }
  const count = new Map<string, number>();
  const first = new Map<string, number>();
  for (const { name, start } of names) {
    count.set(name, (count.get(name) ?? 0) + 1);
    first.set(name, Math.min(first.get(name) ?? Infinity, start));
  }
  const introduced = new Set(names.filter((at) => at.introduced).map((at) => at.name));
  const spellings = [...count.keys()];
  const flagged = new Set<number>();
  for (const at of names) {
    const variant = spellings.find((other) => other !== at.name && sameSurnameOneOff(at.name, other));
    // Two spellings each introduced with a title are two people (县长张建国, 副县长张建华).
    if (!variant || introduced.has(at.name)) continue;
    const mine = count.get(at.name) ?? 0;
    const theirs = count.get(variant) ?? 0;
    const minority = mine < theirs || (mine === theirs && (first.get(at.name) ?? 0) > (first.get(variant) ?? 0));
    if (!minority || flagged.has(at.start)) continue;
    flagged.add(at.start);
    out.push({
      kind: 'name-variant',
      rule: 'ocr.person-name',
      start: at.start,
      end: at.end,
      message: `“${at.name}” (${mine}×) and “${variant}” (${theirs}×) may be one person spelled two ways on this page.`,
      suggestion: variant,
      confidence: 0.5,
    });
  }
}

function sameSurnameOneOff(a: string, b: string): boolean {
  if (a[0] !== b[0]) return false;
  return (a[1] === b[1]) !== (a[2] === b[2]);
}

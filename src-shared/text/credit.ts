import { HAN_CLASS } from './han';
import { holdsFullStop } from './sentence';
import { unwrap } from './wrap';

/**
 * The shape of a credit (page-anatomy.md, bylines): `(张紫艺)`, `(本报记者 苏文保)`, `(德阳市科协)`,
 * `(广汉市科协供稿)`, `(邱海鹰 董永长 摄影报道)`, `(本栏目组稿:陈训煜 吴菲)` in parentheses, or a
 * line set without them (`本报记者 张明`, `记者 王五 通讯员 李六`, `文/张明`).
 */

/** Longest credit, parentheses excluded. */
export const CREDIT_MAX = 40;

const REPORTER = new RegExp(`^(?:本报)?(?:特约|见习)?(?:记者|通讯员)\\s*[:：]?\\s*${HAN_CLASS}`);
const AUTHOR_MARK = new RegExp(`^(?:文|图|文图|摄影)\\s*[/／:：]\\s*${HAN_CLASS}`);
/**
 * The inline credit after a paragraph's last sentence: the mark, spaces, then `(…)`. In wrapped
 * text the credit may run over a line wrap (`(筠连县科` / `协)`), never over a blank line.
 */
const TRAILING_CREDIT =
  /([。！？”’」』])([ \t\u3000]*)([(（]((?:[^()（）。！？\n]|\r?\n(?![ \t\u3000]*\r?\n)){1,44})[)）])\s*$/;
/** Line wraps a credit runs over at most (a column of a few characters holds a credit in three lines). */
const CREDIT_WRAPS = 2;
const COUNT_OPENING = /^[\d〇一二三四五六七八九十]+/;

/** The inside of a parenthesised credit: short, one line, no full stop. */
export function isCreditInner(inner: string): boolean {
  return inner.trim().length > 0 && inner.length <= CREDIT_MAX && !inner.includes('\n') && !holdsFullStop(inner);
}

/** A credit line without parentheses: a reporter's or author's title before a name, no sentence punctuation. */
export function isBareCredit(text: string): boolean {
  return (REPORTER.test(text) || AUTHOR_MARK.test(text)) && !/[。！？，,；]/.test(text);
}

/**
 * A credit in parentheses at the very end of a paragraph, after its last sentence: the offset
 * (into `text`) where the credit and the spaces before it begin, its length, and its inner text.
 * A count in parentheses (`(一)`, `(2023)`) is no credit.
 */
export function trailingCredit(text: string): { offset: number; length: number; value: string } | null {
  const match = TRAILING_CREDIT.exec(text);
  if (!match) return null;
  if ((match[4].match(/\n/g)?.length ?? 0) > CREDIT_WRAPS) return null;
  const inner = unwrap(match[4]).trim();
  if (!inner || inner.length > CREDIT_MAX || COUNT_OPENING.test(inner)) return null;
  return { offset: match.index + match[1].length, length: match[2].length + match[3].length, value: inner };
}

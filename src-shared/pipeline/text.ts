/**
 * Block-level forms the stages share: the normalised forms used to compare paragraphs and the
 * shapes of pinyin and parenthesised lines. Character-level predicates live in src-shared/text.
 */

/**
 * Whitespace-free form for comparisons: OCR spacing and line wraps must not hide a repeat. The
 * stages ask for the same blocks' forms many times, so results are kept (a bounded memo).
 */
export function compact(text: string): string {
  const known = compacted.get(text);
  if (known !== undefined) return known;
  const result = text.replace(/\s+/g, '');
  if (compacted.size >= COMPACT_MEMO_LIMIT) compacted.clear();
  compacted.set(text, result);
  return result;
}

const compacted = new Map<string, string>();
const COMPACT_MEMO_LIMIT = 8192;

/** Share of `text`'s two-character substrings that occur in `other` (0 for a text shorter than two). */
export function sharedPairs(text: string, other: string): number {
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) pairs.add(text.slice(i, i + 2));
  let common = 0;
  for (const pair of pairs) if (other.includes(pair)) common++;
  return pairs.size ? common / pairs.size : 0;
}

/**
 * `DI FANG KE XIE`, `Xue Hui Gai Ge`: Latin syllables only, at least two of them. An engine
 * reading the italic pinyin takes a letter for a look-alike digit now and then (`D1 Fang Ke Xi1e`,
 * `Dong 7ai`): a syllable may hold `0`, `1` or `7` beside at least one letter.
 */
export function isPinyinLine(text: string): boolean {
  return new RegExp(`^${PINYIN_SYLLABLE}(?: +${PINYIN_SYLLABLE})+$`).test(text.trim());
}

const PINYIN_SYLLABLE = '[A-Za-z017]*[A-Za-z][A-Za-z017]*';

export function pinyinSyllables(text: string): number {
  return text.trim().split(/ +/).length;
}

/** A whole chunk wrapped in one pair of parentheses, ASCII or full-width. */
export function isParenthesized(text: string): boolean {
  return /^[(（][^()（）]*[)）]$/.test(text.trim());
}

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

/** `DI FANG KE XIE`, `Xue Hui Gai Ge`: Latin syllables only, at least two of them. */
export function isPinyinLine(text: string): boolean {
  return /^[A-Za-z]+(?: +[A-Za-z]+)+$/.test(text.trim());
}

export function pinyinSyllables(text: string): number {
  return text.trim().split(/ +/).length;
}

/** A whole chunk wrapped in one pair of parentheses, ASCII or full-width. */
export function isParenthesized(text: string): boolean {
  return /^[(（][^()（）]*[)）]$/.test(text.trim());
}

/**
 * Character-level evidence the stages share: punctuation classes, CJK tests and the normalised
 * forms used to compare paragraphs. Everything here is generic typography, never page content.
 */

/**
 * Ends a sentence; a paragraph whose last character is not one of these was probably cut. A colon
 * counts: a paragraph introducing a list or a quotation ends with one.
 */
const SENTENCE_FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', '：', ':']);
/** Closers that may follow a sentence-final mark: `。”` and `。)` still end the sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', '\'']);

export function isHan(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x20000 && code <= 0x2ffff);
}

export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/** True when the text ends a sentence, looking through closing quotes and brackets. */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (SENTENCE_FINAL.has(ch)) return true;
    if (!CLOSERS.has(ch)) return false;
  }
  return false;
}

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

/** Characters that continue a sentence and almost never open one. */
const NEVER_OPENS = new Set(Array.from('，,、。；：的了着过们地得之和与及或而都也就才则吗呢吧'));

/** True when the text starts with a character that cannot open a sentence: its start is elsewhere. */
export function startsMidSentence(text: string): boolean {
  return NEVER_OPENS.has(compact(text).charAt(0));
}

import { isHanCode } from './han';

/**
 * Where sentences end and where they cannot begin. Half-width marks count as their full-width
 * forms: OCR and plain-text exports write either.
 */

/**
 * Marks that end a sentence. A colon counts: a paragraph introducing a list or a quotation ends
 * with one. A semicolon does not: it parts the items of one sentence (一是…；二是…；三是…。), and
 * a paragraph stopping at one was cut.
 */
const SENTENCE_FINAL = '。！？!?…：:';
/** Closers that may follow the final mark: `。”` and `。)` still end the sentence. */
const CLOSERS = '”’」』）)》】"\'';
/** Marks of a full stop, anywhere in a text: a title, a credit or a label never holds one. */
const FULL_STOPS = /[。！？!?]/;

const FINAL_CODES = new Set(Array.from(SENTENCE_FINAL, (ch) => ch.charCodeAt(0)));
const CLOSER_CODES = new Set(Array.from(CLOSERS, (ch) => ch.charCodeAt(0)));

/** True when the code unit at `end - 1` (after the closers before it) is a sentence-final mark. */
export function endsSentenceAt(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (FINAL_CODES.has(code)) return true;
    if (!CLOSER_CODES.has(code)) return false;
  }
  return false;
}

/** True when the text ends a sentence, looking through trailing spaces and closing quotes and brackets. */
export function endsSentence(text: string): boolean {
  return endsSentenceAt(text, 0, text.trimEnd().length);
}

/** True when the text holds a full stop, question or exclamation mark anywhere. */
export function holdsFullStop(text: string): boolean {
  return FULL_STOPS.test(text);
}

/** Why a character cannot open a sentence. */
export type OpeningDoubt = 'punctuation' | 'enclitic' | 'connective';

/** Punctuation that only ever follows words. */
const INNER_PUNCTUATION = new Set(Array.from('，,、。；;：:！!？?）)」』》】”’'));
/** Particles and suffixes that attach to the word before them. */
const ENCLITICS = new Set(Array.from('的了着过们地得之吗呢吧啊'));
/** Connectives that continue a clause, and adverbs that need a subject before them. */
const CONNECTIVES = new Set(Array.from('和与及或而并都也还又就才则'));

/**
 * Why `ch` cannot open a sentence, or null when it can. A word starting with the character may
 * still open one (了解, 地方, 都市): callers that can look further ask the lexicon.
 */
export function openingDoubt(ch: string): OpeningDoubt | null {
  if (INNER_PUNCTUATION.has(ch)) return 'punctuation';
  if (!isHanCode(ch.charCodeAt(0))) return null;
  if (ENCLITICS.has(ch)) return 'enclitic';
  if (CONNECTIVES.has(ch)) return 'connective';
  return null;
}

/** True when the text starts with a character that cannot open a sentence: its start is elsewhere. */
export function startsMidSentence(text: string): boolean {
  return openingDoubt(text.trimStart().charAt(0)) !== null;
}

import type { Span } from '../../model/span';
import { isHanCode } from '../../text';
import type { Finding } from './findings';

const LATIN_RUN = /[A-Za-z]+/g;

/** English function words: between two Chinese words they are debris of a translation or OCR layer. */
const FUNCTION_WORDS = new Set(
  'and the of in to for on with by at or is a an as from that this it be are was were not no but so if'.split(' '),
);

/**
 * Lower-case tokens that are at home in Chinese news: units, file and web terms. Anything with a
 * capital (AI, GPT, STEM, iPhone) or touching a digit (5G, 10km) is also legitimate.
 */
const ALLOWED_LOWERCASE = new Set(
  'km kg mg cm mm ml mu m g t l kw kwh mw gw mah hz khz mhz ghz gb mb kb tb app apps wifi www com cn org net pdf html http https pm ph vs ok h e x'.split(
    ' ',
  ),
);

/** Spaces and a wrapped line's break: the gap a stray word sits in. */
function isGapSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0x0a || code === 0x0d;
}

function holdsLineBreak(raw: string, from: number, to: number): boolean {
  const newline = raw.indexOf('\n', from);
  return newline >= 0 && newline < to;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Skips inline spaces from `from` in direction `step`; returns the first other position. */
function skipSpaces(raw: string, from: number, step: 1 | -1, lo: number, hi: number): number {
  let at = from;
  while (at >= lo && at < hi && isGapSpace(raw.charCodeAt(at))) at += step;
  return at;
}

function judgeLatin(raw: string, word: string, start: number, end: number, span: Span): Finding | null {
  if (/[A-Z]/.test(word) || ALLOWED_LOWERCASE.has(word)) return null;
  if (isDigitCode(raw.charCodeAt(start - 1)) || isDigitCode(raw.charCodeAt(end))) return null;
  const before = skipSpaces(raw, start - 1, -1, span.start, span.end);
  const after = skipSpaces(raw, end, 1, span.start, span.end);
  if (before < span.start || after >= span.end) return null;
  if (!isHanCode(raw.charCodeAt(before)) || !isHanCode(raw.charCodeAt(after))) return null;
  // A word on a line of its own is a line of text (a pinyin or English line), not debris in a sentence;
  // a wrapped line may end or start beside a stray word.
  if (holdsLineBreak(raw, before, start) && holdsLineBreak(raw, end, after)) return null;

  const functionWord = FUNCTION_WORDS.has(word);
  const conjunction = word === 'and';
  return {
    kind: 'ocr-latin-word',
    rule: 'ocr.latin',
    start: before + 1,
    end: after,
    message: functionWord
      ? `English “${word}” between Chinese words${conjunction ? ': probably “和”' : ': probably debris, delete'}.`
      : `Latin letters “${word}” between Chinese words: not an acronym, unit or code.`,
    suggestion: conjunction ? '和' : '',
    confidence: functionWord ? 0.75 : 0.5,
  };
}

/**
 * Finds lower-case Latin words sitting between Chinese words (全会精神 and 党中央). Spans are
 * body chunks sorted by start; one pass over the raw text serves all of them.
 */
export function findLatin(raw: string, spans: readonly Span[], out: Finding[]): void {
  if (spans.length === 0) return;
  const pattern = new RegExp(LATIN_RUN.source, 'g');
  let index = 0;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index;
    while (index < spans.length && spans[index].end <= start) index++;
    if (index === spans.length) return;
    const span = spans[index];
    if (start < span.start) {
      pattern.lastIndex = span.start;
      continue;
    }
    const end = start + match[0].length;
    if (end > span.end) continue;
    const finding = judgeLatin(raw, match[0], start, end, span);
    if (finding) out.push(finding);
  }
}

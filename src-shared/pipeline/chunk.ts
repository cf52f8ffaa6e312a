import { endsSentence, startsMidSentence, trailingCredit } from '../text';
import { isBylineBlock, isTitleLike } from './cues';
import type { PageDraft, Piece } from './draft';
import { compact, isParenthesized, isPinyinLine } from './text';

export interface Line {
  /** Raw offset of the first character and of the line terminator (`\r\n` or `\n` excluded). */
  start: number;
  end: number;
}

/** Markdown heading and list markers, and the bullet glyphs some layouts set before a subhead. */
export const MARKUP = /^(?:(#{1,6}|[-*+])[ \t\u3000]+|([■□●○◆◇▲△★☆•])[ \t\u3000]*)/;
export const BLANK = /^[\s\u3000]*$/;

/**
 * Cuts the raw page into blocks separated by blank lines (or lines, on a page that has none).
 * Some conversions set a few blocks one line break apart; those are cut where a line is
 * evidently complete (see `splitGroup`). Offsets stay raw: `\r\n` counts as two units and is
 * never part of a block; spaces around a block are layout and stay outside it.
 */
export function chunk(draft: PageDraft): PageDraft {
  const { raw } = draft;
  const pieces: Piece[] = [];
  let group: Line[] = [];
  let blanks = 0;
  const flush = () => {
    if (group.length === 0) return;
    splitGroup(raw, group).forEach((part, i) => {
      const gap = i === 0 ? blanks : 0;
      const previous = pieces[pieces.length - 1];
      if (previous) previous.gapAfter = gap;
      pieces.push(toPiece(raw, part, gap));
    });
    group = [];
    blanks = 0;
  };
  const all = lines(raw);
  const blank = all.map((line) => BLANK.test(raw.slice(line.start, line.end)));
  const linePerBlock = separatesByLine(raw, all, blank);
  all.forEach((line, i) => {
    if (blank[i]) {
      flush();
      blanks++;
    } else {
      group.push(line);
      if (linePerBlock) flush();
    }
  });
  flush();
  const last = pieces[pieces.length - 1];
  if (last) last.gapAfter = blanks;
  return { ...draft, pieces };
}

/** A page needs this many text lines before its layout is judged. */
const MIN_LINES_TO_JUDGE = 8;

/**
 * Some conversions put every paragraph on its own line with no blank line between. When blank
 * lines are that rare and most lines end a sentence, each line is a block; a hard-wrapped page
 * (lines cut anywhere) keeps its blank-line blocks.
 */
function separatesByLine(raw: string, all: readonly Line[], blank: readonly boolean[]): boolean {
  const text = all.filter((_, i) => !blank[i]);
  if (text.length < MIN_LINES_TO_JUDGE || blank.filter(Boolean).length * 10 > text.length) return false;
  const ended = text.filter((line) => endsBlock(raw.slice(line.start, line.end))).length;
  return ended * 2 >= text.length;
}

/** A line that can close a block: the end of a sentence, or a credit (`(张紫艺)`). */
function endsBlock(line: string): boolean {
  return endsSentence(line) || isBylineBlock(line);
}

/** Sentence punctuation a headline, kicker or banner line never carries; body lines do. */
const BODY_PUNCTUATION = /[。！？!?，,；;]/;
/** A body line shorter than this is no evidence that its group holds running text. */
const MIN_BODY_LINE = 20;
/**
 * Longer than any column a hard wrap produces (wrapped copy runs 17-40 characters a line): a line
 * this long that ends a sentence is a whole paragraph.
 */
const PARAGRAPH_LINE = 50;
/** A sentence-final line this much shorter than the group's widest line stopped before the wrap. */
const SHORT_SENTENCE = 0.9;
/** A title-like line this much shorter than the widest line is a kicker, headline or subhead. */
const SHORT_TITLE = 0.8;

/**
 * Cuts one group of consecutive non-blank lines where a line is evidently complete, keeping a
 * hard-wrapped paragraph, a headline set on two lines, a banner over its pinyin, a promotion or a
 * sponsor list whole. A cut falls after a line that ends a sentence short of the wrap width (or
 * too long to be a wrapped line, or printed again on the next line), before a parenthesised
 * credit that follows a sentence, after such a credit, and after a short title-like line
 * (kicker, headline, subhead) set over running text. Never next to a pinyin line, never before a
 * line that opens mid-sentence.
 */
export function splitGroup(raw: string, group: readonly Line[]): Line[][] {
  if (group.length < 2) return [[...group]];
  const texts = group.map((line) => raw.slice(line.start, line.end).trim().replace(MARKUP, '').trim());
  // An inline credit after the last sentence is no part of the wrap width; the sentence still ends.
  const bodies = texts.map((text) => {
    const credit = trailingCredit(text);
    return credit ? text.slice(0, credit.offset) : text;
  });
  const widths = bodies.map((text) => compact(text).length);
  const width = Math.max(...widths);
  const running = texts.some((text) => compact(text).length >= MIN_BODY_LINE && BODY_PUNCTUATION.test(text));
  const isCredit = (text: string) => isParenthesized(text) && isBylineBlock(text);
  const cutAfter = (i: number): boolean => {
    const [a, b] = [texts[i], texts[i + 1]];
    if (isPinyinLine(a) || isPinyinLine(b) || startsMidSentence(b)) return false;
    const ended = endsSentence(bodies[i]);
    if (ended && isCredit(b)) return true;
    if (!running) return false;
    // A paragraph printed again on the next line is a repeat, not a wrap.
    if (ended) return widths[i] < SHORT_SENTENCE * width || widths[i] > PARAGRAPH_LINE || compact(a) === compact(b);
    if (isCredit(a)) return true;
    // A title line over a longer title line is a kicker; over a shorter one, a headline's wrap.
    return isTitleLike(a) && widths[i] < SHORT_TITLE * width && (!isTitleLike(b) || widths[i + 1] > widths[i]);
  };
  const parts: Line[][] = [[group[0]]];
  for (let i = 1; i < group.length; i++) {
    if (cutAfter(i - 1)) parts.push([]);
    parts[parts.length - 1].push(group[i]);
  }
  return parts;
}

export function lines(raw: string): Line[] {
  const result: Line[] = [];
  let start = 0;
  while (start <= raw.length) {
    const newline = raw.indexOf('\n', start);
    const stop = newline === -1 ? raw.length : newline;
    const end = stop > start && raw[stop - 1] === '\r' ? stop - 1 : stop;
    if (newline === -1) {
      if (start < raw.length) result.push({ start, end });
      break;
    }
    result.push({ start, end });
    start = newline + 1;
  }
  return result;
}

/** Two ideographic spaces (or 2–4 ASCII spaces) before the first character: a paragraph's first line. */
export const INDENT = /^(?:\u3000{2}| {2,4})(?![\s\u3000])/;

export function toPiece(raw: string, group: readonly Line[], gapBefore: number): Piece {
  const first = group[0];
  const last = group[group.length - 1];
  const start = first.start + leadingSpace(raw.slice(first.start, first.end));
  const end = last.end - trailingSpace(raw.slice(last.start, last.end));
  const head = raw.slice(start, first.end);
  const markup = MARKUP.exec(head);
  const contentStart = start + (markup ? markup[0].length : 0);
  const text = group.map((line) => raw.slice(line.start, line.end).trim().replace(MARKUP, '').trim()).join('\n');
  return {
    id: `c${start}`,
    start,
    end,
    content: { start: contentStart, end },
    text,
    markup: markup ? (markup[1] ?? markup[2]) : null,
    lines: group.length,
    indented: INDENT.test(raw.slice(first.start, first.end)),
    gapBefore,
    gapAfter: 0,
    role: 'paragraph',
  };
}

function leadingSpace(text: string): number {
  return text.length - text.replace(/^[\s\u3000]+/, '').length;
}

function trailingSpace(text: string): number {
  return text.length - text.replace(/[\s\u3000]+$/, '').length;
}

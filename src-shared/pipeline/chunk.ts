import type { PageDraft, Piece } from './draft';

interface Line {
  /** Raw offset of the first character and of the line terminator (`\r\n` or `\n` excluded). */
  start: number;
  end: number;
}

/** Markdown heading and list markers, and the bullet glyphs some layouts set before a subhead. */
const MARKUP = /^(?:(#{1,6}|[-*+])[ \t\u3000]+|([■□●○◆◇▲△★☆•])[ \t\u3000]*)/;
const BLANK = /^[\s\u3000]*$/;

/**
 * Cuts the raw page into blocks separated by blank lines (or lines, on a page that has none).
 * Offsets stay raw: `\r\n` counts as two units and is never part of a block; spaces around a
 * block are layout and stay outside it.
 */
export function chunk(draft: PageDraft): PageDraft {
  const { raw } = draft;
  const pieces: Piece[] = [];
  let group: Line[] = [];
  let blanks = 0;
  const flush = () => {
    if (group.length === 0) return;
    const piece = toPiece(raw, group, blanks);
    const previous = pieces[pieces.length - 1];
    if (previous) previous.gapAfter = blanks;
    pieces.push(piece);
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
  const ended = text.filter((line) => /[。！？!?”）)：:]\s*$/.test(raw.slice(line.start, line.end))).length;
  return ended * 2 >= text.length;
}

function lines(raw: string): Line[] {
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

function toPiece(raw: string, group: readonly Line[], gapBefore: number): Piece {
  const first = group[0];
  const last = group[group.length - 1];
  const start = first.start + leadingSpace(raw.slice(first.start, first.end));
  const end = last.end - trailingSpace(raw.slice(last.start, last.end));
  const head = raw.slice(start, first.end);
  const markup = MARKUP.exec(head);
  const contentStart = start + (markup ? markup[0].length : 0);
  const text = group
    .map((line) => raw.slice(line.start, line.end).trim().replace(MARKUP, '').trim())
    .join('\n');
  return {
    id: `c${start}`,
    start,
    end,
    content: { start: contentStart, end },
    text,
    markup: markup ? markup[1] ?? markup[2] : null,
    lines: group.length,
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

import type { Chunk, ChunkRole, Edit, Flag, FlagKind } from '../../model/analysis';
import type { Span } from '../../model/span';

/** Roles whose text is the article's own prose; furniture and bylines are never linted. */
const BODY_ROLES: ReadonlySet<ChunkRole> = new Set(['paragraph', 'subhead', 'headline', 'caption', 'kicker']);

export function bodyChunks(chunks: readonly Chunk[]): Chunk[] {
  return chunks.filter((chunk) => BODY_ROLES.has(chunk.role)).sort((a, b) => a.start - b.start);
}

/**
 * Character classes by UTF-16 code, one byte each: the scans test codes against this table instead
 * of sets of strings, because indexing a CJK string allocates a new string on every access.
 */
export const CharClass = {
  misreadStart: 1,
  lookalike: 2,
  confusable: 4,
} as const;

const CLASSES = new Uint8Array(0x10000);

/** Adds `flag` to the class of every character of `chars`. */
export function markChars(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) CLASSES[ch.charCodeAt(0)] |= flag;
}

/** True when the code's class has `flag`; NaN (past the text's end) has none. */
export function hasClass(code: number, flag: number): boolean {
  return (CLASSES[code] & flag) !== 0;
}

export interface Finding {
  kind: FlagKind;
  rule: string;
  start: number;
  end: number;
  message: string;
  suggestion: string | null;
  confidence: number;
  /** Near certain: the pipeline applies the suggestion as a `char-fix` edit instead of asking. */
  certain?: boolean;
}

/** Spaces and line breaks inside a block are the layout's (科 普, 覆⏎盖): a word runs on across them. */
const isLayoutSpace = (code: number) =>
  code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x3000;

/**
 * A block's text with its layout spaces dropped, for the checks that read characters side by side
 * (a doubled character, a misread in a word), and the way back to raw offsets. A report whose raw
 * text spans a layout space stays a question: applying it would also remove the layout reflow owns.
 */
export interface LayoutFreeText {
  text: string;
  span: Span;
  rawOffset(at: number): number;
  toRaw(finding: Finding): Finding;
}

export function withoutLayoutSpaces(raw: string, span: Span): LayoutFreeText {
  let spaced = false;
  for (let i = span.start; i < span.end && !spaced; i++) spaced = isLayoutSpace(raw.charCodeAt(i));
  if (!spaced) return { text: raw, span, rawOffset: (at) => at, toRaw: (finding) => finding };
  const offsets: number[] = [];
  let text = '';
  for (let i = span.start; i < span.end; i++) {
    if (isLayoutSpace(raw.charCodeAt(i))) continue;
    offsets.push(i);
    text += raw[i];
  }
  return {
    text,
    span: { start: 0, end: text.length },
    rawOffset: (at) => offsets[at],
    toRaw: (finding) => {
      const start = offsets[finding.start];
      const end = offsets[finding.end - 1] + 1;
      return { ...finding, start, end, certain: finding.certain && end - start === finding.end - finding.start };
    },
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

export function toFlag(raw: string, finding: Finding): Flag {
  return {
    id: `f-${finding.rule}-${finding.start}`,
    kind: finding.kind,
    rule: finding.rule,
    start: finding.start,
    end: finding.end,
    text: raw.slice(finding.start, finding.end),
    message: finding.message,
    suggestion: finding.suggestion,
    confidence: round(finding.confidence),
    status: 'open',
  };
}

export function toCharFix(raw: string, finding: Finding): Edit {
  return {
    id: `e-${finding.rule}-${finding.start}`,
    kind: 'char-fix',
    rule: finding.rule,
    start: finding.start,
    end: finding.end,
    before: raw.slice(finding.start, finding.end),
    after: finding.suggestion ?? '',
    reason: finding.message,
    confidence: round(finding.confidence),
    status: 'applied',
    origin: 'auto',
    op: { type: 'replace' },
  };
}

import type { Column, Unit } from './compose';
import { HALF_WIDTH, isHan } from './compose';
import type { Random } from './random';
import type { InjectedNoise, Layout } from './types';
import { lineEnds } from './wrap';

/**
 * Spells the composed units out as one OCR engine's text export (page-anatomy.md, "Layouts of
 * OCR text") and logs, in raw offsets, every noise the units carry plus the layout's own
 * (markup residue, half-width punctuation, spaces between CJK characters).
 */
export interface Rendered {
  raw: string;
  noise: InjectedNoise[];
  /** Raw offset of each article's first printed line, by article index. */
  articleStarts: number[];
}

interface Style {
  layout: Layout;
  width: number;
  /** Chance a title-like block carries a Markdown heading mark (blank-line pages). */
  markup: number;
  /** Chance of trailing spaces after the lines of a multi-line block (blank-line pages). */
  trailingSpaces: number;
  /** Chance of a blank line between two paragraphs (column-wrapped) or before an article (hard-wrapped). */
  blankLine: number;
  halfWidth: number;
  cjkSpace: number;
}

function drawStyle(random: Random, column: Column): Style {
  return {
    layout: column.layout,
    width: column.width,
    markup: random.next(),
    trailingSpaces: random.next(),
    blankLine: column.layout === 'hard-wrapped' ? random.next() * 0.3 : 0.2 + random.next() * 0.8,
    halfWidth: column.layout === 'column-wrapped' ? random.next() * 0.5 : 0,
    cjkSpace: column.layout === 'column-wrapped' && random.chance(0.5) ? random.next() * 0.15 : 0,
  };
}

const HEADING_ROLES = new Set(['kicker', 'title', 'banner', 'sponsors', 'promo', 'column-sponsor']);
const INDENT = '\u3000\u3000';

class Output {
  private readonly parts: string[] = [];
  length = 0;
  readonly noise: InjectedNoise[] = [];

  put(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  log(
    kind: string,
    start: number,
    end: number,
    expected?: string,
    damages?: { article?: number; block?: number },
  ): void {
    const noise: InjectedNoise = { kind, start, end };
    if (expected !== undefined) noise.expected = expected;
    if (damages?.article !== undefined && damages.block !== undefined) {
      noise.article = damages.article;
      noise.block = damages.block;
    }
    this.noise.push(noise);
  }

  text(): string {
    return this.parts.join('');
  }
}

export function render(random: Random, units: readonly Unit[], column: Column): Rendered {
  const style = drawStyle(random, column);
  const out = new Output();
  const articleStarts: number[] = [];
  const openCuts = new Map<number, { kind: string; start: number; block?: number }>();
  if (style.layout === 'blank-line' && random.chance(0.6)) out.put('\n\n');
  units.forEach((unit, i) => {
    if (i > 0) out.put(separator(random, style, units[i - 1], unit));
    const unitStart = out.length;
    const prefix = style.layout === 'blank-line' ? markupPrefix(random, style, unit, units[i - 1]) : '';
    if (prefix) {
      out.put(prefix);
      out.log('markup.residue', unitStart, out.length, '');
    }
    const textStart = out.length;
    const cut = unit.continues ? openCuts.get(unit.article!) : undefined;
    if (cut && !unit.noise) {
      out.log(cut.kind, cut.start, textStart, undefined, { article: unit.article, block: cut.block });
      openCuts.delete(unit.article!);
    }
    const positions = emit(random, out, style, unit);
    for (const mark of unit.marks)
      out.log(mark.kind, positions[mark.start], positions[mark.end - 1] + 1, mark.expected, unit);
    if (unit.noise) out.log(unit.noise.kind, unitStart, out.length, unit.noise.expected, unit.noise.damages ?? unit);
    if (unit.opens) articleStarts[unit.article!] = unitStart;
    if (unit.cutKind) openCuts.set(unit.article!, { kind: unit.cutKind, start: out.length, block: unit.block });
  });
  out.put('\n');
  return { raw: out.text(), noise: out.noise.sort((a, b) => a.start - b.start || a.end - b.end), articleStarts };
}

function separator(random: Random, style: Style, previous: Unit, unit: Unit): string {
  const blank = (p: number) => (random.chance(p) ? '\n\n' : '\n');
  switch (style.layout) {
    case 'blank-line':
      return unit.imageBefore ? '\n\n\n\n' : '\n\n';
    case 'hard-wrapped':
      if (unit.imageBefore || unit.breakBefore) return blank(0.2);
      return unit.opens ? blank(style.blankLine) : '\n';
    case 'column-wrapped':
      if (unit.imageBefore) return '\n\n\n';
      if (unit.breakBefore) return blank(0.7);
      if (HEADING_ROLES.has(unit.role) || HEADING_ROLES.has(previous.role)) return blank(0.85);
      return blank(style.blankLine);
  }
}

function markupPrefix(random: Random, style: Style, unit: Unit, previous: Unit | undefined): string {
  if (unit.continues) return '';
  switch (unit.role) {
    case 'title':
      if (!random.chance(style.markup)) return '';
      return previous?.role === 'kicker' ? '### ' : random.pick(['# ', '## ']);
    case 'kicker':
    case 'subhead':
      return random.chance(style.markup) ? random.pick(['## ', '### ']) : '';
    case 'paragraph':
      return random.chance(style.markup * 0.1) ? '- ' : '';
    case 'banner':
      return random.chance(style.markup * 0.3) ? '# ' : '';
    default:
      return '';
  }
}

/** Writes the unit's text; returns the raw offset of each of its characters (and of its end). */
function emit(random: Random, out: Output, style: Style, unit: Unit): number[] {
  const text = unit.lines.join('\n');
  const wraps = style.layout !== 'blank-line' && (unit.role === 'paragraph' || unit.role === 'caption');
  const indent = style.layout === 'hard-wrapped' && unit.role === 'paragraph' && !unit.continues ? INDENT : '';
  const segments: [number, number][] = [];
  if (wraps) {
    let from = 0;
    for (const end of lineEnds(text, style.width - indent.length, style.width)) {
      segments.push([from, end]);
      from = end;
    }
  } else {
    let from = 0;
    for (const line of unit.lines) {
      segments.push([from, from + line.length]);
      from += line.length + 1;
    }
  }
  const positions = new Array<number>(text.length + 1);
  out.put(indent);
  segments.forEach(([from, to], s) => {
    if (s > 0) {
      // The '\n' joining the lines of a multi-line unit maps to the line break written here.
      positions[from - (wraps ? 0 : 1)] = out.length;
      const spaces = style.layout === 'blank-line' && random.chance(style.trailingSpaces) ? '  ' : '';
      if (spaces) {
        out.put(spaces);
        out.log('markup.residue', out.length - 2, out.length, '');
      }
      out.put('\n');
    }
    const lineStart = out.length;
    const spaced = random.chance(style.cjkSpace);
    for (let i = from; i < to; i++) {
      if (spaced && i > from && isHan(text[i]) && isHan(text[i - 1])) out.put(' ');
      positions[i] = out.length;
      const half = HALF_WIDTH[text[i]];
      if (half && random.chance(style.halfWidth)) {
        out.put(half);
        out.log('layout.half-width', out.length - 1, out.length, text[i]);
      } else out.put(text[i]);
    }
    if (spaced && to - from > 1) out.log('layout.cjk-space', lineStart, out.length);
  });
  positions[text.length] = out.length;
  return positions;
}

/** Offsets are UTF-16 code units into the raw text, as everywhere in Galley. */

export interface RawLine {
  /** 1-based, as shown in the gutter. */
  number: number;
  start: number;
  /** Exclusive; before the line break (a CRLF's `\r` is outside the line too). */
  end: number;
}

export interface Highlight {
  start: number;
  end: number;
  className: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Class names of every highlight covering the segment, space-separated; '' when none. */
  className: string;
}

export function rawLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (;;) {
    const newline = raw.indexOf('\n', start);
    const stop = newline === -1 ? raw.length : newline;
    const end = stop > start && raw.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    lines.push({ number: lines.length + 1, start, end });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Cuts [line.start, line.end) wherever a highlight starts or ends, so overlapping highlights combine. */
export function segmentLine(line: Pick<RawLine, 'start' | 'end'>, highlights: readonly Highlight[]): Segment[] {
  const covering = highlights.filter((h) => h.start < line.end && h.end > line.start && h.end > h.start);
  const cuts = new Set([line.start, line.end]);
  for (const h of covering) {
    cuts.add(Math.max(h.start, line.start));
    cuts.add(Math.min(h.end, line.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const className = covering
      .filter((h) => h.start <= start && h.end >= end)
      .map((h) => h.className)
      .join(' ');
    segments.push({ start, end, className });
  }
  return segments.length > 0 ? segments : [{ start: line.start, end: line.end, className: '' }];
}

/**
 * Finds the highlights overlapping a line's text. Sorted by start once, with the furthest end
 * reached so far beside each, so a line costs a bisection and a walk over the highlights that
 * could reach it: a page of 130,000 lines renders only the lines in view, and none of the others
 * costs anything when the highlights change.
 */
export function highlightFinder(
  highlights: readonly Highlight[],
): (line: Pick<RawLine, 'start' | 'end'>) => Highlight[] {
  const sorted = highlights.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const [i, h] of sorted.entries()) reach.push(Math.max(h.end, i > 0 ? reach[i - 1] : h.end));
  return (line) => {
    const found: Highlight[] = [];
    if (line.end <= line.start) return found;
    const lastStartingBefore = leadingCount(sorted.length, (i) => sorted[i].start < line.end) - 1;
    for (let i = lastStartingBefore; i >= 0 && reach[i] > line.start; i--) {
      if (sorted[i].end > line.start) found.push(sorted[i]);
    }
    return found.reverse();
  };
}

/** How many leading items pass a test that, once failed, fails for every later item: a bisection. */
function leadingCount(length: number, passes: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passes(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the line holding `offset`: the last line starting at or before it. */
export function lineIndexAt(lines: readonly RawLine[], offset: number): number {
  return Math.max(0, leadingCount(lines.length, (i) => lines[i].start <= offset) - 1);
}

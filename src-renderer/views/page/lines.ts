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
 * Hands each line the highlights overlapping its text, with a binary search for each highlight's
 * first line, so many highlights on a long page cost O(h · log lines + overlaps), not O(h · lines).
 */
export function highlightsByLine(lines: readonly RawLine[], highlights: readonly Highlight[]): Highlight[][] {
  const buckets: Highlight[][] = lines.map(() => []);
  for (const highlight of highlights) {
    if (highlight.end <= highlight.start) continue;
    for (
      let i = firstLineEndingAfter(lines, highlight.start);
      i < lines.length && lines[i].start < highlight.end;
      i++
    ) {
      if (lines[i].end > lines[i].start) buckets[i].push(highlight);
    }
  }
  return buckets;
}

/** Line ends never decrease, so the first line with `end > offset` is found by bisection. */
function firstLineEndingAfter(lines: readonly RawLine[], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle].end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

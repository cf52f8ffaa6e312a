/**
 * Positions in Galley are UTF-16 code units into the decoded raw text of one page: 0-based,
 * end-exclusive. The raw text is kept exactly as decoded, so "\r\n" counts as two units.
 */
export interface Span {
  start: number;
  end: number;
}

export function spanText(raw: string, span: Span): string {
  return raw.slice(span.start, span.end);
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Adjacent or overlapping spans are merged so highlights and exports stay compact. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** The parts of `from` that none of `minus` covers; both sorted and apart, as `mergeSpans` leaves them. */
export function subtractSpans(from: readonly Span[], minus: readonly Span[]): Span[] {
  const rest: Span[] = [];
  let m = 0;
  for (const span of from) {
    let start = span.start;
    while (m < minus.length && minus[m].end <= start) m++;
    for (let k = m; k < minus.length && minus[k].start < span.end; k++) {
      if (minus[k].start > start) rest.push({ start, end: minus[k].start });
      start = Math.max(start, minus[k].end);
    }
    if (start < span.end) rest.push({ start, end: span.end });
  }
  return rest;
}

/**
 * The index of the first of `spans` ending after `offset` (`spans.length` when none does). `spans`
 * must be sorted and apart, as `mergeSpans` leaves them (an article's spans are): a binary search,
 * so asking of an article of thousands of spans costs a few reads, not one per span.
 */
export function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether one of the merged `spans` contains `inner`: only the first reaching its start can. */
export function mergedSpansContain(spans: readonly Span[], inner: Span): boolean {
  // Offsets are whole numbers: ending after start − 1 is ending at or after start, which an empty `inner` needs.
  const candidate = spans[firstEndingAfter(spans, inner.start - 1)];
  return candidate !== undefined && spanContains(candidate, inner);
}

export interface Point {
  /** 1-based line number. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  offset: number;
}

/** Built once per text; converts offsets to line/column for display (lines split at "\n"). */
export function location(text: string): { toPoint(offset: number): Point; lineStarts: readonly number[] } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    lineStarts,
    toPoint(offset: number): Point {
      if (offset < 0 || offset > text.length) {
        throw new RangeError(`offset ${offset} is outside the text (length ${text.length})`);
      }
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lineStarts[lo] + 1, offset };
    },
  };
}

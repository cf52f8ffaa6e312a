import type { ReviewRecord } from '../../src-shared/model';

/**
 * How a review is laid out in rows: its long arrays in segments of their own (`reviewParts`,
 * keyed by page and part number) and the rest in a small head row (`reviews`) naming the parts of
 * each array in order. A write compares the review against the layout it was read or written
 * with, by identity (reviews are immutable values, and a step copies only what it changes), and
 * stores only the segments that changed: a title edit on a 30 MB page writes a few segments, not
 * the page. Pure: `review-rows.ts` does the reading and writing.
 */

/** The arrays stored in segments, by where they sit in a review. Everything else stays in the head. */
export const SEGMENTED_PATHS = [
  'analysis.chunks',
  'analysis.boundaries',
  'analysis.edits',
  'analysis.flags',
  'proposal.analysis.chunks',
  'proposal.analysis.boundaries',
  'proposal.analysis.edits',
  'proposal.analysis.flags',
  'proposal.needsLook',
] as const;
export type SegmentedPath = (typeof SEGMENTED_PATHS)[number];

/**
 * Elements a new segment holds at most. The largest page has about 120,000 elements of about
 * 250 bytes: some 470 segments of about 60 KB, so a step that touches a few elements writes a
 * few hundred KB and a head of a few KB.
 */
export const SEGMENT_LENGTH = 256;

/** A run of changed elements shorter than this is stored with the segment before it, so typing one edit at a time does not leave a row per edit. */
const SHORTEST_RUN = SEGMENT_LENGTH / 4;

export interface ReviewPartRow {
  pageId: string;
  part: number;
  items: unknown[];
}

/** A review as its head row stores it. A row without `parts` is a whole review as schema 6 and earlier stored it. */
export type ReviewHead = ReviewRecord & {
  /** The parts of each segmented array, in order. */
  parts: Partial<Record<SegmentedPath, number[]>>;
  /** The number the page's next new part gets. */
  nextPart: number;
};

interface Segment {
  part: number;
  start: number;
  length: number;
}

/** Where each array of a stored review lies, with the very array objects read or written. */
export interface ReviewLayout {
  nextPart: number;
  arrays: ReadonlyMap<SegmentedPath, { array: readonly unknown[]; segments: readonly Segment[] }>;
}

export const EMPTY_LAYOUT: ReviewLayout = { nextPart: 0, arrays: new Map() };

/** What storing a review over `before` writes and deletes, and the layout it leaves. */
export interface ReviewWrite {
  head: ReviewHead;
  puts: ReviewPartRow[];
  deletes: number[];
  layout: ReviewLayout;
}

export function isSegmented(row: ReviewRecord | ReviewHead): row is ReviewHead {
  return Object.hasOwn(row, 'parts');
}

function keysOf(path: SegmentedPath): string[] {
  return path.split('.');
}

function valueAt(record: unknown, path: SegmentedPath): unknown {
  let value = record;
  for (const key of keysOf(path)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** `record` with the value at `path` removed, copying the objects on the way and nothing else. */
function withoutValueAt(record: object, keys: readonly string[]): object {
  const [key, ...rest] = keys;
  const copy: Record<string, unknown> = { ...record };
  if (rest.length === 0) delete copy[key];
  else copy[key] = withoutValueAt(copy[key] as object, rest);
  return copy;
}

/** Sets the value at `path` in a head just read from the store, which nothing else holds. */
function setValueAt(record: object, path: SegmentedPath, value: unknown): void {
  const keys = keysOf(path);
  const last = keys.pop()!;
  const parent = keys.reduce((object, key) => (object as Record<string, object>)[key], record);
  (parent as Record<string, unknown>)[last] = value;
}

/**
 * The rows that store `review` over the layout `before` (the one its page's stored rows have):
 * a segment whose elements are all the same objects, in the same order, is kept; the elements
 * around a change are stored anew, as few segments as fit.
 */
export function splitReview(review: ReviewRecord, before: ReviewLayout): ReviewWrite {
  let nextPart = before.nextPart;
  const puts: ReviewPartRow[] = [];
  const kept = new Set<number>();
  const arrays = new Map<SegmentedPath, { array: readonly unknown[]; segments: Segment[] }>();
  const parts: ReviewHead['parts'] = {};
  let rest: object = review;
  for (const path of SEGMENTED_PATHS) {
    const array = valueAt(review, path);
    if (!Array.isArray(array)) continue;
    rest = withoutValueAt(rest, keysOf(path));
    const segments = segmentsOf(array, before.arrays.get(path), () => nextPart++);
    for (const segment of segments) {
      if (segment.fresh) puts.push({ pageId: review.pageId, part: segment.part, items: segment.items });
      else kept.add(segment.part);
    }
    parts[path] = segments.map((segment) => segment.part);
    arrays.set(path, { array, segments: segments.map(({ part, start, length }) => ({ part, start, length })) });
  }
  const deletes = [...before.arrays.values()]
    .flatMap(({ segments }) => segments.map((segment) => segment.part))
    .filter((part) => !kept.has(part));
  return { head: { ...(rest as ReviewRecord), parts, nextPart }, puts, deletes, layout: { nextPart, arrays } };
}

type PlannedSegment = Segment & ({ fresh: false } | { fresh: true; items: unknown[] });

function segmentsOf(
  array: readonly unknown[],
  before: { array: readonly unknown[]; segments: readonly Segment[] } | undefined,
  newPart: () => number,
): PlannedSegment[] {
  if (before?.array === array) return before.segments.map((segment) => ({ ...segment, fresh: false }));
  const startingWith = new Map((before?.segments ?? []).map((segment) => [before!.array[segment.start], segment]));
  const segments: PlannedSegment[] = [];
  let runStart = 0;
  const storeRun = (end: number) => {
    if (end === runStart) return;
    // A short run takes the segment before it along, so that it does not become a row of its own.
    if (end - runStart < SHORTEST_RUN && segments.length > 0) runStart = segments.pop()!.start;
    const pieces = Math.ceil((end - runStart) / SEGMENT_LENGTH);
    for (let piece = 0; piece < pieces; piece++) {
      const start = runStart + Math.round(((end - runStart) * piece) / pieces);
      const pieceEnd = runStart + Math.round(((end - runStart) * (piece + 1)) / pieces);
      const items = array.slice(start, pieceEnd);
      segments.push({ part: newPart(), start, length: items.length, fresh: true, items });
    }
    runStart = end;
  };
  let i = 0;
  while (i < array.length) {
    const segment = startingWith.get(array[i]);
    if (segment && holdsSameItems(array, i, before!.array, segment)) {
      storeRun(i);
      segments.push({ part: segment.part, start: i, length: segment.length, fresh: false });
      i += segment.length;
      runStart = i;
    } else i++;
  }
  storeRun(array.length);
  return segments;
}

function holdsSameItems(array: readonly unknown[], at: number, old: readonly unknown[], segment: Segment): boolean {
  if (at + segment.length > array.length) return false;
  for (let k = 0; k < segment.length; k++) if (array[at + k] !== old[segment.start + k]) return false;
  return true;
}

/** The review a head and its part rows store, and its layout; `null` when a part is missing. */
export function assembleReview(
  head: ReviewHead,
  rows: ReadonlyMap<number, ReviewPartRow>,
): { review: ReviewRecord; layout: ReviewLayout } | null {
  const arrays = new Map<SegmentedPath, { array: readonly unknown[]; segments: Segment[] }>();
  const { parts, nextPart, ...review } = head;
  for (const path of SEGMENTED_PATHS) {
    const partList = parts[path];
    if (!partList) continue;
    const array: unknown[] = [];
    const segments: Segment[] = [];
    for (const part of partList) {
      const row = rows.get(part);
      if (!row) return null;
      segments.push({ part, start: array.length, length: row.items.length });
      for (const item of row.items) array.push(item);
    }
    setValueAt(review, path, array);
    arrays.set(path, { array, segments });
  }
  return { review, layout: { nextPart, arrays } };
}

/* eslint-disable jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex --
   The raw page is a scrollable region, focusable so the keyboard can scroll it; a click locates the
   paragraph under the pointer, which the keyboard reaches from the article pane instead. */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useMemo, useRef, type MouseEvent, type Ref } from 'react';
import { highlightFinder, lineIndexAt, rawLines, segmentLine, type Highlight, type Segment } from './lines';

export type { Highlight } from './lines';

/** What the raw page's owner can ask of it: only the lines near the view exist, so it scrolls itself. */
export interface RawPageHandle {
  /** Brings the line holding the raw offset to the middle of the view. */
  centre: (offset: number) => void;
}

export interface RawPageProps {
  /** The page exactly as decoded. */
  raw: string;
  /**
   * Ranges to mark, in raw offsets, in layers that change apart (the page's marks, the selection,
   * the search); overlapping ranges get both classes. A layer is indexed once per identity.
   */
  highlights?: readonly (readonly Highlight[])[];
  /** Raw offsets whose lines stay rendered out of view: the ends of a selection, so it survives scrolling. */
  keep?: readonly number[];
  /** The raw offset under a click (UTF-16 units), for jumping from raw text to what it became. */
  onClickOffset?: (offset: number) => void;
  label?: string;
  ref?: Ref<RawPageHandle>;
}

const NO_LAYERS: readonly (readonly Highlight[])[] = [];
const NO_OFFSETS: readonly number[] = [];
/** One line of 14 px text at the raw font's line height; wrapped lines are measured once rendered. */
const LINE_HEIGHT = 24;
/** The pane's top and bottom padding, inside the scrolled content. */
const PADDING = 12;
/**
 * Lines rendered beyond each edge of the view: a few screens, so a fling or a screen reader's
 * reading ahead finds text, while a page of 130,000 lines keeps a few hundred in the document.
 */
const OVERSCAN_LINES = 120;

const finders = new WeakMap<readonly Highlight[], ReturnType<typeof highlightFinder>>();
function finderOf(layer: readonly Highlight[]) {
  let finder = finders.get(layer);
  if (!finder) finders.set(layer, (finder = highlightFinder(layer)));
  return finder;
}

/**
 * The raw text with line numbers; each line is `[data-line=N]`, each piece `[data-offset=start]`.
 * Only the lines in and near the view are in the document. Line numbers are not selectable, so
 * copying gives the raw text. When the highlights change, only the lines whose marks changed
 * render again.
 */
export const RawPage = memo(function RawPage({
  raw,
  highlights = NO_LAYERS,
  keep = NO_OFFSETS,
  onClickOffset,
  label,
  ref,
}: RawPageProps) {
  const lines = useMemo(() => rawLines(raw), [raw]);
  const scroller = useRef<HTMLDivElement>(null);
  const kept = useMemo(() => keep.map((offset) => lineIndexAt(lines, offset)), [keep, lines]);
  const keepInRange = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...kept])].sort((a, b) => a - b),
    [kept],
  );
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    getItemKey: (index) => lines[index].start,
    rangeExtractor: keepInRange,
    overscan: OVERSCAN_LINES,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  useImperativeHandle(
    ref,
    () => ({ centre: (offset) => virtualizer.scrollToIndex(lineIndexAt(lines, offset), { align: 'center' }) }),
    [virtualizer, lines],
  );
  const handleClick = onClickOffset
    ? (event: MouseEvent<HTMLDivElement>) => {
        const offset = offsetAtSelection(event.currentTarget);
        if (offset !== null) onClickOffset(offset);
      }
    : undefined;
  return (
    <div
      ref={scroller}
      className="raw-page"
      tabIndex={0}
      role="region"
      aria-label={label}
      onClick={handleClick}
      data-testid="raw-page"
    >
      <div className="raw-lines" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const line = lines[item.index];
          const segments = segmentLine(
            line,
            highlights.flatMap((layer) => finderOf(layer)(line)),
          );
          return (
            <RawLineView
              key={item.key}
              index={item.index}
              top={item.start}
              measure={virtualizer.measureElement}
              number={line.number}
              text={raw.slice(line.start, line.end)}
              start={line.start}
              segments={segments}
              marks={marksKey(segments)}
            />
          );
        })}
      </div>
    </div>
  );
});

function marksKey(segments: readonly Segment[]): string {
  return segments.map((segment) => `${segment.start}-${segment.end}:${segment.className}`).join('|');
}

interface RawLineViewProps {
  /** The line's place in the page, which the virtualiser measures it by. */
  index: number;
  /** Where the line sits in the scrolled content, in px. */
  top: number;
  measure: (element: HTMLElement | null) => void;
  number: number;
  text: string;
  start: number;
  segments: readonly Segment[];
  /** Equal marks mean equal segments; compared instead of the array, which is new on every render. */
  marks: string;
}

const RawLineView = memo(
  function RawLineView({ index, top, measure, number, text, start, segments }: RawLineViewProps) {
    return (
      <div
        ref={measure}
        className="raw-line"
        data-line={number}
        data-index={index}
        style={{ transform: `translateY(${top}px)` }}
      >
        <span className="raw-gutter" aria-hidden="true">
          {number}
        </span>
        <span className="raw-text">
          {segments.map((segment) => (
            <span key={segment.start} data-offset={segment.start} className={segment.className || undefined}>
              {text.slice(segment.start - start, segment.end - start)}
            </span>
          ))}
        </span>
      </div>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.top === after.top &&
    before.number === after.number &&
    before.start === after.start &&
    before.text === after.text &&
    before.marks === after.marks,
);

/** A click leaves a collapsed selection at the caret; its text node sits in a segment that knows its offset. */
function offsetAtSelection(container: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || !selection.isCollapsed || !selection.anchorNode) return null;
  const node = selection.anchorNode;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const segment = element?.closest<HTMLElement>('[data-offset]');
  if (!segment || !container.contains(segment)) return null;
  const within = node.nodeType === Node.TEXT_NODE ? selection.anchorOffset : 0;
  return Number(segment.dataset.offset) + within;
}

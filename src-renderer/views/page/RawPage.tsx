/* eslint-disable jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex --
   The raw page is a scrollable region, focusable so the keyboard can scroll it; a click locates the
   paragraph under the pointer, which the keyboard reaches from the article pane instead. */
import { memo, useMemo, type MouseEvent, type Ref } from 'react';
import { highlightsByLine, rawLines, segmentLine, type Highlight, type Segment } from './lines';

export type { Highlight } from './lines';

export interface RawPageProps {
  /** The page exactly as decoded. */
  raw: string;
  /** Ranges to mark, in raw offsets; overlapping ranges get both classes. */
  highlights?: readonly Highlight[];
  /** The raw offset under a click (UTF-16 units), for jumping from raw text to what it became. */
  onClickOffset?: (offset: number) => void;
  label?: string;
  ref?: Ref<HTMLDivElement>;
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/**
 * The raw text with line numbers; each line is `[data-line=N]`, each piece `[data-offset=start]`.
 * Line numbers are not selectable, so copying gives the raw text. When the highlights change, only
 * the lines whose marks changed render again.
 */
export const RawPage = memo(function RawPage({
  raw,
  highlights = NO_HIGHLIGHTS,
  onClickOffset,
  label,
  ref,
}: RawPageProps) {
  const lines = useMemo(() => rawLines(raw), [raw]);
  const buckets = useMemo(() => highlightsByLine(lines, highlights), [lines, highlights]);
  const handleClick = onClickOffset
    ? (event: MouseEvent<HTMLDivElement>) => {
        const offset = offsetAtSelection(event.currentTarget);
        if (offset !== null) onClickOffset(offset);
      }
    : undefined;
  return (
    <div
      ref={ref}
      className="raw-page"
      tabIndex={0}
      role="region"
      aria-label={label}
      onClick={handleClick}
      data-testid="raw-page"
    >
      {lines.map((line, i) => {
        const segments = segmentLine(line, buckets[i]);
        return (
          <RawLineView
            key={line.start}
            number={line.number}
            text={raw.slice(line.start, line.end)}
            start={line.start}
            segments={segments}
            marks={marksKey(segments)}
          />
        );
      })}
    </div>
  );
});

function marksKey(segments: readonly Segment[]): string {
  return segments.map((segment) => `${segment.start}-${segment.end}:${segment.className}`).join('|');
}

interface RawLineViewProps {
  number: number;
  text: string;
  start: number;
  segments: readonly Segment[];
  /** Equal marks mean equal segments; compared instead of the array, which is new on every render. */
  marks: string;
}

const RawLineView = memo(
  function RawLineView({ number, text, start, segments }: RawLineViewProps) {
    return (
      <div className="raw-line" data-line={number}>
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

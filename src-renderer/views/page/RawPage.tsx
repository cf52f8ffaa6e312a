import { memo, useMemo, type MouseEvent } from 'react';
import { rawLines, segmentLine, type Highlight } from './lines';

export type { Highlight } from './lines';

export interface RawPageProps {
  /** The page exactly as decoded. */
  raw: string;
  /** Ranges to mark, in raw offsets; overlapping ranges get both classes. */
  highlights?: readonly Highlight[];
  /** The raw offset under a click (UTF-16 units), for jumping from raw text to what it became. */
  onClickOffset?: (offset: number) => void;
  label?: string;
}

const NO_HIGHLIGHTS: readonly Highlight[] = [];

/** The raw text with line numbers. Line numbers are not selectable, so copying gives the raw text. */
export const RawPage = memo(function RawPage({ raw, highlights = NO_HIGHLIGHTS, onClickOffset, label }: RawPageProps) {
  const lines = useMemo(() => rawLines(raw), [raw]);
  const handleClick = onClickOffset
    ? (event: MouseEvent<HTMLDivElement>) => {
        const offset = offsetAtSelection(event.currentTarget);
        if (offset !== null) onClickOffset(offset);
      }
    : undefined;
  return (
    <div className="raw-page" tabIndex={0} role="region" aria-label={label} onClick={handleClick} data-testid="raw-page">
      {lines.map((line) => (
        <div className="raw-line" key={line.start} data-line={line.number}>
          <span className="raw-gutter" aria-hidden="true">
            {line.number}
          </span>
          <span className="raw-text">
            {segmentLine(line, highlights).map((segment) => (
              <span key={segment.start} data-offset={segment.start} className={segment.className || undefined}>
                {raw.slice(segment.start, segment.end)}
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
});

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

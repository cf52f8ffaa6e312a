import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Article, type CleanPage, type PageAnalysis } from '../../../src-shared/model';
import { locateOffset } from '../../../src-shared/review';
import { selectArticle, useDesk } from '../../store/desk';
import { RawPage, type Highlight, type RawPageHandle } from '../page/RawPage';
import { rawScrollTarget, selectText, useLocated, visibleRange } from './locate';
import { matchSpans } from './search';
import { editMarks, flagMarks, furnitureMarks } from './raw-marks';

/*
 * The page as decoded, marked up with what the analysis did to it (raw-marks.ts) and with the
 * selected article's sources, the search and the located place, each a layer of its own.
 */

export function RawPane({
  raw,
  analysis,
  clean,
  article,
}: {
  raw: string;
  analysis: PageAnalysis;
  clean: CleanPage;
  article: Article | null;
}) {
  const { t } = useTranslation('desk');
  const blockId = useDesk((state) => state.blockId);
  const search = useDesk((state) => state.search);
  const located = useLocated((state) => state.located);
  const selected = useLocated((state) => state.selected);
  const { chunks, edits, flags } = analysis;
  const furnitureLayer = useMemo(() => furnitureMarks(chunks), [chunks]);
  const previousEditLayer = useRef<readonly Highlight[]>([]);
  const editLayer = useMemo(() => (previousEditLayer.current = editMarks(edits, previousEditLayer.current)), [edits]);
  const flagLayer = useMemo(() => flagMarks(flags), [flags]);
  const rawPage = useRef<RawPageHandle>(null);
  const container = useRef<HTMLDivElement>(null);

  // In layers that change apart, so picking a paragraph does not index the page's marks again.
  const articleLayer = useMemo(
    () => (article?.spans ?? []).map((span) => ({ ...span, className: 'raw-article' })),
    [article],
  );
  const blockLayer = useMemo(
    () =>
      (article?.blocks.find((b) => b.id === blockId)?.spans ?? []).map((span) => ({ ...span, className: 'raw-block' })),
    [article, blockId],
  );
  const matchLayer = useMemo(
    () => matchSpans(raw, search).map((span) => ({ ...span, className: 'raw-match' })),
    [raw, search],
  );
  const locatedLayer = useMemo(
    () => (located ? [{ ...visibleRange(raw, located), className: 'raw-located' }] : []),
    [raw, located],
  );
  const highlights = useMemo(
    () => [furnitureLayer, editLayer, flagLayer, articleLayer, blockLayer, matchLayer, locatedLayer],
    [furnitureLayer, editLayer, flagLayer, articleLayer, blockLayer, matchLayer, locatedLayer],
  );
  const rawSelection = selected && 'raw' in selected ? selected.raw : null;
  const keep = useMemo(() => (rawSelection ? [rawSelection.start, rawSelection.end] : []), [rawSelection]);

  // The counterpart of what the editor picked goes to the middle of the pane, not to an edge.
  const target = rawScrollTarget(article, blockId);
  useEffect(() => {
    if (target !== undefined) rawPage.current?.centre(target);
  }, [target]);

  // Declared after the article's scroll, so a located place wins over the article's first line.
  useEffect(() => {
    if (located) rawPage.current?.centre(located.start);
  }, [located]);

  // A click right of a line's text leaves the caret at its end, the first offset past the paragraph
  // on that line: the character before it says which paragraph was meant.
  const onClickOffset = (offset: number) => {
    const place = locateOffset(clean, offset);
    const before = place?.blockId ? null : locateOffset(clean, offset - 1);
    const picked = before?.blockId ? before : place;
    if (picked) selectArticle(picked.articleId, picked.blockId);
  };

  // Selections made by mouse or keyboard alike; a click inside a selection clears it only after mouseup.
  useEffect(() => {
    const onSelectionChange = () => {
      const selection = window.getSelection();
      // A click collapses the selection, or empties it when the line it was in renders again.
      if (!selection?.anchorNode || selection.isCollapsed) {
        if (useLocated.getState().selected && 'raw' in useLocated.getState().selected!) selectText(null);
        return;
      }
      if (!container.current?.contains(selection.anchorNode)) return;
      const from = rawOffset(selection.anchorNode, selection.anchorOffset);
      const to = rawOffset(selection.focusNode, selection.focusOffset);
      selectText(from === null || to === null ? null : { raw: { start: Math.min(from, to), end: Math.max(from, to) } });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  return (
    <div ref={container} className="raw-pane">
      <RawPage
        ref={rawPage}
        raw={raw}
        highlights={highlights}
        keep={keep}
        onClickOffset={onClickOffset}
        label={t('rawLabel')}
      />
    </div>
  );
}

/** The raw offset of a point in the raw page: its segment knows where it starts, the text before the point how far in it is. */
function rawOffset(node: Node | null, offset: number): number | null {
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null);
  const segment = element?.closest<HTMLElement>('[data-offset]');
  if (!node || !segment) return null;
  const before = document.createRange();
  before.setStart(segment, 0);
  before.setEnd(node, offset);
  return Number(segment.dataset.offset) + before.toString().length;
}

import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleTextField, Block, ChunkRole, CleanPage } from '../../../src-shared/model';
import {
  editBlockText,
  mergeWithPrevious,
  moveBlock,
  moveBlockBy,
  setArticleCaptions,
  setArticleField,
  setBlockRole,
  splitArticleAt,
} from '../../../src-shared/review';
import {
  focusTitleWhenShown,
  openMoveBlock,
  selectArticle,
  selectBlock,
  setBlockDraft,
  useDesk,
} from '../../store/desk';
import { act } from './commands';
import { readDraggedBlock, startBlockDrag } from './drag';
import { cleanRange, selectText, touchesBlock, useLocated } from './locate';
import { FoldButton } from './FoldButton';
import { useDeskLayout } from './layout';
import { useDraft } from './useDraft';

/** The fields folded away with the fields block; the title stays, it names the article being edited. */
const FOLDING_FIELDS: readonly ArticleTextField[] = ['kicker', 'section', 'byline'];
const BLOCK_ROLES: readonly ChunkRole[] = ['paragraph', 'subhead', 'headline'];

/** Splits before the block, then opens the new article with its title field ready for typing. */
async function splitAt(blockId: string): Promise<void> {
  const step = await act((p) => splitArticleAt(p, blockId));
  const op = step?.patches[0]?.forward[0];
  const boundary = op?.type === 'add-boundary' ? op.boundary : op?.type === 'update-boundary' ? op.to : null;
  if (!boundary) return;
  focusTitleWhenShown(boundary.id);
  selectArticle(boundary.id);
}

interface EditorProps {
  raw: string;
  clean: CleanPage;
  article: Article;
  /** The pane the editor scrolls in, which the block list is virtualised against. */
  scroller: RefObject<HTMLElement | null>;
}

/** The article as fields and editable blocks; every change is stored as the editor types. */
export function ArticleEditor({ raw, clean, article, scroller }: EditorProps) {
  const { t } = useTranslation('desk');
  const fieldsOpen = useDeskLayout((layout) => layout.fields);
  return (
    <div className="article-editor" data-testid="article-editor">
      <div className="editor-toolbar">
        <FoldButton part="fields" controls="article-fields" />
        {!fieldsOpen && <FoldedFields article={article} />}
        <button
          type="button"
          disabled={article.split.boundary === null}
          onClick={() => void act((p) => mergeWithPrevious(p, article.id))}
          data-testid="merge-previous"
        >
          {t('mergePrevious')}
        </button>
      </div>
      <div id="article-fields" className="article-fields">
        <FieldInput key={`${article.id}:title`} article={article} field="title" />
        {fieldsOpen && (
          <>
            {FOLDING_FIELDS.map((field) => (
              <FieldInput key={`${article.id}:${field}`} article={article} field={field} />
            ))}
            <CaptionsInput key={`${article.id}:captions`} article={article} />
          </>
        )}
      </div>
      <BlockList raw={raw} clean={clean} article={article} scroller={scroller} />
    </div>
  );
}

/** Space between blocks and above the first, in px. */
const BLOCK_GAP = 10;
/** Blocks rendered beyond each edge of the view: a textarea each, so fewer than the raw pane's lines. */
const OVERSCAN_BLOCKS = 12;
/** A block's height before it is measured, from its length at about 36 characters a line of 29 px. */
const estimatedHeight = (block: Block) => Math.max(1, Math.ceil(block.text.length / 36)) * 29 + 14;

/**
 * The article's blocks, only those in and near the view in the document (an article of a large
 * page has over a thousand). The selected block stays rendered out of view, so its caret, its
 * draft and its tools survive scrolling; picking a block elsewhere or locating a place in one
 * brings it to the middle.
 */
function BlockList({ raw, clean, article, scroller }: EditorProps) {
  const { t } = useTranslation('desk');
  const list = useRef<HTMLDivElement>(null);
  const blockId = useDesk((state) => state.blockId);
  const located = useLocated((state) => state.located);
  const { blocks } = article;
  const selectedIndex = blocks.findIndex((block) => block.id === blockId);
  // The pane is an ancestor: its ref is attached after this list's layout effects, so it is taken once mounted.
  const [pane, setPane] = useState<HTMLElement | null>(null);
  useEffect(() => setPane(scroller.current), [scroller]);
  const scrollMargin = useListOffset(list, pane);
  const keepSelected = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return selectedIndex === -1 || indexes.includes(selectedIndex)
        ? indexes
        : [...indexes, selectedIndex].sort((a, b) => a - b);
    },
    [selectedIndex],
  );
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => pane,
    estimateSize: (index) => estimatedHeight(blocks[index]),
    getItemKey: (index) => blocks[index].id,
    rangeExtractor: keepSelected,
    overscan: OVERSCAN_BLOCKS,
    gap: BLOCK_GAP,
    paddingStart: BLOCK_GAP,
    scrollMargin,
  });

  // Picked elsewhere (a click in the raw pane, a key): brought to the middle; picked here, left where the editor is typing.
  useEffect(() => {
    if (selectedIndex === -1) return;
    const focused = document.activeElement?.closest<HTMLElement>('[data-block]')?.dataset.block;
    if (focused !== blockId) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, blockId, virtualizer]);

  // A join's break touches the blocks on both sides of it; only the one that holds the place scrolls.
  // Declared after the selection's scroll, so a located place wins.
  useEffect(() => {
    if (!located) return;
    const { drafts } = useDesk.getState();
    const holding = blocks.findIndex(
      (block) => touchesBlock(block, located) && cleanRange(raw, block, drafts[block.id] ?? block.text, located),
    );
    if (holding !== -1) virtualizer.scrollToIndex(holding, { align: 'center' });
    // Only a new place scrolls; the blocks changing under it (an edit) must not pull the pane back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [located, virtualizer]);

  return (
    <div
      ref={list}
      className="article-blocks"
      role="list"
      aria-label={t('block.list')}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <BlockEditor
          key={item.key}
          raw={raw}
          clean={clean}
          article={article}
          block={blocks[item.index]}
          index={item.index}
          top={item.start - scrollMargin}
          measure={virtualizer.measureElement}
        />
      ))}
    </div>
  );
}

/** How far the list starts below the top of the pane's content: the fields above it grow, fold and unfold. */
function useListOffset(list: RefObject<HTMLElement | null>, pane: HTMLElement | null): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !pane) return;
    const measure = () =>
      setOffset(element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop);
    measure();
    const observer = new ResizeObserver(measure);
    for (let above = element.previousElementSibling; above; above = above.previousElementSibling)
      observer.observe(above);
    return () => observer.disconnect();
  }, [list, pane]);
  return offset;
}

/** The folded fields that hold something, in one line, so folding them hides no value unseen. */
function FoldedFields({ article }: { article: Article }) {
  const { t } = useTranslation('desk');
  const filled = [
    ...FOLDING_FIELDS.filter((field) => article[field]).map((field) =>
      t('fields.summary', { field: t(`field.${field}`), value: article[field] }),
    ),
    ...(article.captions.length > 0
      ? [t('fields.summary', { field: t('field.captions'), value: article.captions.join(' / ') })]
      : []),
  ];
  const summary = filled.join(' · ');
  return (
    <span className="folded-fields muted" title={summary} data-testid="folded-fields">
      {summary}
    </span>
  );
}

function FieldInput({ article, field }: { article: Article; field: ArticleTextField }) {
  const { t } = useTranslation('desk');
  const stored = (field === 'title' ? article.title : article[field]) ?? '';
  const draft = useDraft(stored, (value) =>
    act((p) => setArticleField(p, article.id, field, field === 'title' ? value : value || null)),
  );
  const focus = useDesk((state) => field === 'title' && state.focusTitleOf === article.id);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focus) return;
    input.current?.focus();
    focusTitleWhenShown(null);
  }, [focus]);
  return (
    <label className={`field field-${field}`}>
      <span>{t(`field.${field}`)}</span>
      {field === 'title' ? (
        <textarea ref={input} rows={1} {...draft} data-testid={`field-${field}`} />
      ) : (
        <input type="text" {...draft} data-testid={`field-${field}`} />
      )}
    </label>
  );
}

function CaptionsInput({ article }: { article: Article }) {
  const { t } = useTranslation('desk');
  const draft = useDraft(article.captions.join('\n'), (value) =>
    act((p) =>
      setArticleCaptions(
        p,
        article.id,
        value
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ),
  );
  return (
    <label className="field field-captions">
      <span>{t('field.captions')}</span>
      <textarea rows={1} placeholder={t('field.captionsHint')} {...draft} data-testid="field-captions" />
    </label>
  );
}

interface BlockProps {
  raw: string;
  clean: CleanPage;
  article: Article;
  block: Block;
  /** The block's place in the article, which the virtualiser measures it by. */
  index: number;
  /** Where the block sits in the list, in px. */
  top: number;
  measure: (element: HTMLElement | null) => void;
}

function BlockEditor({ raw, clean, article, block, index, top, measure }: BlockProps) {
  const { t } = useTranslation('desk');
  const selected = useDesk((state) => state.blockId === block.id);
  const draft = useDraft(
    block.text,
    (value) => act((p) => editBlockText(p, article.id, block.id, value)),
    (value) => setBlockDraft(block.id, value),
  );
  // Tools are built only for the block with the caret: a page of blocks each with its menus would
  // cost more to open than the text itself. They follow its text, in the flow, so they cover none
  // of it and the text being clicked into does not move; Tab from the text reaches them.
  const move = (direction: -1 | 1) => void act((p) => moveBlockBy(p, article.id, block.id, direction));
  const canMoveOut = clean.articles.some((a) => a.id !== article.id && a.blocks.length > 0);
  const located = useLocated((state) => (state.located && touchesBlock(block, state.located) ? state.located : null));
  const mark = located && cleanRange(raw, block, draft.value, located);
  const first = index === 0;
  const last = index === article.blocks.length - 1;
  return (
    <div
      ref={measure}
      className={`block block-${block.type}${selected ? ' is-selected' : ''}`}
      data-block={block.id}
      data-index={index}
      role="listitem"
      aria-setsize={article.blocks.length}
      aria-posinset={index + 1}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="block"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        const dragged = readDraggedBlock(event);
        if (!dragged || dragged.blockId === block.id) return;
        event.preventDefault();
        void act((p) => moveBlock(p, dragged.articleId, dragged.blockId, block.chunks[block.chunks.length - 1]));
      }}
    >
      {mark && (
        // The textarea cannot colour part of its text: a copy of the text lies under it, transparent but for the mark.
        <div className="block-located" lang="zh-CN" aria-hidden="true" data-testid="block-located">
          {draft.value.slice(0, mark.start)}
          <mark>{draft.value.slice(mark.start, mark.end)}</mark>
          {draft.value.slice(mark.end)}
        </div>
      )}
      <textarea
        className="block-text"
        lang="zh-CN"
        {...draft}
        onFocus={() => selectBlock(block.id)}
        onSelect={(event) =>
          selectText({
            block: block.id,
            start: event.currentTarget.selectionStart,
            end: event.currentTarget.selectionEnd,
          })
        }
        onKeyDown={(event) => {
          if (event.altKey && event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
            event.preventDefault();
            move(event.key === 'ArrowUp' ? -1 : 1);
          }
        }}
        aria-label={t('block.label', { index: index + 1 })}
        data-testid="block-text"
      />
      {selected && (
        <div className="block-tools">
          <span
            className="drag-handle"
            draggable
            onDragStart={(event) => startBlockDrag(event, { articleId: article.id, blockId: block.id })}
            title={t('block.drag')}
            aria-hidden="true"
          >
            ⠿
          </span>
          <select
            value={block.type}
            aria-label={t('block.role')}
            onChange={(event) =>
              void act((p) => setBlockRole(p, article.id, block.id, event.target.value as ChunkRole))
            }
            data-testid="block-role"
          >
            {BLOCK_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`block.${role}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button"
            disabled={first}
            onClick={() => move(-1)}
            aria-label={t('block.up')}
            title={t('block.up')}
            data-testid="block-up"
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={last}
            onClick={() => move(1)}
            aria-label={t('block.down')}
            title={t('block.down')}
            data-testid="block-down"
          >
            ↓
          </button>
          {!first && (
            <button
              type="button"
              className="link-button"
              onClick={() => void splitAt(block.id)}
              data-testid="split-here"
            >
              {t('block.split')}
            </button>
          )}
          {canMoveOut && (
            <button
              type="button"
              className="link-button"
              onClick={() => openMoveBlock(article.id, block.id)}
              title={t('keys.moveToArticle')}
              data-testid="block-move-to"
            >
              {t('block.moveTo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

import { useEffect, useRef } from 'react';
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

/** The article as fields and editable blocks; every change is stored as the editor types. */
export function ArticleEditor({ raw, clean, article }: { raw: string; clean: CleanPage; article: Article }) {
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
      <div className="article-blocks">
        {article.blocks.map((block, index) => (
          <BlockEditor
            key={block.id}
            raw={raw}
            clean={clean}
            article={article}
            block={block}
            first={index === 0}
            last={index === article.blocks.length - 1}
          />
        ))}
      </div>
    </div>
  );
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
  first: boolean;
  last: boolean;
}

function BlockEditor({ raw, clean, article, block, first, last }: BlockProps) {
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
  const element = useRef<HTMLDivElement>(null);
  // A join's break touches the blocks on both sides of it; only the one that holds the place scrolls.
  const found = mark !== null;
  useEffect(() => {
    if (located && found) element.current?.scrollIntoView({ block: 'center' });
  }, [located, found]);
  // Picked elsewhere (a click in the raw pane, a key): brought to the middle; picked here, left where the editor is typing.
  useEffect(() => {
    if (selected && !element.current?.contains(document.activeElement))
      element.current?.scrollIntoView({ block: 'center' });
  }, [selected]);
  return (
    <div
      ref={element}
      className={`block block-${block.type}${selected ? ' is-selected' : ''}`}
      data-block={block.id}
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
        aria-label={t('block.label', { index: article.blocks.indexOf(block) + 1 })}
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

import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanPage } from '../../../src-shared/model';
import { blockPlaces, moveBlockToArticle, type BlockPlace, type ReviewPage } from '../../../src-shared/review';
import { closeMoveBlock, useDesk } from '../../store/desk';
import { useModalDialog } from '../useModalDialog';
import { act } from './commands';

const EXCERPT_LENGTH = 24;

const placeKey = (place: BlockPlace) => `${place.side}:${place.block}`;

/** A select submits no form by itself: Enter on either choice moves, as the button does. */
function submitOnEnter(event: KeyboardEvent<HTMLSelectElement>): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/**
 * "Move to article…": the article and the place among its blocks, chosen with the mouse or the
 * keyboard (Tab, arrows, Enter to move, Esc to cancel) before anything moves.
 */
export function MoveBlockDialog({ page, clean }: { page: ReviewPage; clean: CleanPage }) {
  const moving = useDesk((state) => state.moving);
  const dialog = useModalDialog(moving !== null, (element) =>
    element.querySelector<HTMLSelectElement>('select')?.focus(),
  );
  return (
    <dialog
      ref={dialog}
      className="dialog move-dialog"
      onClose={closeMoveBlock}
      aria-labelledby="move-title"
      data-testid="move-dialog"
    >
      {moving && <MoveBlockForm key={moving.blockId} page={page} clean={clean} {...moving} />}
    </dialog>
  );
}

interface MoveBlockFormProps {
  page: ReviewPage;
  clean: CleanPage;
  articleId: string;
  blockId: string;
}

function MoveBlockForm({ page, clean, articleId, blockId }: MoveBlockFormProps) {
  const { t } = useTranslation('desk');
  const targets = clean.articles.filter((a) => a.id !== articleId && a.blocks.length > 0);
  const [targetId, setTargetId] = useState(targets[0]?.id ?? '');
  const target = targets.find((a) => a.id === targetId);
  const places = target ? blockPlaces(page, target.id) : [];
  // The end of the article, where the move used to go always, is where the choice starts.
  const [chosen, setChosen] = useState<string | null>(null);
  const place = places.find((p) => placeKey(p) === chosen) ?? places[places.length - 1];
  const excerpt = (id: string) => {
    const text = target?.blocks.find((b) => b.id === id)?.text.trim() ?? '';
    return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  };
  const move = async () => {
    if (!target || !place) return;
    if (await act((p) => moveBlockToArticle(p, articleId, blockId, target.id, place))) closeMoveBlock();
  };
  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        void move();
      }}
    >
      <h2 id="move-title">{t('move.title')}</h2>
      <label className="move-field">
        <span>{t('move.article')}</span>
        <select
          value={targetId}
          onChange={(event) => {
            setTargetId(event.target.value);
            setChosen(null);
          }}
          onKeyDown={submitOnEnter}
          data-testid="move-article"
        >
          {targets.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title || t('untitled')}
            </option>
          ))}
        </select>
      </label>
      <label className="move-field">
        <span>{t('move.place')}</span>
        <select
          value={place ? placeKey(place) : ''}
          onChange={(event) => setChosen(event.target.value)}
          onKeyDown={submitOnEnter}
          data-testid="move-place"
        >
          {places.map((p) => (
            <option key={placeKey(p)} value={placeKey(p)}>
              {t(`move.${p.side}`, {
                index: (target?.blocks.findIndex((b) => b.id === p.block) ?? 0) + 1,
                excerpt: excerpt(p.block),
              })}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={closeMoveBlock}>
          {t('move.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!place} data-testid="move-apply">
          {t('move.apply')}
        </button>
      </div>
    </form>
  );
}

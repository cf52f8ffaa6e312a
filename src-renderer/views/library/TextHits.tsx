import { useTranslation } from 'react-i18next';
import type { KeyboardEvent } from 'react';
import { HIT_LIMIT, type TextHit } from '../../services/text-search';
import { useTextSearch } from '../../store/text-search';
import { openHit } from './commands';

/** The places the search found in the pages' text: page, article, field and the text around each; a click opens the desk there. */
export function TextHits({ search }: { search: string }) {
  const { t } = useTranslation('library');
  const result = useTextSearch((state) => state.result);
  const searching = useTextSearch((state) => state.searching);
  if (search.trim() === '') return null;

  const current = result?.query === search ? result : null;
  const summary = !current
    ? t('textSearch.searching')
    : current.hits.length === 0
      ? t('textSearch.none', { query: search.trim() })
      : t(current.capped ? 'textSearch.capped' : 'textSearch.found', {
          places: t('textSearch.places', { count: current.hits.length }),
          pages: t('textSearch.pages', { count: current.pageIds.length }),
          limit: HIT_LIMIT,
        });
  return (
    <section className="text-hits" aria-label={t('textSearch.label')} aria-busy={searching} data-testid="text-hits">
      <p className="text-hits-summary" role="status" data-testid="text-hit-summary">
        {summary}
      </p>
      {current && current.hits.length > 0 && (
        <ol className="text-hit-list">
          {current.hits.map((hit, index) => (
            // The list is replaced whole for each query, so a place's position is a stable key.
            <li key={index}>
              <HitButton hit={hit} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Arrow keys walk the list; Tab leaves it. */
function moveInList(event: KeyboardEvent<HTMLButtonElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...(event.currentTarget.closest('ol')?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const at = buttons.indexOf(event.currentTarget);
  buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  event.preventDefault();
}

function HitButton({ hit }: { hit: TextHit }) {
  const { t } = useTranslation('library');
  const { before, match, after } = hit.context;
  const article = hit.articleTitle || t('textSearch.noArticle');
  return (
    <button
      type="button"
      className="text-hit"
      onClick={() => openHit(hit)}
      onKeyDown={moveInList}
      data-testid="text-hit"
    >
      {/* The page name and title are cut to fit a row; the full ones show on hover. */}
      <span className="text-hit-where" title={`${hit.pageName} · ${article}`}>
        <span className="text-hit-page">{hit.pageName}</span>
        <span className="text-hit-article">{article}</span>
        <span className="text-hit-field">{t(`textSearch.field.${hit.field}`)}</span>
      </span>
      <span className="text-hit-context" lang="zh-CN">
        {before}
        <mark>{match}</mark>
        {after}
      </span>
    </button>
  );
}

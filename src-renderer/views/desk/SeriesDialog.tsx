import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useModalDialog } from '../useModalDialog';
import { useTranslation } from 'react-i18next';
import { findOccurrences, seriesCorrection, type Occurrence } from '../../../src-shared/review';
import { db } from '../../db/db';
import { closeSeries, updateSeries, useDesk, type SeriesScope } from '../../store/desk';
import { actOnPages } from './commands';
import { loadPages, pagesContaining } from '../../db/reviews';

const SCOPES: readonly SeriesScope[] = ['page', 'all', 'chosen'];

const keyOf = (o: Occurrence) => `${o.pageId}:${o.start}:${o.field?.at ?? ''}`;

/**
 * The same correction at every chosen occurrence, on this page, all pages or chosen ones, after a
 * preview; applied as one undoable step.
 */
export function SeriesDialog({ pageId }: { pageId: string }) {
  const { t } = useTranslation('desk');
  const series = useDesk((state) => state.series);
  const [found, setFound] = useState<Occurrence[] | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  // The page list is read only while the dialog is open: a large library costs the desk nothing.
  const active = series !== null;
  const pages = useLiveQuery(() => (active ? db.pages.orderBy('name').toArray() : []), [active]);
  const names = new Map(pages?.map((p) => [p.id, p.name]));

  const dialog = useModalDialog(active);

  const search = series?.search ?? '';
  const scope = series?.scope ?? 'all';
  const chosenKey = series?.chosenPages.join(',') ?? '';
  // Searched again when what or where changes; typing the replacement only changes the preview.
  useEffect(() => {
    if (!active || !search) {
      setFound(null);
      return;
    }
    let live = true;
    const only = scope === 'page' ? [pageId] : scope === 'chosen' ? chosenKey.split(',').filter(Boolean) : undefined;
    void pagesContaining(db, search, only)
      .then((ids) => loadPages(db, ids))
      .then((loaded) => {
        if (!live) return;
        setFound(findOccurrences(loaded, search));
        setExcluded(new Set());
      });
    return () => {
      live = false;
    };
  }, [active, search, scope, chosenKey, pageId]);

  const chosen = (found ?? []).filter((o) => !excluded.has(keyOf(o)));
  const apply = async () => {
    if (!series || chosen.length === 0) return;
    const ids = [...new Set(chosen.map((o) => o.pageId))];
    const done = await actOnPages(ids, (loaded) => seriesCorrection(loaded, chosen, series.replacement));
    if (done) closeSeries();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog series-dialog"
      onClose={closeSeries}
      aria-labelledby="series-title"
      data-testid="series-dialog"
    >
      {series && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void apply();
          }}
        >
          <h2 id="series-title">{t('series.title')}</h2>
          <div className="series-fields">
            <label>
              <span>{t('series.find')}</span>
              <input
                type="text"
                value={series.search}
                onChange={(e) => updateSeries({ search: e.target.value })}
                data-testid="series-find"
                autoFocus
              />
            </label>
            <label>
              <span>{t('series.replace')}</span>
              <input
                type="text"
                value={series.replacement}
                onChange={(e) => updateSeries({ replacement: e.target.value })}
                data-testid="series-replace"
              />
            </label>
          </div>
          <fieldset className="series-scope">
            <legend>{t('series.scope')}</legend>
            {SCOPES.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="scope"
                  checked={scope === s}
                  onChange={() => updateSeries({ scope: s })}
                  data-testid={`scope-${s}`}
                />
                {t(`series.scopes.${s}`)}
              </label>
            ))}
          </fieldset>
          {scope === 'chosen' && (
            <div className="series-pages">
              {pages?.map((p) => (
                <label key={p.id}>
                  <input
                    type="checkbox"
                    checked={series.chosenPages.includes(p.id)}
                    onChange={(e) =>
                      updateSeries({
                        chosenPages: e.target.checked
                          ? [...series.chosenPages, p.id]
                          : series.chosenPages.filter((id) => id !== p.id),
                      })
                    }
                  />
                  {p.name}
                </label>
              ))}
            </div>
          )}
          <p className="muted" data-testid="series-count">
            {found === null
              ? t('series.typeToFind')
              : t('series.found', { count: found.length, pages: new Set(found.map((o) => o.pageId)).size })}
          </p>
          <ul className="series-preview" data-testid="series-preview">
            {found?.map((o) => (
              <li key={keyOf(o)}>
                <label>
                  <input
                    type="checkbox"
                    checked={!excluded.has(keyOf(o))}
                    onChange={(e) => {
                      const next = new Set(excluded);
                      if (e.target.checked) next.delete(keyOf(o));
                      else next.add(keyOf(o));
                      setExcluded(next);
                    }}
                  />
                  <span className="series-page">{names.get(o.pageId) ?? o.pageId}</span>
                  <span className="series-context">
                    {o.context.before}
                    <del>{o.context.match}</del>
                    <ins>{series.replacement}</ins>
                    {o.context.after}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={closeSeries}>
              {t('series.cancel')}
            </button>
            <button type="submit" className="primary" disabled={chosen.length === 0} data-testid="series-apply">
              {t('series.apply', { count: chosen.length })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanPage, PageAnalysis } from '../../../src-shared/model';
import { db } from '../../db/db';
import type { PageRow } from '../../db/schema';
import { DeskExportControls } from '../export/ExportButtons';
import { openSeries, selectArticle, setSearch, setSearchOpen, setShortcutsOpen, useDesk } from '../../store/desk';
import { approvePage, reanalyseOpenPage, redo, undo } from './commands';
import { historyState } from '../../db/reviews';
import { IssueNav } from './IssueNav';
import { articleText } from './search';
import { chiefOnlyReason, useTeam } from '../../sync/team-state';

export function DeskHeader({ page, analysis, clean }: { page: PageRow; analysis: PageAnalysis; clean: CleanPage }) {
  const { t } = useTranslation('desk');
  const save = useDesk((state) => state.save);
  // Re-read after every write: the save state changes around each one.
  const history = useLiveQuery(() => historyState(db, page.id), [page.id, save]);
  const chiefOnly = useTeam(chiefOnlyReason);
  const notChief = chiefOnly && t(`team:chiefOnly.${chiefOnly}`);
  return (
    <header className="desk-header">
      <h2 className="page-title" title={page.name}>
        {page.name}
      </h2>
      <IssueNav pageId={page.id} />
      <span className={`status status-${page.status}`} data-testid="page-status">
        {t(`library:status.${page.status}`)}
      </span>
      <span className={`save-state save-${save}`} role="status" data-testid="save-state">
        {save === 'idle' ? '' : t(`save.${save}`)}
      </span>
      <div className="header-spacer" />
      <SearchBox clean={clean} />
      <button
        type="button"
        onClick={() => openSeries(window.getSelection()?.toString().trim() ?? '')}
        data-testid="open-series"
      >
        {t('flags.series')}
      </button>
      <button
        type="button"
        onClick={() => void undo()}
        disabled={!history?.canUndo}
        title={t('keys.undo')}
        data-testid="undo"
      >
        {t('undo')}
      </button>
      <button type="button" onClick={() => void redo()} disabled={!history?.canRedo} title={t('keys.redo')}>
        {t('redo')}
      </button>
      <button
        type="button"
        onClick={() => void reanalyseOpenPage()}
        title={`${t('keys.reanalysePage')} (Alt+R)`}
        data-testid="reanalyse-page"
      >
        {t('reanalyse')}
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => void approvePage(analysis, clean)}
        disabled={page.status === 'approved' || notChief !== null}
        title={notChief ?? undefined}
        data-testid="approve-page"
      >
        {t('approvePage')}
      </button>
      {notChief && (
        <span className="chief-only" title={notChief} data-testid="approve-chief-only">
          {t('team:chiefOnly.short')}
        </span>
      )}
      <DeskExportControls pageId={page.id} analysis={analysis} />
      <button
        type="button"
        className="icon-button"
        onClick={() => setShortcutsOpen(true)}
        aria-label={t('shortcuts.title')}
      >
        ?
      </button>
    </header>
  );
}

/** Ctrl+F: one query over the raw text (highlighted in the raw pane) and the clean articles. */
function SearchBox({ clean }: { clean: CleanPage }) {
  const { t } = useTranslation('desk');
  const search = useDesk((state) => state.search);
  const open = useDesk((state) => state.searchOpen);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const hits = search ? clean.articles.filter((a) => articleText(a).includes(search)) : [];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      setSearchOpen(false);
      return;
    }
    if (event.key !== 'Enter' || hits.length === 0) return;
    event.preventDefault();
    const current = hits.findIndex((a) => a.id === useDesk.getState().articleId);
    const step = event.shiftKey ? -1 : 1;
    selectArticle(hits[(current + step + hits.length) % hits.length].id);
  };
  return (
    <div className="desk-search">
      <input
        ref={input}
        type="search"
        value={search}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onFocus={() => setSearchOpen(true)}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="desk-search"
      />
      {search && <span className="search-count">{t('search.hits', { count: hits.length })}</span>}
    </div>
  );
}

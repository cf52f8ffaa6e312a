/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex, jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus --
   The grid pattern with aria-activedescendant: the row group holds focus and takes the keys, and names
   the active row; a row click is the pointer's way to make a row active. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatBytes } from '../../../src-shared/pipeline/decode';
import type { PageRow } from '../../db/schema';
import { askToDelete, selectPage, useLibrary } from '../../store/library';
import { openPage, useUi } from '../../store/ui';
import { exportStateOf } from './filter';

const ROW_HEIGHT = 44;

/**
 * The page list as one keyboard stop (a grid with an active row): arrows move, Enter opens,
 * Delete asks to delete. Only the rows in view are rendered, so 10,000 pages scroll smoothly.
 */
export function PageTable({ pages, libraryEmpty }: { pages: readonly PageRow[]; libraryEmpty: boolean }) {
  const { t } = useTranslation('library');
  const language = useUi((state) => state.language);
  const selectedId = useLibrary((state) => state.selectedId);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Not per render: the table renders on every scrolled frame, and the pages are thousands.
  const selectedIndex = useMemo(() => pages.findIndex((page) => page.id === selectedId), [pages, selectedId]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // Coming back from a page, the keyboard continues where it left: on the list, at that page.
  const hadSelectionOnMount = useRef(selectedId !== null);
  useEffect(() => {
    if (hadSelectionOnMount.current) scroller.current?.focus();
  }, []);

  if (pages.length === 0) {
    return <p className="empty-state">{libraryEmpty ? t('emptyLibrary') : t('noMatch')}</p>;
  }

  const moveTo = (index: number) => selectPage(pages[Math.max(0, Math.min(pages.length - 1, index))].id);
  const pageStep = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent) => {
    const current = selectedIndex >= 0 ? selectedIndex : -1;
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(current < 0 ? 0 : current - 1),
      PageDown: () => moveTo(current + pageStep),
      PageUp: () => moveTo(current - pageStep),
      Home: () => moveTo(0),
      End: () => moveTo(pages.length - 1),
      Enter: () => current >= 0 && openPage(pages[current].id),
      Delete: () => current >= 0 && askToDelete(pages[current].id),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <div className="page-table" role="grid" aria-rowcount={pages.length + 1} aria-label={t('tableLabel')}>
      <div className="page-row page-row-head" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('column.name')}</span>
        <span role="columnheader" className="num">
          {t('column.size')}
        </span>
        <span role="columnheader">{t('column.imported')}</span>
        <span role="columnheader">{t('column.status')}</span>
        <span role="columnheader">{t('column.exported')}</span>
        <span role="columnheader" className="num">
          {t('column.articles')}
        </span>
        <span role="columnheader" className="num">
          {t('column.openFlags')}
        </span>
        <span role="columnheader" className="num">
          {t('column.undecidedSplits')}
        </span>
        <span role="columnheader" className="visually-hidden">
          {t('column.actions')}
        </span>
      </div>
      <div
        className="page-table-body"
        ref={scroller}
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={selectedIndex >= 0 ? rowId(pages[selectedIndex].id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && selectedIndex < 0) moveTo(0);
        }}
        data-testid="page-table"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <PageTableRow
              key={pages[item.index].id}
              page={pages[item.index]}
              rowIndex={item.index + 2}
              top={item.start}
              selected={item.index === selectedIndex}
              t={t}
              language={language}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

const rowId = (pageId: string) => `page-row-${pageId}`;

// Rows are memoised: scrolling re-renders the table, but a row only when its own props change. The
// translator and language come from the table: scrolling mounts a dozen rows a frame, and a hook of
// their own would subscribe each to the language and the store, and unsubscribe it a moment later.
const PageTableRow = memo(function PageTableRow({
  page,
  rowIndex,
  top,
  selected,
  t,
  language,
}: {
  page: PageRow;
  rowIndex: number;
  top: number;
  selected: boolean;
  t: TFunction<'library'>;
  language: string;
}) {
  const stat = (value: number | undefined) => (value === undefined ? '—' : value);
  return (
    <div
      id={rowId(page.id)}
      className={`page-row${selected ? ' is-selected' : ''}`}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => selectPage(page.id)}
      onDoubleClick={() => openPage(page.id)}
      data-testid="page-row"
    >
      <span role="gridcell" className="page-name">
        <button type="button" className="link-button" tabIndex={-1} onClick={() => openPage(page.id)} title={page.name}>
          {page.name}
        </button>
      </span>
      <span role="gridcell" className="num">
        {formatBytes(page.size)}
      </span>
      <span role="gridcell">{formatDate(page.importedAt, language)}</span>
      <span role="gridcell">
        <span className={`status status-${page.status}`} title={approvalNote(page, language, t)}>
          {t(`status.${page.status}`)}
        </span>
      </span>
      <span role="gridcell">
        <ExportStateCell page={page} t={t} language={language} />
      </span>
      <span role="gridcell" className="num">
        {stat(page.stats?.articles)}
      </span>
      <span role="gridcell" className="num">
        {stat(page.stats?.openFlags)}
      </span>
      <span role="gridcell" className="num">
        {stat(page.stats?.undecidedSplits)}
      </span>
      <span role="gridcell" className="row-actions">
        <button
          type="button"
          className="icon-button danger"
          tabIndex={-1}
          aria-label={t('delete', { name: page.name })}
          title={t('delete', { name: page.name })}
          onClick={(event) => {
            event.stopPropagation();
            askToDelete(page.id);
          }}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M6 2h4M2.5 4h11M4 4l.7 9.2a1 1 0 0 0 1 .8h4.6a1 1 0 0 0 1-.8L12 4M6.5 6.5v5M9.5 6.5v5" />
          </svg>
        </button>
      </span>
    </div>
  );
});

function approvalNote(page: PageRow, language: string, t: TFunction<'library'>): string | undefined {
  if (page.status !== 'approved' || !page.approval) return undefined;
  const date = formatDate(page.approval.at, language);
  return page.approval.by ? t('approvedBy', { name: page.approval.by, date }) : t('approvedUnnamed', { date });
}

function ExportStateCell({ page, t, language }: { page: PageRow; t: TFunction<'library'>; language: string }) {
  const state = exportStateOf(page);
  // "—" in the library means "not analysed yet"; a page never exported says so in words.
  if (!page.exported)
    return (
      <span className="export-state export-never" data-testid="export-state">
        {t('exportState.never')}
      </span>
    );
  const when =
    page.exported.at === null
      ? t('exportedUndated')
      : t('exportedOn', { date: formatDate(page.exported.at, language), formats: page.exported.formats.join(', ') });
  return (
    <span className={`export-state export-${state}`} title={when} data-testid="export-state">
      {t(`exportState.${state}`)}
    </span>
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(at: number, language: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    dateFormats.set(language, format);
  }
  return format.format(at);
}

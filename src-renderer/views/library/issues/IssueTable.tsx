/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex --
   The grid pattern with aria-activedescendant: the row group holds focus, takes the keys and names the active row. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { askToDelete, selectPage } from '../../../store/library';
import { editIssue, exportIssue, setCursor, setExpanded, toggleChecked, useIssues } from '../../../store/issues';
import { openPage, useUi } from '../../../store/ui';
import { moveInIssue } from './commands';
import { issueName, issuePageLabel } from './name';
import type { LibraryRow } from './rows';

const ROW_HEIGHT = 44;

/**
 * The library by issue as one keyboard stop (a grid with an active row, like the page table):
 * arrows move, → opens an issue and ← closes it, Enter opens a page, Space ticks, Alt+↑/↓ moves a
 * page within its issue, E edits and X exports the issue. Only the rows in view are rendered.
 */
export function IssueTable({
  rows,
  pagesOf,
}: {
  rows: readonly LibraryRow[];
  pagesOf: (issueId: string) => readonly string[];
}) {
  const { t } = useTranslation('issues');
  const cursor = useIssues((state) => state.cursor);
  const checked = useIssues((state) => state.checked);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const index = rows.findIndex((row) => row.id === cursor);

  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [index, virtualizer]);
  const hadCursorOnMount = useRef(cursor !== null);
  useEffect(() => {
    if (hadCursorOnMount.current) scroller.current?.focus();
  }, []);

  if (rows.length === 0) return <p className="empty-state">{t('noMatch')}</p>;

  const checkedSet = new Set(checked);
  const moveTo = (to: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
    setCursor(row.id);
    if (row.kind === 'page') selectPage(row.id);
  };
  const groupOf = (row: LibraryRow) => (row.kind === 'page' ? (row.issueId ?? 'loose') : row.id);
  const issueOf = (row: LibraryRow) => (row.kind === 'issue' ? row.id : row.kind === 'page' ? row.issueId : null);
  const pageStep = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent) => {
    const row = index >= 0 ? rows[index] : undefined;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (event.altKey && row?.kind === 'page' && row.issueId && (key === 'ArrowUp' || key === 'ArrowDown')) {
      event.preventDefault();
      void moveInIssue(row.id, key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index < 0 ? 0 : index - 1),
      PageDown: () => moveTo(index + pageStep),
      PageUp: () => moveTo(index - pageStep),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => row && row.kind !== 'page' && setExpanded(row.id, true),
      ArrowLeft: () => {
        if (!row) return;
        if (row.kind === 'page') setCursor(groupOf(row));
        else setExpanded(row.id, false);
      },
      Enter: () => {
        if (!row) return;
        if (row.kind === 'page') openPage(row.id);
        else setExpanded(row.id, !row.expanded);
      },
      ' ': () => row && toggleRow(row),
      e: () => {
        const issueId = row && issueOf(row);
        if (issueId) editIssue(issueId);
      },
      x: () => {
        const issueId = row && issueOf(row);
        if (issueId) exportIssue(issueId);
      },
      Delete: () => row?.kind === 'page' && askToDelete(row.id),
    };
    const move = moves[key];
    if (!move) return;
    event.preventDefault();
    move();
  };
  const toggleRow = (row: LibraryRow) => {
    if (row.kind === 'page') toggleChecked([row.id], !checkedSet.has(row.id));
    if (row.kind === 'issue') {
      const ids = pagesOf(row.id);
      toggleChecked(ids, !ids.every((id) => checkedSet.has(id)));
    }
  };

  return (
    <div className="page-table issue-table" role="grid" aria-rowcount={rows.length + 1} aria-label={t('tableLabel')}>
      <div className="page-row issue-row-grid page-row-head" role="row" aria-rowindex={1}>
        <span role="columnheader" aria-label={t('column.checked')} />
        <span role="columnheader">{t('column.issue')}</span>
        <span role="columnheader" className="num">
          {t('column.approved')}
        </span>
        <span role="columnheader">{t('library:column.status')}</span>
        <span role="columnheader" className="num">
          {t('library:column.openFlags')}
        </span>
        <span role="columnheader" className="num">
          {t('library:column.undecidedSplits')}
        </span>
        <span role="columnheader" className="visually-hidden">
          {t('library:column.actions')}
        </span>
      </div>
      <div
        className="page-table-body"
        ref={scroller}
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={index >= 0 ? rowDomId(rows[index].id) : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && index < 0) moveTo(0);
        }}
        data-testid="issue-table"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <LibraryRowView
                key={`${row.kind}-${row.id}`}
                row={row}
                rowIndex={item.index + 2}
                top={item.start}
                selected={item.index === index}
                checked={
                  row.kind === 'page'
                    ? checkedSet.has(row.id)
                    : row.kind === 'issue' && pagesOf(row.id).every((id) => checkedSet.has(id))
                }
                onToggle={() => toggleRow(row)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const rowDomId = (id: string) => `library-row-${id}`;

interface RowProps {
  row: LibraryRow;
  rowIndex: number;
  top: number;
  selected: boolean;
  checked: boolean;
  onToggle: () => void;
}

const LibraryRowView = memo(function LibraryRowView({ row, rowIndex, top, selected, checked, onToggle }: RowProps) {
  const { t } = useTranslation('issues');
  const language = useUi((state) => state.language);
  const common = {
    id: rowDomId(row.id),
    role: 'row',
    'aria-rowindex': rowIndex,
    'aria-selected': selected,
    style: { transform: `translateY(${top}px)`, height: ROW_HEIGHT },
    onClick: () => setCursor(row.id),
  } as const;
  const tick = (label: string) => (
    <span role="gridcell">
      <input
        type="checkbox"
        tabIndex={-1}
        checked={checked}
        onChange={onToggle}
        onClick={(event) => event.stopPropagation()}
        aria-label={label}
      />
    </span>
  );
  const toggle = (
    <button
      type="button"
      className="icon-button disclosure"
      tabIndex={-1}
      aria-expanded={row.kind !== 'page' && row.expanded}
      onClick={() => row.kind !== 'page' && setExpanded(row.id, !row.expanded)}
    >
      <span aria-hidden="true">{row.kind !== 'page' && row.expanded ? '▾' : '▸'}</span>
    </button>
  );

  if (row.kind === 'issue') {
    const name = issueName(row.issue, t, language);
    const { counts } = row;
    return (
      <div
        {...common}
        className={`page-row issue-row-grid issue-row${selected ? ' is-selected' : ''}`}
        aria-expanded={row.expanded}
        data-testid="issue-row"
      >
        {tick(t('checkIssue', { name }))}
        <span role="gridcell" className="issue-name">
          {toggle}
          <strong title={name}>{name}</strong>
          <span className="issue-pages-count">{t('pages', { count: counts.pages })}</span>
        </span>
        <span role="gridcell" className="num" data-testid="issue-approved">
          {t('approvedOf', { approved: counts.approved, total: counts.pages })}
        </span>
        <span role="gridcell">
          <span className={`status status-${row.status}`} data-testid="issue-status">
            {t(`library:status.${row.status}`)}
          </span>
        </span>
        <span role="gridcell" className="num">
          {counts.openFlags}
          {counts.unanalysed > 0 ? '+' : ''}
        </span>
        <span role="gridcell" className="num">
          {counts.undecidedSplits}
          {counts.unanalysed > 0 ? '+' : ''}
        </span>
        <span role="gridcell" className="row-actions">
          <button
            type="button"
            className="small-button"
            tabIndex={-1}
            onClick={() => editIssue(row.id)}
            title={t('keys.edit')}
          >
            {t('edit')}
          </button>
          <button
            type="button"
            className="small-button"
            tabIndex={-1}
            onClick={() => exportIssue(row.id)}
            title={t('keys.export')}
            data-testid="export-issue"
          >
            {t('export')}
          </button>
        </span>
      </div>
    );
  }
  if (row.kind === 'loose') {
    return (
      <div
        {...common}
        className={`page-row issue-row-grid issue-row loose-row${selected ? ' is-selected' : ''}`}
        aria-expanded={row.expanded}
        data-testid="loose-row"
      >
        <span role="gridcell" />
        <span role="gridcell" className="issue-name">
          {toggle}
          <strong>{t('loose')}</strong>
          <span className="issue-pages-count">{t('pages', { count: row.count })}</span>
        </span>
        <span role="gridcell" />
        <span role="gridcell" />
        <span role="gridcell" />
        <span role="gridcell" />
        <span role="gridcell" />
      </div>
    );
  }
  const { page, entry } = row;
  const stat = (value: number | undefined) => (value === undefined ? '—' : value);
  return (
    <div
      {...common}
      className={`page-row issue-row-grid issue-page-row${selected ? ' is-selected' : ''}`}
      onDoubleClick={() => openPage(page.id)}
      data-testid="issue-page-row"
    >
      {tick(t('checkPage', { name: page.name }))}
      <span role="gridcell" className="page-name issue-page-name">
        {entry && <span className="issue-page-label">{issuePageLabel(entry, row.position, t)}</span>}
        <button type="button" className="link-button" tabIndex={-1} onClick={() => openPage(page.id)} title={page.name}>
          {page.name}
        </button>
      </span>
      <span role="gridcell" />
      <span role="gridcell">
        <span className={`status status-${page.status}`}>{t(`library:status.${page.status}`)}</span>
      </span>
      <span role="gridcell" className="num">
        {stat(page.stats?.openFlags)}
      </span>
      <span role="gridcell" className="num">
        {stat(page.stats?.undecidedSplits)}
      </span>
      <span role="gridcell" className="row-actions">
        {row.issueId && (
          <>
            <button
              type="button"
              className="icon-button"
              tabIndex={-1}
              aria-label={t('moveUp', { name: page.name })}
              title={t('keys.moveUp')}
              onClick={() => void moveInIssue(page.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              tabIndex={-1}
              aria-label={t('moveDown', { name: page.name })}
              title={t('keys.moveDown')}
              onClick={() => void moveInIssue(page.id, 1)}
            >
              ↓
            </button>
          </>
        )}
      </span>
    </div>
  );
});

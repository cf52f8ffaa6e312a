import { useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_STATUSES } from '../../../src-shared/model';
import { importSourceFiles } from '../../commands';
import { db } from '../../db/db';
import type { PageRow } from '../../db/schema';
import { readFiles } from '../../services/read-files';
import { setSearch, setStatusFilter, useLibrary, type StatusFilter } from '../../store/library';
import { LibraryExportButton } from '../export/ExportButtons';
import { AnalysisProgressBar } from './AnalysisProgressBar';
import { BackupControls } from './BackupControls';
import { DeleteDialog } from './DeleteDialog';
import { ImportProgressBar } from './ImportProgressBar';
import { PageTable } from './PageTable';
import { useThrottledLiveQuery } from './useThrottledLiveQuery';

/** The list follows imports and analysis at most this often (see useThrottledLiveQuery). */
const LIST_REFRESH_MS = 1000;

export function LibraryScreen() {
  const pages = useThrottledLiveQuery(() => db.pages.orderBy('name').toArray(), db.name, ['pages'], LIST_REFRESH_MS);
  const statusFilter = useLibrary((state) => state.statusFilter);
  const search = useLibrary((state) => state.search);
  const visible = useMemo(() => (pages ? filterPages(pages, statusFilter, search) : undefined), [pages, statusFilter, search]);
  const [dragging, setDragging] = useState(false);

  const acceptsFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!acceptsFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!acceptsFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    void readFiles(event.dataTransfer.files).then(importSourceFiles);
  };

  return (
    <section
      className={`library${dragging ? ' is-dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="library"
    >
      <Toolbar shown={visible?.length} total={pages?.length} exportButton={<LibraryExportButton pages={pages} shown={visible} />} />
      <ImportProgressBar />
      <AnalysisProgressBar />
      {visible && pages && <PageTable pages={visible} libraryEmpty={pages.length === 0} />}
      <DeleteDialog pages={visible} />
      {dragging && <DropHint />}
    </section>
  );
}

function filterPages(pages: readonly PageRow[], status: StatusFilter, search: string): PageRow[] {
  const needle = search.trim().toLowerCase();
  return pages.filter((page) => (status === 'all' || page.status === status) && (!needle || page.name.toLowerCase().includes(needle)));
}

function Toolbar({ shown, total, exportButton }: { shown: number | undefined; total: number | undefined; exportButton: ReactNode }) {
  const { t } = useTranslation('library');
  const statusFilter = useLibrary((state) => state.statusFilter);
  const search = useLibrary((state) => state.search);
  return (
    <div className="library-toolbar">
      <input
        type="search"
        className="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <label className="toolbar-field">
        <span>{t('statusFilter')}</span>
        <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as StatusFilter)}>
          <option value="all">{t('status.all')}</option>
          {PAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="library-count" data-testid="page-count">
        {shown !== undefined && total !== undefined && (shown === total ? t('count', { count: total }) : t('countFiltered', { shown, count: total }))}
      </span>
      <span className="library-hint">{t('dropHint')}</span>
      {exportButton}
      <BackupControls />
    </div>
  );
}

function DropHint() {
  const { t } = useTranslation('library');
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>{t('dropHere')}</p>
    </div>
  );
}

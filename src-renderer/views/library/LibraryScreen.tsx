import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_STATUSES } from '../../../src-shared/model';
import { importSourceFiles } from '../../commands';
import { db } from '../../db/db';
import { readDropped } from '../../services/read-files';
import { setFilter, useLibrary, type ExportFilter, type FlagFilter, type StatusFilter } from '../../store/library';
import { useTextSearch } from '../../store/text-search';
import { LibraryExportButton } from '../export/ExportButtons';
import { AnalysisProgressBar } from './AnalysisProgressBar';
import { BackupControls } from './BackupControls';
import { refreshTextSearch, searchLibrary } from './commands';
import { DeleteDialog } from './DeleteDialog';
import { filterPages, sectionsOf } from './filter';
import { ImportProgressBar } from './ImportProgressBar';
import { GroupingDialog } from './issues/GroupingDialog';
import {
  FolderImportButton,
  IssueFilters,
  IssueLibrary,
  LibraryViewSwitch,
  useIssueUndoKeys,
  useLibraryView,
} from './issues/IssueLibrary';
import { PageTable } from './PageTable';
import { ReimportDialog } from './ReimportDialog';
import { ReviewOverview } from './ReviewOverview';
import { TextHits } from './TextHits';
import { useThrottledLiveQuery } from './useThrottledLiveQuery';

/** The list follows imports and analysis at most this often (see useThrottledLiveQuery). */
const LIST_REFRESH_MS = 1000;

export function LibraryScreen() {
  const { t } = useTranslation('library');
  const pages = useThrottledLiveQuery(() => db.pages.orderBy('name').toArray(), db.name, ['pages'], LIST_REFRESH_MS);
  const filter = useLibrary((state) => state.filter);
  const textResult = useTextSearch((state) => state.result);
  const textMatches = useMemo(
    () => new Set(textResult?.query === filter.search ? textResult.pageIds : []),
    [textResult, filter.search],
  );
  const visible = useMemo(
    () => (pages ? filterPages(pages, filter, textMatches) : undefined),
    [pages, filter, textMatches],
  );
  const sections = useMemo(() => (pages ? sectionsOf(pages) : []), [pages]);
  // Back from the desk, or pages imported or deleted: the places listed may have changed.
  const pageCount = pages?.length;
  useEffect(() => {
    if (pageCount !== undefined) refreshTextSearch();
  }, [pageCount]);
  const [dragging, setDragging] = useState(false);
  const byIssue = useLibraryView() === 'issues';
  useIssueUndoKeys();

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
    void readDropped(event.dataTransfer).then(importSourceFiles);
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
      <div className="library-toolbar library-actions">
        <LibraryViewSwitch />
        <PageCount shown={visible?.length} total={pages?.length} />
        <span className="library-hint" title={t('dropHint')}>
          {t('dropHint')}
        </span>
        <FolderImportButton />
        <LibraryExportButton pages={pages} shown={visible} />
        <BackupControls />
      </div>
      <Filters sections={sections} byIssue={byIssue} />
      <TextHits search={filter.search} />
      {pages && pages.length > 0 && <ReviewOverview pages={pages} />}
      <ImportProgressBar />
      <AnalysisProgressBar />
      {visible &&
        pages &&
        (byIssue && pages.length > 0 ? (
          <IssueLibrary pages={pages} />
        ) : (
          <PageTable pages={visible} libraryEmpty={pages.length === 0} />
        ))}
      <DeleteDialog pages={visible} />
      <ReimportDialog />
      <GroupingDialog />
      {dragging && <DropHint />}
    </section>
  );
}

const FLAG_FILTERS: readonly FlagFilter[] = ['all', 'open', 'clear'];
const EXPORT_FILTERS: readonly ExportFilter[] = ['all', 'never', 'exported', 'changed'];

function PageCount({ shown, total }: { shown: number | undefined; total: number | undefined }) {
  const { t } = useTranslation('library');
  if (shown === undefined || total === undefined) return null;
  return (
    <span className="library-count" data-testid="page-count">
      {shown === total ? t('count', { count: total }) : t('countFiltered', { shown, count: total })}
    </span>
  );
}

/** The page filters, which narrow both views, then the issue filters when the library shows issues. */
function Filters({ sections, byIssue }: { sections: readonly string[]; byIssue: boolean }) {
  const { t } = useTranslation('library');
  const filter = useLibrary((state) => state.filter);
  return (
    <div className="library-toolbar library-filters">
      <input
        type="search"
        className="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={filter.search}
        onChange={(event) => searchLibrary(event.target.value)}
        onKeyDown={(event) => {
          // Down from the box goes to the first place found in the text.
          if (event.key !== 'ArrowDown') return;
          const first = event.currentTarget.closest('.library')?.querySelector<HTMLButtonElement>('.text-hit');
          if (!first) return;
          event.preventDefault();
          first.focus();
        }}
      />
      <label className="toolbar-field">
        <span>{t('statusFilter')}</span>
        <select value={filter.status} onChange={(event) => setFilter({ status: event.target.value as StatusFilter })}>
          <option value="all">{t('status.all')}</option>
          {PAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{t('exportFilter')}</span>
        <select
          value={filter.exported}
          onChange={(event) => setFilter({ exported: event.target.value as ExportFilter })}
          data-testid="export-filter"
        >
          {EXPORT_FILTERS.map((exported) => (
            <option key={exported} value={exported}>
              {t(`exportState.${exported}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{t('flagFilter')}</span>
        <select value={filter.flags} onChange={(event) => setFilter({ flags: event.target.value as FlagFilter })}>
          {FLAG_FILTERS.map((flags) => (
            <option key={flags} value={flags}>
              {t(`flags.${flags}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>{t('sectionFilter')}</span>
        <select value={filter.section} onChange={(event) => setFilter({ section: event.target.value })}>
          <option value="">{t('section.all')}</option>
          {sections.map((section) => (
            <option key={section} value={section}>
              {section}
            </option>
          ))}
        </select>
      </label>
      {byIssue && <IssueFilters />}
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

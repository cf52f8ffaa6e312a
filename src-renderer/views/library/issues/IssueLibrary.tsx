import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_STATUSES } from '../../../../src-shared/model';
import { importSourceFiles } from '../../../commands';
import { db } from '../../../db/db';
import type { IssueRow, PageRow } from '../../../db/schema';
import { compareIssues, issueHistoryState } from '../../../services/issues';
import { readFiles } from '../../../services/read-files';
import {
  clearChecked,
  setIssueFilter,
  setLibraryView,
  useIssues,
  type IssueFilter,
  type LibraryView,
} from '../../../store/issues';
import { useLibrary } from '../../../store/library';
import { useUi } from '../../../store/ui';
import { useThrottledLiveQuery } from '../useThrottledLiveQuery';
import { addCheckedTo, groupChecked, loosenChecked, travelIssueHistory } from './commands';
import { DateField } from './DateField';
import { IssueEditDialog } from './IssueEditDialog';
import { IssueExportDialog } from '../../export/IssueExportDialog';
import { IssueTable } from './IssueTable';
import { issueName } from './name';
import { libraryRows } from './rows';
import './issues.css';

/** Issues follow imports and edits at most this often, like the page list. */
const ISSUES_REFRESH_MS = 500;

export function useStoredIssues() {
  return useThrottledLiveQuery(() => db.issues.toArray(), db.name, ['issues'], ISSUES_REFRESH_MS);
}

/** The list the library shows: the editor's choice, else by issue once there are issues to show. */
export function useLibraryView(): LibraryView {
  const chosen = useIssues((state) => state.view);
  const issues = useLiveQuery(() => db.issues.count(), []);
  return chosen ?? ((issues ?? 0) > 0 ? 'issues' : 'pages');
}

/** The library by issue: issues that open to their pages in order, then the loose pages. */
export function IssueLibrary({ pages }: { pages: readonly PageRow[] }) {
  const issues = useStoredIssues();
  const pageFilter = useLibrary((state) => state.filter);
  const issueFilter = useIssues((state) => state.filter);
  const expanded = useIssues((state) => state.expanded);
  const rows = useMemo(
    () => (issues ? libraryRows(issues, pages, pageFilter, issueFilter, new Set(expanded)) : undefined),
    [issues, pages, pageFilter, issueFilter, expanded],
  );
  const pagesOf = useMemo(() => {
    const present = new Set(pages.map((page) => page.id));
    const byIssue = new Map((issues ?? []).map((issue) => [issue.id, issue.pageIds.filter((id) => present.has(id))]));
    return (issueId: string) => byIssue.get(issueId) ?? [];
  }, [issues, pages]);
  if (!rows || !issues) return null;
  return (
    <>
      <SelectionBar issues={issues} />
      <IssueTable rows={rows} pagesOf={pagesOf} />
      <IssueEditDialog />
      <IssueExportDialog />
    </>
  );
}

const VIEWS: readonly LibraryView[] = ['issues', 'pages'];

/** By issue or by page: the choice leads the library's action row. */
export function LibraryViewSwitch() {
  const { t } = useTranslation('issues');
  const view = useLibraryView();
  return (
    <div className="view-switch" role="radiogroup" aria-label={t('view.label')}>
      {VIEWS.map((name) => (
        <label key={name} className={view === name ? 'is-on' : ''}>
          <input
            type="radio"
            name="library-view"
            value={name}
            checked={view === name}
            onChange={() => setLibraryView(name)}
            data-testid={`view-${name}`}
          />
          {t(`view.${name}`)}
        </label>
      ))}
    </div>
  );
}

/** What narrows the issues (on top of the page filters), and undo of issue edits. */
export function IssueFilters() {
  const { t } = useTranslation('issues');
  const filter = useIssues((state) => state.filter);
  return (
    <>
      <label className="toolbar-field">
        <span>{t('filter.status')}</span>
        <select
          value={filter.status}
          onChange={(event) => setIssueFilter({ status: event.target.value as IssueFilter['status'] })}
          data-testid="issue-status-filter"
        >
          <option value="all">{t('library:status.all')}</option>
          {PAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`library:status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <DateField
        label={t('filter.from')}
        value={filter.from || null}
        onChange={(from) => setIssueFilter({ from: from ?? '' })}
        testId="issue-from"
      />
      <DateField
        label={t('filter.to')}
        value={filter.to || null}
        onChange={(to) => setIssueFilter({ to: to ?? '' })}
        testId="issue-to"
      />
      <IssueHistoryButtons />
    </>
  );
}

function IssueHistoryButtons() {
  const { t } = useTranslation('issues');
  const state = useLiveQuery(() => issueHistoryState(db), []);
  return (
    <span className="issue-history">
      <button
        type="button"
        onClick={() => void travelIssueHistory('undo')}
        disabled={!state?.canUndo}
        title={t('keys.undo')}
        data-testid="issue-undo"
      >
        {t('undo')}
      </button>
      <button
        type="button"
        onClick={() => void travelIssueHistory('redo')}
        disabled={!state?.canRedo}
        title={t('keys.redo')}
      >
        {t('redo')}
      </button>
    </span>
  );
}

/** Ctrl+Z / Ctrl+Shift+Z in the library undo and redo issue edits (text fields keep their own undo). */
export function useIssueUndoKeys() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.altKey ||
        target?.closest('input, textarea, select, dialog, [contenteditable="true"]')
      )
        return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      void travelIssueHistory(key === 'y' || event.shiftKey ? 'redo' : 'undo');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A folder (of issue folders, or of files named by issue) in one go; its paths are kept for grouping. */
export function FolderImportButton() {
  const { t } = useTranslation('issues');
  const picker = useRef<HTMLInputElement>(null);
  const importing = useLibrary((state) => state.progress !== null);
  const onPicked = () => {
    const files = Array.from(picker.current?.files ?? []);
    if (picker.current) picker.current.value = '';
    void readFiles(files).then(importSourceFiles);
  };
  return (
    <>
      <button type="button" onClick={() => picker.current?.click()} disabled={importing} data-testid="import-folder">
        {t('importFolder')}
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        multiple
        onChange={onPicked}
        data-testid="folder-picker"
        {...({ webkitdirectory: '' } as Record<string, string>)}
      />
    </>
  );
}

/** With pages ticked: group them as a new issue, add them to one, or leave them loose. */
function SelectionBar({ issues }: { issues: readonly IssueRow[] }) {
  const { t } = useTranslation('issues');
  const language = useUi((state) => state.language);
  const checked = useIssues((state) => state.checked);
  const sorted = useMemo(() => [...issues].sort(compareIssues), [issues]);
  const [target, setTarget] = useState('');
  if (checked.length === 0) return null;
  const chosen = sorted.some((issue) => issue.id === target) ? target : (sorted[0]?.id ?? '');
  return (
    <div className="selection-bar" role="region" aria-label={t('selection.label')} data-testid="selection-bar">
      <span>{t('selection.count', { count: checked.length })}</span>
      <button type="button" className="primary" onClick={() => void groupChecked()} data-testid="group-checked">
        {t('selection.newIssue')}
      </button>
      {sorted.length > 0 && (
        <>
          <label className="toolbar-field">
            <span>{t('selection.addTo')}</span>
            <select value={chosen} onChange={(event) => setTarget(event.target.value)} data-testid="add-target">
              {sorted.map((issue) => (
                <option key={issue.id} value={issue.id}>
                  {issueName(issue, t, language)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void addCheckedTo(chosen)} data-testid="add-checked">
            {t('selection.add')}
          </button>
        </>
      )}
      <button type="button" onClick={() => void loosenChecked()} data-testid="loosen-checked">
        {t('selection.loose')}
      </button>
      <button type="button" onClick={clearChecked}>
        {t('selection.clear')}
      </button>
    </div>
  );
}

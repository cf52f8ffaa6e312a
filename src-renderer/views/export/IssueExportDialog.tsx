import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../src-shared/export/registry';
import type { ExportFormat } from '../../../src-shared/export/types';
import { galley } from '../../bridge';
import { db } from '../../db/db';
import { openPages, runIssueExport, type IssueExportOutcome } from '../../services/issue-export';
import { exportIssue, useIssues } from '../../store/issues';
import { useExport, setExportFormat } from '../../store/export';
import { pushFailure, pushNotice, useUi } from '../../store/ui';
import { useModalDialog } from '../useModalDialog';
import { issueName, issuePageLabel } from '../library/issues/name';
import './export.css';

/**
 * Export of a whole issue as one document, from the library. Allowed at once when every page is
 * approved; otherwise the dialog names each page still open (status, flags, splits) and the
 * editor may export anyway.
 */
export function IssueExportDialog() {
  const { t } = useTranslation('issues');
  const language = useUi((state) => state.language);
  const issueId = useIssues((state) => state.exportingId);
  const format = useExport((state) => state.format);
  const loaded = useLiveQuery(async () => {
    if (!issueId) return null;
    const issue = await db.issues.get(issueId);
    return issue ? { issue, pages: await db.pages.bulkGet(issue.pageIds) } : null;
  }, [issueId]);
  const dialog = useModalDialog(issueId !== null, (element) =>
    element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus(),
  );
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<IssueExportOutcome | null>(null);
  useEffect(() => setOutcome(null), [issueId, format]);

  const open = loaded ? openPages(loaded.issue, loaded.pages) : [];
  const name = loaded ? issueName(loaded.issue, t, language) : '';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!loaded || running) return;
    setRunning(true);
    try {
      const result = await runIssueExport(db, galley, loaded.issue.id, format);
      setOutcome(result);
      if (result.saved)
        pushNotice({ tone: 'info', key: 'issues:notice.exported', values: { name, location: result.location } });
    } catch (error) {
      pushFailure('issues:notice.exportFailed', error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog issue-export-dialog"
      aria-labelledby="issue-export-title"
      onClose={() => exportIssue(null)}
      data-testid="issue-export-dialog"
    >
      {loaded && (
        <form onSubmit={(event) => void onSubmit(event)} className="export-form">
          <h2 id="issue-export-title">{t('exportDialog.title', { name })}</h2>
          <p>{t('exportDialog.body', { count: loaded.issue.pages.length })}</p>
          <fieldset className="export-formats" disabled={running}>
            <legend>{t('export:format.legend')}</legend>
            {EXPORT_FORMATS.map((id: ExportFormat) => (
              <label key={id}>
                <input
                  type="radio"
                  name="issue-format"
                  value={id}
                  checked={format === id}
                  onChange={() => setExportFormat(id)}
                />
                <span className="format-name">{t(`export:format.${id}.name`)}</span>
                <span className="format-hint">{t(`export:format.${id}.hint`)}</span>
              </label>
            ))}
          </fieldset>
          {open.length > 0 && (
            <div className="issue-export-open" role="alert" data-testid="issue-export-open">
              <p>{t('exportDialog.open')}</p>
              <ul>
                {open.map((page) => (
                  <li key={page.pageId}>
                    {t('exportDialog.openPage', {
                      label: issuePageLabel(page, page.position, t),
                      name: page.name,
                      status: t(`library:status.${page.status}`),
                    })}
                    {page.openFlags ? ` · ${t('exportDialog.openFlags', { count: page.openFlags })}` : ''}
                    {page.undecidedSplits ? ` · ${t('exportDialog.undecided', { count: page.undecidedSplits })}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {outcome && (
            <p role="status" data-testid="issue-export-outcome">
              {outcome.saved ? t('exportDialog.saved', { location: outcome.location }) : t('exportDialog.notSaved')}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()} disabled={running}>
              {t('exportDialog.cancel')}
            </button>
            <button
              type="submit"
              className={open.length > 0 ? 'danger-solid' : 'primary'}
              disabled={running}
              data-testid="issue-export-run"
            >
              {open.length > 0 ? t('exportDialog.anyway') : t('exportDialog.run')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

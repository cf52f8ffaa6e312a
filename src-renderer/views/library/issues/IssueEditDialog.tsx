import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposePageName } from '../../../../src-shared/issues';
import type { IssuePage } from '../../../../src-shared/model';
import { db } from '../../../db/db';
import type { IssueRow, PageRow } from '../../../db/schema';
import { dissolveIssue, updateIssue, type IssueDraft } from '../../../services/issues';
import { editIssue, useIssues } from '../../../store/issues';
import { pushFailure } from '../../../store/ui';
import { useModalDialog } from '../../useModalDialog';
import { ensureReview } from '../../../db/reviews';
import { DateField } from './DateField';

/**
 * An issue's fields and its pages: reorder, number and name them, or leave one loose. Saving is
 * one undoable step; so is dissolving the issue (its pages become loose).
 */
export function IssueEditDialog() {
  const editingId = useIssues((state) => state.editingId);
  const loaded = useLiveQuery(async () => {
    if (!editingId) return null;
    const issue = await db.issues.get(editingId);
    if (!issue) return null;
    const pages = await db.pages.bulkGet(issue.pageIds);
    return { issue, pages: pages.filter((page): page is PageRow => page !== undefined) };
  }, [editingId]);
  const dialog = useModalDialog(editingId !== null);
  return (
    <dialog
      ref={dialog}
      className="dialog issue-edit-dialog"
      onClose={() => editIssue(null)}
      aria-labelledby="issue-edit-title"
      data-testid="issue-edit-dialog"
    >
      {loaded && <IssueForm key={loaded.issue.id} issue={loaded.issue} pages={loaded.pages} />}
    </dialog>
  );
}

function IssueForm({ issue, pages }: { issue: IssueRow; pages: readonly PageRow[] }) {
  const { t } = useTranslation('issues');
  const names = new Map(pages.map((page) => [page.id, page.name]));
  const [draft, setDraft] = useState<IssueDraft>(() => ({
    paper: issue.paper,
    date: issue.date,
    number: issue.number,
    pages: issue.pages.filter((entry) => names.has(entry.pageId)),
  }));
  const [busy, setBusy] = useState(false);

  const setPage = (index: number, change: Partial<IssuePage>) =>
    setDraft((current) => ({
      ...current,
      pages: current.pages.map((entry, i) => (i === index ? { ...entry, ...change } : entry)),
    }));
  const move = (index: number, by: number) =>
    setDraft((current) => {
      const next = [...current.pages];
      const to = Math.max(0, Math.min(next.length - 1, index + by));
      next.splice(to, 0, ...next.splice(index, 1));
      return { ...current, pages: next };
    });
  const drop = (index: number) =>
    setDraft((current) => ({ ...current, pages: current.pages.filter((_, i) => i !== index) }));

  const run = async (write: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await write();
      editIssue(null);
    } catch (error) {
      pushFailure('issues:notice.failed', error);
    } finally {
      setBusy(false);
    }
  };
  /** Page names from each page's banner, for the pages not named yet; a page is analysed first when it has not been. */
  const proposeNames = async () => {
    setBusy(true);
    const proposed = await Promise.all(
      draft.pages.map(async (entry) => {
        if (entry.pageName) return entry.pageName;
        const [review, raw] = await Promise.all([ensureReview(db, entry.pageId), db.raws.get(entry.pageId)]);
        return review && raw ? proposePageName(review.analysis, raw.text) : null;
      }),
    );
    setDraft((current) => ({
      ...current,
      pages: current.pages.map((entry, i) => ({ ...entry, pageName: entry.pageName ?? proposed[i] ?? null })),
    }));
    setBusy(false);
  };

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => updateIssue(db, issue.id, draft));
      }}
    >
      <h2 id="issue-edit-title">{t('editor.title')}</h2>
      <div className="grouping-fields">
        <label className="toolbar-field">
          <span>{t('field.paper')}</span>
          <input
            value={draft.paper ?? ''}
            onChange={(event) => setDraft({ ...draft, paper: event.target.value || null })}
            data-testid="issue-paper"
          />
        </label>
        <DateField
          label={t('field.date')}
          value={draft.date}
          onChange={(date) => setDraft((current) => ({ ...current, date }))}
          testId="issue-date"
        />
        <label className="toolbar-field">
          <span>{t('field.number')}</span>
          <input
            value={draft.number ?? ''}
            size={8}
            onChange={(event) => setDraft({ ...draft, number: event.target.value.trim() || null })}
            data-testid="issue-number"
          />
        </label>
      </div>
      <table className="issue-edit-pages">
        <thead>
          <tr>
            <th>{t('editor.order')}</th>
            <th>{t('field.pageNumber')}</th>
            <th>{t('field.pageName')}</th>
            <th>{t('editor.file')}</th>
            <th className="visually-hidden">{t('library:column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.pages.map((entry, index) => {
            const name = names.get(entry.pageId) ?? entry.pageId;
            return (
              <tr key={entry.pageId} data-testid="issue-edit-page">
                <td className="num">{index + 1}</td>
                <td>
                  <input
                    type="number"
                    min={1}
                    className="page-number-input"
                    value={entry.pageNumber ?? ''}
                    onChange={(event) =>
                      setPage(index, {
                        pageNumber: event.target.value === '' ? null : Math.trunc(Number(event.target.value)),
                      })
                    }
                    aria-label={t('editor.pageNumberOf', { name })}
                  />
                </td>
                <td>
                  <input
                    value={entry.pageName ?? ''}
                    onChange={(event) => setPage(index, { pageName: event.target.value || null })}
                    aria-label={t('editor.pageNameOf', { name })}
                    data-testid="issue-page-name"
                  />
                </td>
                <td className="issue-edit-file" title={name}>
                  {name}
                </td>
                <td className="issue-edit-actions">
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={t('moveUp', { name })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => move(index, 1)}
                    disabled={index === draft.pages.length - 1}
                    aria-label={t('moveDown', { name })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => drop(index)}
                    aria-label={t('editor.leaveLoose', { name })}
                  >
                    {t('selection.loose')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={() => void proposeNames()} disabled={busy} data-testid="propose-names">
          {t('editor.proposeNames')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void run(() => dissolveIssue(db, issue.id))}
          disabled={busy}
        >
          {t('editor.dissolve')}
        </button>
        <span className="header-spacer" />
        <button type="button" onClick={() => editIssue(null)} disabled={busy}>
          {t('editor.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="issue-save">
          {t('editor.save')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../../db/db';
import {
  correctedDrafts,
  type GroupingCorrection,
  type GroupingProposal,
  type ProposedPage,
} from '../../../services/import-grouping';
import { storeGrouping } from '../../../services/issues';
import { setGrouping, useIssues } from '../../../store/issues';
import { pushFailure, pushNotice, useUi } from '../../../store/ui';
import { useModalDialog } from '../../useModalDialog';
import { DateField } from './DateField';
import { issueName } from './name';

const LOOSE_CHOICE = '';

/**
 * The import summary's grouping: the issues the files' folders and names point to, each with its
 * pages in order. The editor may rename an issue's date, number or paper, move a page to another
 * issue or leave it loose; nothing is stored until "Store issues", and storing is one undoable step.
 */
export function GroupingDialog() {
  const { t } = useTranslation('issues');
  const proposal = useIssues((state) => state.grouping);
  const dialog = useModalDialog(proposal !== null);
  return (
    <dialog
      ref={dialog}
      className="dialog grouping-dialog"
      onClose={() => setGrouping(null)}
      aria-labelledby="grouping-title"
      data-testid="grouping-dialog"
    >
      {proposal && <GroupingForm key={proposal.issues.map((issue) => issue.key).join()} proposal={proposal} />}
      {!proposal && <h2 id="grouping-title">{t('grouping.title')}</h2>}
    </dialog>
  );
}

function GroupingForm({ proposal }: { proposal: GroupingProposal }) {
  const { t } = useTranslation('issues');
  const language = useUi((state) => state.language);
  const [correction, setCorrection] = useState<GroupingCorrection>(() => ({
    fields: Object.fromEntries(
      proposal.issues.map((issue) => [issue.key, { paper: issue.paper, date: issue.date, number: issue.number }]),
    ),
    placement: {},
  }));
  const [saving, setSaving] = useState(false);
  useEffect(() => setSaving(false), [proposal]);

  const everyPage = [
    ...proposal.issues.flatMap((issue) => issue.pages.map((page) => ({ page, from: issue.key as string | null }))),
    ...proposal.loose.map((page) => ({ page, from: null })),
  ];
  const placeOf = (pageId: string, from: string | null) =>
    Object.hasOwn(correction.placement, pageId) ? correction.placement[pageId] : from;
  const pagesIn = (key: string | null) =>
    everyPage.filter(({ page, from }) => placeOf(page.pageId, from) === key).map(({ page }) => page);
  const setField = (key: string, change: Partial<GroupingCorrection['fields'][string]>) =>
    setCorrection((current) => ({
      ...current,
      fields: { ...current.fields, [key]: { ...current.fields[key], ...change } },
    }));
  const place = (pageId: string, key: string | null) =>
    setCorrection((current) => ({ ...current, placement: { ...current.placement, [pageId]: key } }));

  const store = async () => {
    setSaving(true);
    try {
      const drafts = correctedDrafts(proposal, correction);
      await storeGrouping(db, drafts);
      pushNotice({
        tone: 'info',
        key: 'issues:notice.grouped',
        values: { count: drafts.length, pages: drafts.reduce((sum, draft) => sum + draft.pages.length, 0) },
      });
      setGrouping(null);
    } catch (error) {
      setSaving(false);
      pushFailure('issues:notice.failed', error);
    }
  };

  const choice = (page: ProposedPage, from: string | null) => (
    <select
      value={placeOf(page.pageId, from) ?? LOOSE_CHOICE}
      onChange={(event) => place(page.pageId, event.target.value === LOOSE_CHOICE ? null : event.target.value)}
      aria-label={t('grouping.moveTo', { name: page.name })}
      data-testid="grouping-place"
    >
      {proposal.issues.map((issue, index) => (
        <option key={issue.key} value={issue.key}>
          {t('grouping.issueN', { n: index + 1, name: issueName(correction.fields[issue.key], t, language) })}
        </option>
      ))}
      <option value={LOOSE_CHOICE}>{t('loose')}</option>
    </select>
  );
  const pageList = (pages: ProposedPage[]) => (
    <ol className="grouping-pages">
      {pages.map((page) => (
        <li key={page.pageId} data-testid="grouping-page">
          <span className="grouping-page-number">
            {page.pageNumber === null ? '—' : t('pageNumber', { number: page.pageNumber })}
          </span>
          <span className="grouping-page-path" title={page.path}>
            {page.path}
          </span>
          {choice(page, everyPage.find((item) => item.page.pageId === page.pageId)!.from)}
        </li>
      ))}
    </ol>
  );

  const loose = pagesIn(null);
  return (
    <form method="dialog" onSubmit={(event) => event.preventDefault()}>
      <h2 id="grouping-title">{t('grouping.title')}</h2>
      <p>{t('grouping.body', { count: proposal.issues.length })}</p>
      <div className="grouping-body">
        {proposal.issues.map((issue, index) => {
          const fields = correction.fields[issue.key];
          const pages = pagesIn(issue.key);
          return (
            <fieldset key={issue.key} className="grouping-issue" data-testid="grouping-issue">
              <legend>
                {t('grouping.issueN', { n: index + 1, name: issueName(fields, t, language) })}{' '}
                <span className="muted">{t(`grouping.evidence.${issue.evidence}`)}</span>
              </legend>
              <div className="grouping-fields">
                <label className="toolbar-field">
                  <span>{t('field.paper')}</span>
                  <input
                    value={fields.paper ?? ''}
                    onChange={(event) => setField(issue.key, { paper: event.target.value || null })}
                  />
                </label>
                <DateField
                  label={t('field.date')}
                  value={fields.date}
                  onChange={(date) => setField(issue.key, { date })}
                  testId="grouping-date"
                />
                <label className="toolbar-field">
                  <span>{t('field.number')}</span>
                  <input
                    value={fields.number ?? ''}
                    size={8}
                    onChange={(event) => setField(issue.key, { number: event.target.value.trim() || null })}
                    data-testid="grouping-number"
                  />
                </label>
              </div>
              {pages.length > 0 ? pageList(pages) : <p className="muted">{t('grouping.emptyIssue')}</p>}
            </fieldset>
          );
        })}
        {loose.length > 0 && (
          <fieldset className="grouping-issue">
            <legend>{t('loose')}</legend>
            {pageList(loose)}
          </fieldset>
        )}
        {proposal.doubts.length > 0 && (
          <div className="grouping-doubts">
            <h3>{t('grouping.doubts')}</h3>
            <ul>
              {proposal.doubts.map(({ name, problem: { key, ...values } }) => (
                <li key={`${name}:${key}`}>
                  {name}: {t(`grouping.doubt.${key}`, values)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => setGrouping(null)} disabled={saving}>
          {t('grouping.skip')}
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={() => void store()}
          disabled={saving}
          data-testid="grouping-store"
        >
          {t('grouping.store')}
        </button>
      </div>
    </form>
  );
}

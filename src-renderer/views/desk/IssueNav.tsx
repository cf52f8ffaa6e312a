import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { issueOfPage } from '../../services/issues';
import { openPage, useUi } from '../../store/ui';
import { issueName, issuePageLabel } from '../library/issues/name';
import '../library/issues/issues.css';

/** The page's place in its issue, as the desk header shows it, and the pages before and after it. */
export async function issuePlace(pageId: string) {
  const issue = await issueOfPage(db, pageId);
  if (!issue) return null;
  const index = issue.pageIds.indexOf(pageId);
  return { issue, index, previous: issue.pageIds[index - 1] ?? null, next: issue.pageIds[index + 1] ?? null };
}

/** The desk keys' next/previous page within the issue; at either end, or on a loose page, nothing happens. */
export async function stepInIssue(pageId: string, by: 1 | -1): Promise<void> {
  const place = await issuePlace(pageId);
  const target = by === 1 ? place?.next : place?.previous;
  if (target) openPage(target);
}

/** The issue's name in the desk header with the page's number in it, and buttons to the neighbouring pages. */
export function IssueNav({ pageId }: { pageId: string }) {
  const { t } = useTranslation('issues');
  const language = useUi((state) => state.language);
  const place = useLiveQuery(() => issuePlace(pageId), [pageId]);
  if (!place) return null;
  const { issue, index, previous, next } = place;
  const name = issueName(issue, t, language);
  return (
    <nav className="desk-issue-nav" aria-label={name} data-testid="desk-issue">
      <button
        type="button"
        className="icon-button"
        onClick={() => previous && openPage(previous)}
        disabled={!previous}
        aria-label={t('desk.previous')}
        title={`${t('desk.previous')} (Alt+PageUp)`}
        data-testid="issue-previous"
      >
        ‹
      </button>
      <span className="desk-issue-name" title={name}>
        {name} › {issuePageLabel(issue.pages[index], index, t)}{' '}
        {t('desk.position', { n: index + 1, total: issue.pages.length })}
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={() => next && openPage(next)}
        disabled={!next}
        aria-label={t('desk.next')}
        title={`${t('desk.next')} (Alt+PageDown)`}
        data-testid="issue-next"
      >
        ›
      </button>
    </nav>
  );
}

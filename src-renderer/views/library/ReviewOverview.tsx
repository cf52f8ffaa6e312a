import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageRow } from '../../db/schema';
import { openPage } from '../../store/ui';
import { isTypingTarget } from '../typing';
import { nextPageToReview, reviewOverview } from './review-queue';

/** Pages approved of total, open flags, undecided splits, and the next page to review (key R). */
export function ReviewOverview({ pages }: { pages: readonly PageRow[] }) {
  const { t } = useTranslation('library');
  const counts = useMemo(() => reviewOverview(pages), [pages]);
  const next = useMemo(() => nextPageToReview(pages), [pages]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.key.toLowerCase() !== 'r' ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTypingTarget(event.target)
      )
        return;
      if (!next) return;
      event.preventDefault();
      openPage(next.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [next]);
  return (
    <section className="review-overview" aria-label={t('overview.label')} data-testid="review-overview">
      <span data-testid="overview-approved">
        {t('overview.approved', { approved: counts.approved, total: counts.total })}
      </span>
      <span data-testid="overview-flags">{t('overview.openFlags', { count: counts.openFlags })}</span>
      <span data-testid="overview-splits">{t('overview.undecided', { count: counts.undecidedSplits })}</span>
      {next ? (
        <button type="button" onClick={() => openPage(next.id)} title={next.name} data-testid="next-to-review">
          {t('overview.next')} <kbd>{t('overview.nextKey')}</kbd>
        </button>
      ) : (
        <span>{t('overview.done')}</span>
      )}
    </section>
  );
}

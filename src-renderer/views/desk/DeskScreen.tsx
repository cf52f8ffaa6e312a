import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanOf } from '../../../src-shared/review';
import { db } from '../../db/db';
import { leasePage } from '../../services/page-lease';
import { enterPage, setOpenElsewhere, useDesk } from '../../store/desk';
import { openLibrary, pushFailure } from '../../store/ui';
import { errorText } from '../../error-text';
import { TechnicalDetail } from '../TechnicalDetail';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { DeskHeader } from './DeskHeader';
import { DiffView } from './DiffView';
import { RawPane } from './RawPane';
import { MoveBlockDialog } from './MoveBlockDialog';
import { SeriesDialog } from './SeriesDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { Reanalysis } from './Reanalysis';
import { SidePanel } from './SidePanel';
import { RawPage } from '../page/RawPage';
import { shownArticle, useDeskKeys, type DeskAreas } from './keys';
import { clearLocated, locateTarget } from './locate';
import { ensureReview } from '../../db/reviews';
import { useDeskLayout } from './layout';
import './desk.css';

/** The review desk for one page: raw text, article list, editor with its diff, changes and flags. */
export function DeskScreen({ pageId }: { pageId: string }) {
  const { t } = useTranslation('desk');
  // One query for the three rows, so opening a page renders once with everything, not three times.
  const rows = useLiveQuery(
    () =>
      db.transaction('r', db.pages, db.raws, db.reviews, async () => {
        const [page, raw, review] = await Promise.all([
          db.pages.get(pageId),
          db.raws.get(pageId),
          db.reviews.get(pageId),
        ]);
        return { page: page ?? null, raw: raw ?? null, review: review ?? null };
      }),
    [pageId],
  );
  const { page, raw, review } = rows ?? { page: undefined, raw: undefined, review: undefined };
  const articleId = useDesk((state) => state.articleId);
  const openElsewhere = useDesk((state) => state.openElsewhere);
  const diffOpen = useDeskLayout((layout) => layout.diff);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    enterPage(pageId);
    clearLocated();
    const releaseLease = leasePage(pageId, (held) => setOpenElsewhere(!held));
    setFailure(null);
    ensureReview(db, pageId).catch((error: unknown) => {
      setFailure(errorText(error));
      pushFailure('desk:notice.analyseFailed', error);
    });
    return releaseLease;
  }, [pageId]);

  // The raw row is a new object on every live-query refresh; only its text says when to re-derive.
  // cleanOf derives each analysis once, so the action the editor runs next reads this same page.
  const rawText = raw?.text;
  const clean = useMemo(
    () => (rawText !== undefined && review ? cleanOf({ pageId, raw: rawText, analysis: review.analysis }) : null),
    [pageId, rawText, review],
  );
  const article = clean ? shownArticle(clean, articleId) : null;

  // Declared after entering the page, which clears the selection this sets.
  useEffect(() => {
    if (clean) locateTarget(pageId, clean);
  }, [pageId, clean]);

  const areas: DeskAreas = {
    raw: useRef<HTMLDivElement>(null),
    editor: useRef<HTMLDivElement>(null),
    diff: useRef<HTMLDivElement>(null),
  };
  useDeskKeys(clean, review?.analysis ?? null, areas);

  // bench/desk.bench.ts times page opens up to this mark: the derived page is on screen.
  useEffect(() => {
    if (clean) performance.mark('desk:ready');
  }, [clean]);

  if (page === undefined || raw === undefined || review === undefined) return null;
  if (page === null || raw === null) {
    return (
      <div className="empty-state">
        <p>{t('missing')}</p>
        <button type="button" onClick={openLibrary}>
          {t('common:backToLibrary')}
        </button>
      </div>
    );
  }
  if (review === null || clean === null) {
    // Without an analysis the page can still be read as printed.
    return failure === null ? (
      <p className="empty-state">{t('analysing')}</p>
    ) : (
      <section className="desk desk-failed" data-testid="desk">
        <div className="empty-state">
          <p>{t('notice.analyseFailed')}</p>
          <TechnicalDetail text={failure} />
        </div>
        <RawPage raw={raw.text} label={t('rawLabel')} />
      </section>
    );
  }
  const pageReview = { pageId, raw: raw.text, analysis: review.analysis };
  return (
    <section className="desk" data-testid="desk" aria-label={t('label', { name: page.name })}>
      <DeskHeader page={page} analysis={review.analysis} clean={clean} />
      {openElsewhere && (
        <p className="desk-elsewhere" role="status" data-testid="open-elsewhere">
          {t('openElsewhere')}
        </p>
      )}
      <Reanalysis pageId={pageId} raw={raw.text} review={review} />
      {/* inert: nothing can be typed or clicked while another tab edits the page; it still updates as that tab saves. */}
      <div className="desk-grid" inert={openElsewhere}>
        <ArticleList clean={clean} analysis={review.analysis} selectedId={article?.id ?? null} />
        <div className="desk-raw" ref={areas.raw}>
          <RawPane raw={raw.text} analysis={review.analysis} clean={clean} article={article} />
        </div>
        <div className={diffOpen ? 'desk-center' : 'desk-center diff-folded'}>
          <div className="desk-editor" ref={areas.editor}>
            {article ? (
              <ArticleEditor raw={raw.text} clean={clean} article={article} scroller={areas.editor} />
            ) : (
              <p className="empty-state">{t('noArticles')}</p>
            )}
          </div>
          <div className="desk-diff" ref={areas.diff} tabIndex={-1}>
            {article && <DiffView page={pageReview} article={article} />}
          </div>
        </div>
        {article && <SidePanel page={pageReview} clean={clean} article={article} />}
      </div>
      <SeriesDialog pageId={pageId} />
      <MoveBlockDialog page={pageReview} clean={clean} />
      <ShortcutSheet />
    </section>
  );
}

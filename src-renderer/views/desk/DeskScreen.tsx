import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { materialize } from '../../../src-shared/model';
import { db } from '../../db/db';
import { enterPage, selectArticle, useDesk } from '../../store/desk';
import { openLibrary, pushNotice } from '../../store/ui';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { DeskHeader } from './DeskHeader';
import { DiffView } from './DiffView';
import { RawPane } from './RawPane';
import { SeriesDialog } from './SeriesDialog';
import { ShortcutSheet } from './ShortcutSheet';
import { SidePanel } from './SidePanel';
import { useDeskKeys, type DeskAreas } from './keys';
import { ensureReview } from './persist';
import './desk.css';

/** The review desk for one page: raw text, article list, editor with its diff, changes and flags. */
export function DeskScreen({ pageId }: { pageId: string }) {
  const { t } = useTranslation('desk');
  const page = useLiveQuery(async () => (await db.pages.get(pageId)) ?? null, [pageId]);
  const raw = useLiveQuery(async () => (await db.raws.get(pageId)) ?? null, [pageId]);
  const review = useLiveQuery(async () => (await db.reviews.get(pageId)) ?? null, [pageId]);
  const articleId = useDesk((state) => state.articleId);

  useEffect(() => {
    enterPage(pageId);
    performance.mark('desk:open');
    ensureReview(db, pageId).catch((error: unknown) =>
      pushNotice({ tone: 'error', key: 'desk:notice.analyseFailed', values: { reason: error instanceof Error ? error.message : String(error) } }),
    );
  }, [pageId]);

  const clean = useMemo(() => (raw && review ? materialize(raw.text, review.analysis) : null), [raw, review]);
  const article = clean?.articles.find((a) => a.id === articleId) ?? clean?.articles[0] ?? null;

  useEffect(() => {
    if (clean && article && article.id !== articleId) selectArticle(article.id);
  }, [clean, article, articleId]);

  const areas: DeskAreas = { raw: useRef<HTMLDivElement>(null), editor: useRef<HTMLDivElement>(null), diff: useRef<HTMLDivElement>(null) };
  useDeskKeys(clean, review?.analysis ?? null, areas);

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
  if (review === null || clean === null) return <p className="empty-state">{t('analysing')}</p>;
  const pageReview = { pageId, raw: raw.text, analysis: review.analysis };
  return (
    <section className="desk" data-testid="desk" aria-label={t('label', { name: page.name })}>
      <DeskHeader page={page} analysis={review.analysis} clean={clean} />
      <div className="desk-grid">
        <ArticleList clean={clean} analysis={review.analysis} />
        <div className="desk-raw" ref={areas.raw}>
          <RawPane raw={raw.text} analysis={review.analysis} clean={clean} article={article} />
        </div>
        <div className="desk-center">
          <div className="desk-editor" ref={areas.editor}>
            {article ? <ArticleEditor clean={clean} article={article} /> : <p className="empty-state">{t('noArticles')}</p>}
          </div>
          <div className="desk-diff" ref={areas.diff} tabIndex={-1}>
            {article && <DiffView raw={raw.text} article={article} />}
          </div>
        </div>
        {article && <SidePanel page={pageReview} article={article} />}
      </div>
      <SeriesDialog pageId={pageId} />
      <ShortcutSheet />
    </section>
  );
}

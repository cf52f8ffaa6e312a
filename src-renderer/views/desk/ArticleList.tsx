import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, CleanPage, PageAnalysis } from '../../../src-shared/model';
import { CUTOFFS } from '../../../src-shared/pipeline/decide/cutoffs';
import {
  approveAllAbove,
  approveBoundary,
  rejectBoundary,
  moveBlockToArticle,
  openFlagCounts,
  untitledSplits,
} from '../../../src-shared/review';
import { selectArticle, setThreshold, useDesk } from '../../store/desk';
import { act } from './commands';
import { readDraggedBlock } from './drag';
import { describeReason } from './reason';
import { articleText } from './search';

/** A proposed split the pipeline would not make without a question is highlighted for the editor first. */
export const LOW_CONFIDENCE = CUTOFFS.boundary.apply;

/** The page's outline: one row per article, with its split decision and open doubts. */
export function ArticleList({
  clean,
  analysis,
  selectedId,
}: {
  clean: CleanPage;
  analysis: PageAnalysis;
  selectedId: string | null;
}) {
  const { t } = useTranslation('desk');
  const threshold = useDesk((state) => state.threshold);
  const proposed = analysis.boundaries.filter((b) => b.status === 'proposed');
  const above = proposed.filter((b) => b.confidence >= threshold).length;
  const untitled = new Set(untitledSplits(analysis, clean).map((a) => a.id));
  const flagCounts = openFlagCounts(clean.articles, analysis.flags);
  return (
    <nav className="article-list" aria-label={t('articles')} data-testid="article-list">
      <div className="article-list-head">
        <h3>{t('articles')}</h3>
        <span className="muted">{t('undecided', { count: proposed.length })}</span>
      </div>
      <div className="approve-above">
        <label>
          <span>{t('approveAbove')}</span>
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(event) => setThreshold(Number(event.target.value))}
            data-testid="threshold"
          />
        </label>
        <button
          type="button"
          disabled={above === 0}
          onClick={() => void act((page) => approveAllAbove(page, threshold))}
          data-testid="approve-above"
        >
          {t('approveAboveButton', { count: above })}
        </button>
      </div>
      <ol className="article-items">
        {clean.articles.map((article) => (
          <ArticleItem
            key={article.id}
            article={article}
            selected={article.id === selectedId}
            openFlags={flagCounts.get(article.id) ?? 0}
            titleMissing={untitled.has(article.id)}
          />
        ))}
      </ol>
    </nav>
  );
}

interface ArticleItemProps {
  article: Article;
  selected: boolean;
  openFlags: number;
  /** Split off by the editor and not titled yet: the one open item of a decided split. */
  titleMissing: boolean;
}

function ArticleItem({ article, selected, openFlags, titleMissing }: ArticleItemProps) {
  const { t } = useTranslation('desk');
  const search = useDesk((state) => state.search);
  const { split } = article;
  const low = split.status === 'proposed' && split.confidence < LOW_CONFIDENCE;
  const matches = search !== '' && articleText(article).includes(search);
  const classes = [
    'article-item',
    selected && 'is-selected',
    low && 'is-low',
    matches && 'is-match',
    `split-${split.status}`,
  ]
    .filter(Boolean)
    .join(' ');
  // An article selected from elsewhere (a search hit, a card, a key) is brought into the list's view.
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={item}
      className={classes}
      data-testid="article-item"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        const dragged = readDraggedBlock(event);
        if (dragged && dragged.articleId !== article.id) {
          event.preventDefault();
          void act((page) => moveBlockToArticle(page, dragged.articleId, dragged.blockId, article.id));
        }
      }}
    >
      <button
        type="button"
        className="article-pick"
        aria-current={selected || undefined}
        onClick={() => selectArticle(article.id)}
      >
        <span className="article-meta">
          {article.section && <span className="article-section">{article.section}</span>}
          {article.kicker && <span className="article-kicker">{article.kicker}</span>}
        </span>
        <span className="article-title">{article.title || t('untitled')}</span>
        {openFlags > 0 && (
          <span className="flag-count" title={t('openFlags', { count: openFlags })}>
            ⚑ {openFlags}
          </span>
        )}
      </button>
      {split.boundary !== null && (
        <div className="split-row">
          <span className={`split-status split-status-${split.status}`} title={describeReason(split.reason, t)}>
            {t(`split.${split.status}`)} · {Math.round(split.confidence * 100)}%
          </span>
          {titleMissing && (
            <span className="title-missing" data-testid="title-missing">
              {t('split.titleMissing')}
            </span>
          )}
          {split.status !== 'approved' && (
            <button
              type="button"
              className="link-button"
              onClick={() => void act((page) => approveBoundary(page, split.boundary!))}
              data-testid="approve-split"
            >
              {t('split.approve')}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => void act((page) => rejectBoundary(page, split.boundary!))}
            data-testid="reject-split"
          >
            {t('split.reject')}
          </button>
        </div>
      )}
    </li>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../src-shared/pipeline/decode';
import { db } from '../../db/db';
import { openLibrary } from '../../store/ui';
import { RawPage } from './RawPage';

/** The page route until the review desk takes it over: the page's facts and its raw text. */
export function RawPageScreen({ pageId }: { pageId: string }) {
  const { t } = useTranslation('library');
  const page = useLiveQuery(async () => (await db.pages.get(pageId)) ?? null, [pageId]);
  const raw = useLiveQuery(async () => (await db.raws.get(pageId)) ?? null, [pageId]);
  if (page === undefined || raw === undefined) return null;
  if (page === null || raw === null) {
    return (
      <div className="empty-state">
        <p>{t('page.missing')}</p>
        <button type="button" onClick={openLibrary}>
          {t('common:backToLibrary')}
        </button>
      </div>
    );
  }
  return (
    <article className="page-screen">
      <header className="page-header">
        <h2 className="page-title">{page.name}</h2>
        <span className={`status status-${page.status}`}>{t(`status.${page.status}`)}</span>
        <span className="page-facts">
          {formatBytes(page.size)} · {page.encoding.toUpperCase()} · {t('page.lines', { count: raw.text.split('\n').length })}
        </span>
      </header>
      {raw.text.length === 0 ? <p className="empty-state">{t('page.empty')}</p> : <RawPage raw={raw.text} label={t('page.rawLabel')} />}
    </article>
  );
}

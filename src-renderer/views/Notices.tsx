import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissNotice, useUi, type Notice } from '../store/ui';
import { TechnicalDetail } from './TechnicalDetail';

const INFO_LIFETIME_MS = 8000;

/** Errors and notices offering an action stay until dismissed (the user must act on them); other info fades by itself. */
export function Notices() {
  const { t } = useTranslation('common');
  const notices = useUi((state) => state.notices);
  return (
    <section className="notices" aria-live="polite" aria-label={t('notices')}>
      {notices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
    </section>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const { t } = useTranslation('common');
  useEffect(() => {
    if (notice.tone !== 'info' || notice.action) return;
    const timer = setTimeout(() => dismissNotice(notice.id), INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">
        <p>{t(notice.key, notice.values)}</p>
        {notice.details && (
          <ul className="notice-details">
            {notice.details.map((line) =>
              typeof line === 'string' ? (
                <li key={line}>{line}</li>
              ) : (
                <li key={line.name + line.key}>{`${line.name}: ${t(line.key, line.values)}`}</li>
              ),
            )}
          </ul>
        )}
        {notice.action && (
          <button
            type="button"
            className="notice-action"
            onClick={() => {
              dismissNotice(notice.id);
              notice.action?.run();
            }}
          >
            {t(notice.action.key)}
          </button>
        )}
        {notice.technical && <TechnicalDetail text={notice.technical} />}
      </div>
      <button type="button" className="notice-close" onClick={() => dismissNotice(notice.id)} aria-label={t('dismiss')}>
        ×
      </button>
    </div>
  );
}

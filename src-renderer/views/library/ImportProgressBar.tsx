import { useTranslation } from 'react-i18next';
import { cancelImport } from '../../commands';
import { useLibrary } from '../../store/library';

export function ImportProgressBar() {
  const { t } = useTranslation('library');
  const progress = useLibrary((state) => state.progress);
  if (!progress) return null;
  const { done, total, current, pagesPerSecond, secondsLeft } = progress;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <progress value={done} max={Math.max(total, 1)} aria-label={t('progress.label')} />
      <span className="import-progress-text">
        {t('progress.counts', { done, total })}
        {pagesPerSecond > 0 && ` · ${t('progress.rate', { rate: Math.round(pagesPerSecond) })}`}
        {secondsLeft !== null && ` · ${t('progress.left', { seconds: Math.ceil(secondsLeft) })}`}
      </span>
      {current && <span className="import-progress-file">{current}</span>}
      <button type="button" onClick={cancelImport}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}

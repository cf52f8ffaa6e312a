import { useTranslation } from 'react-i18next';
import { cancelAnalysis } from '../../archive';
import { useAnalysis } from '../../store/analysis';

export function AnalysisProgressBar() {
  const { t } = useTranslation('scale');
  const progress = useAnalysis((state) => state.progress);
  if (!progress || progress.total === 0) return null;
  const { phase, done, total, pagesPerSecond, secondsLeft } = progress;
  return (
    <div className="import-progress" role="status" data-testid="analysis-progress">
      <progress value={done} max={total} aria-label={t('analysis.label')} />
      <span className="import-progress-text">
        {t(phase === 'reanalysis' ? 'analysis.reanalysing' : 'analysis.counts', { done, total })}
        {pagesPerSecond > 0 && ` · ${t('analysis.rate', { rate: Math.round(pagesPerSecond) })}`}
        {secondsLeft !== null && ` · ${t('analysis.left', { seconds: Math.ceil(secondsLeft) })}`}
      </span>
      <button type="button" onClick={cancelAnalysis}>
        {t('analysis.cancel')}
      </button>
    </div>
  );
}

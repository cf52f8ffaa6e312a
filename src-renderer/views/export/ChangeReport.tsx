import { useTranslation } from 'react-i18next';
import type { PageChanges, PageSummary } from '../../services/export';
import { useUi } from '../../store/ui';
import { formatDate } from '../library/PageTable';

/** One page's change report and what changed since its last export, as the editor reads them. */
export function ChangeReport({ summary }: { summary: PageSummary }) {
  const { t } = useTranslation('export');
  const { report } = summary;
  const { edits, characters, flags, splits } = report;
  const kinds = Object.entries(edits.byKind);
  const openKinds = Object.entries(flags.openByKind);
  return (
    <div className="change-report" data-testid="change-report">
      <SinceLastExport summary={summary} />
      <dl className="report-figures">
        <dt>{t('report.articles')}</dt>
        <dd>{t('report.articlesValue', { count: report.articles, furniture: report.furniture })}</dd>
        <dt>{t('report.cer')}</dt>
        <dd>
          {t('report.cerValue', {
            rate: percent(characters.errorRate),
            distance: characters.distance,
            clean: characters.clean,
          })}
        </dd>
        <dt>{t('report.edits')}</dt>
        <dd>{t('report.editsValue', { ...edits.total })}</dd>
        <dt>{t('report.flags')}</dt>
        <dd>
          {t('report.flagsValue', { open: flags.open, closed: flags.closed })}
          {openKinds.length > 0 &&
            t('report.openKinds', {
              list: openKinds
                .map(([kind, count]) => `${t(`desk:flagKind.${kind}`)} ${count}`)
                .join(t('changes.separator')),
            })}
        </dd>
        <dt>{t('report.splits')}</dt>
        <dd>{t('report.splitsValue', { ...splits })}</dd>
      </dl>
      {kinds.length > 0 && (
        <table className="report-kinds">
          <thead>
            <tr>
              <th scope="col">{t('report.kind')}</th>
              <th scope="col">{t('report.applied')}</th>
              <th scope="col">{t('report.proposed')}</th>
              <th scope="col">{t('report.reverted')}</th>
              <th scope="col">{t('report.byEditor')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map(([kind, counts]) => (
              <tr key={kind}>
                <th scope="row">{t(`desk:kind.${kind}`)}</th>
                <td>{counts.applied}</td>
                <td>{counts.proposed}</td>
                <td>{counts.reverted}</td>
                <td>{counts.editor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** "First export", "no change since…", or the articles added, changed and removed since the last export. */
export function SinceLastExport({ summary }: { summary: PageChanges }) {
  const { t } = useTranslation('export');
  const language = useUi((state) => state.language);
  const { changes, lastExportedAt } = summary;
  if (changes.firstExport || lastExportedAt === null) {
    return (
      <p className="since-export" data-testid="since-export">
        {t('changes.first', { count: changes.added.length })}
      </p>
    );
  }
  const when = formatDate(lastExportedAt, language);
  const groups = (['added', 'changed', 'removed'] as const).filter((group) => changes[group].length > 0);
  if (groups.length === 0)
    return (
      <p className="since-export" data-testid="since-export">
        {t('changes.none', { when })}
      </p>
    );
  return (
    <div className="since-export" data-testid="since-export">
      <p>{t('changes.since', { when })}</p>
      <ul>
        {groups.map((group) => (
          <li key={group}>
            {t(`changes.${group}`, { count: changes[group].length })}
            {t('changes.titles', {
              list: changes[group]
                .map((article) => t('changes.quoted', { title: article.title || t('changes.untitled') }))
                .join(t('changes.separator')),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { DecisionAction } from '../../src-shared/model';
import { useUi } from '../store/ui';
import type { TeamConflict } from '../sync/conflicts';
import { keepVersion } from '../sync/team';
import { useTeam } from '../sync/team-state';

/** What a version decided, in the editor's words: the split's fate, or the kind of decision and its state. */
function describe(action: DecisionAction, t: (key: string, values?: Record<string, string>) => string): string {
  if (action.type === 'split') {
    const fate = t(`action.split.${action.status}`);
    return action.title === undefined ? fate : `${fate}: ${action.title}`;
  }
  const state = 'status' in action ? action.status : '';
  return t('action.other', { type: action.type, state });
}

/**
 * The team's conflicts on the open page, each version side by side with who decided it and when;
 * keeping one settles it on every desk. Nothing is shown in solo use or without conflicts.
 */
export function TeamConflicts() {
  const { t, i18n } = useTranslation('team');
  const pageId = useUi((state) => (state.route.name === 'page' ? state.route.pageId : null));
  const conflicts = useTeam(
    useShallow((state) => Object.values(state.conflicts).filter((conflict) => conflict.pageId === pageId)),
  );
  if (conflicts.length === 0) return null;
  const keep = (conflict: TeamConflict, rev: string) => void keepVersion(conflict, rev);
  return (
    <section className="team-conflicts" aria-label={t('conflicts')} data-testid="team-conflicts">
      {conflicts.map((conflict) => (
        <div key={conflict.id} className="team-conflict" data-testid="team-conflict">
          <strong>{t('conflictOn', { target: conflict.versions[0].decision.key })}</strong>
          {conflict.versions.map(({ rev, decision }) => (
            <div key={rev} className="team-conflict-version" data-testid="conflict-version">
              <span data-testid="conflict-author">{decision.who}</span>
              <span data-testid="conflict-choice">{describe(decision.action, t)}</span>
              <time dateTime={new Date(decision.at).toISOString()}>
                {new Date(decision.at).toLocaleString(i18n.language)}
              </time>
              <button type="button" onClick={() => keep(conflict, rev)} data-testid="keep-version">
                {t('keep')}
              </button>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

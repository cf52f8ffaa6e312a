import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTeamServer } from '../sync/team';
import { useTeam } from '../sync/team-state';
import { SavedOnLeaveInput } from './SavedOnLeaveInput';

/**
 * The team's CouchDB database, empty for solo use. Saved when the field is left; an address the
 * check refuses stays in the field with the reason and is not stored. Beside it, where the sync stands.
 */
export function TeamServerField() {
  const { t } = useTranslation('team');
  const stored = useTeam((state) => state.server);
  const sync = useTeam((state) => state.sync);
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = async (draft: string) => {
    if (draft.trim() === stored) return setRefusal(null);
    const check = await setTeamServer(draft);
    setRefusal(check.ok ? null : check.reason);
  };
  return (
    <label className="header-field">
      <span>{t('server')}</span>
      <SavedOnLeaveInput
        type="url"
        className="team-server"
        stored={stored}
        save={(draft) => void save(draft)}
        placeholder={t('serverPlaceholder')}
        aria-invalid={refusal !== null}
        data-testid="team-server"
      />
      {refusal ? (
        <span role="alert" data-testid="team-server-refused">
          {t(`refused.${refusal}`)}
        </span>
      ) : (
        <span data-testid="team-sync" data-state={sync}>
          {t(`sync.${sync}`)}
        </span>
      )}
    </label>
  );
}

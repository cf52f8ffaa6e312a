import { useTranslation } from 'react-i18next';
import { setEditorName } from '../preferences';
import { useUi } from '../store/ui';
import { useTeam } from '../sync/team-state';
import { SavedOnLeaveInput } from './SavedOnLeaveInput';

/**
 * The editor's name, set once: approvals record it and every export names it as the reviewer. Saved
 * when the field is left. Signed in to a team server, the name is the user name, shown with the sign-in.
 */
export function EditorNameField() {
  const { t } = useTranslation('common');
  const stored = useUi((state) => state.editorName);
  const signedIn = useTeam((state) => state.signedIn !== null);
  if (signedIn) return null;
  return (
    <label className="header-field">
      <span>{t('editorName')}</span>
      <SavedOnLeaveInput
        type="text"
        className="editor-name"
        stored={stored}
        save={(draft) => {
          if (draft.trim() !== stored) void setEditorName(draft);
        }}
        placeholder={t('editorNamePlaceholder')}
        data-testid="editor-name"
      />
    </label>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditorName } from '../preferences';
import { useUi } from '../store/ui';

/** The editor's name, set once: approvals record it and every export names it as the reviewer. Saved when the field is left. */
export function EditorNameField() {
  const { t } = useTranslation('common');
  const stored = useUi((state) => state.editorName);
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const save = () => {
    if (draft.trim() !== stored) void setEditorName(draft);
  };
  return (
    <label className="header-field">
      <span>{t('editorName')}</span>
      <input
        type="text"
        className="editor-name"
        value={draft}
        placeholder={t('editorNamePlaceholder')}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
        data-testid="editor-name"
      />
    </label>
  );
}

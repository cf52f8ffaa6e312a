import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { backUpLibrary, restoreLibrary } from '../../archive';

/** Back up the whole library to one file, or replace it with one (after the user confirms). */
export function BackupControls() {
  const { t } = useTranslation('scale');
  const picker = useRef<HTMLInputElement>(null);
  const onPicked = () => {
    const file = picker.current?.files?.[0];
    if (picker.current) picker.current.value = '';
    if (file && window.confirm(t('restore.confirm', { name: file.name }))) void restoreLibrary(file);
  };
  return (
    <span className="backup-controls">
      <button type="button" onClick={() => void backUpLibrary()}>
        {t('backup.button')}
      </button>
      <button type="button" onClick={() => picker.current?.click()}>
        {t('restore.button')}
      </button>
      <input ref={picker} type="file" accept=".json,application/json" hidden onChange={onPicked} data-testid="restore-picker" />
    </span>
  );
}

import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { backUpLibrary, restoreLibrary } from '../../archive';

/** Back up the whole library to one file, or replace it with one (checked first, then confirmed by the user). */
export function BackupControls() {
  const { t } = useTranslation('scale');
  const picker = useRef<HTMLInputElement>(null);
  const onPicked = () => {
    const file = picker.current?.files?.[0];
    if (picker.current) picker.current.value = '';
    if (!file) return;
    void restoreLibrary(file, ({ pages, removes }) =>
      window.confirm(
        t(removes > 0 ? 'restore.confirm-removing' : 'restore.confirm', { name: file.name, count: pages, removes }),
      ),
    );
  };
  return (
    <span className="backup-controls">
      <button type="button" onClick={() => void backUpLibrary()}>
        {t('backup.button')}
      </button>
      <button type="button" onClick={() => picker.current?.click()}>
        {t('restore.button')}
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={onPicked}
        data-testid="restore-picker"
      />
    </span>
  );
}

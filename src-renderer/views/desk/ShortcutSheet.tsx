import { useModalDialog } from '../useModalDialog';
import { useTranslation } from 'react-i18next';
import { setShortcutsOpen, useDesk } from '../../store/desk';
import { SHORTCUTS } from './keymap';

/** `?`: every desk key, from the same table the key handler reads. */
export function ShortcutSheet() {
  const { t } = useTranslation('desk');
  const open = useDesk((state) => state.shortcutsOpen);
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcut-sheet"
      onClose={() => setShortcutsOpen(false)}
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts"
    >
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(({ command, keys }) => (
            <tr key={command}>
              <td>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(`keys.${command}`)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Alt+Shift+↑</kbd>
              <kbd>Alt+Shift+↓</kbd>
            </td>
            <td>{t('keys.moveBlock')}</td>
          </tr>
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={() => setShortcutsOpen(false)}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}

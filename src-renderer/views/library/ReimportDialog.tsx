import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import type { ReimportChoice, ReimportConflict } from '../../services/import-documents';
import { useModalDialog } from '../useModalDialog';
import { formatDate } from './PageTable';

interface Pending {
  conflict: ReimportConflict;
  answer: (choice: ReimportChoice) => void;
}

const usePending = create<{ pending: Pending | null }>()(() => ({ pending: null }));

/** The import's question for one page; closing the dialog any other way keeps the library's review. */
export function askReimport(conflict: ReimportConflict): Promise<ReimportChoice> {
  return new Promise((resolve) => {
    const answer = (choice: ReimportChoice) => {
      usePending.setState({ pending: null });
      resolve(choice);
    };
    usePending.setState({ pending: { conflict, answer } });
  });
}

const CHOICES: readonly ReimportChoice[] = ['keep', 'take', 'copy'];

/** Shows what differs between the library's review of a page and the imported document's, and asks. */
export function ReimportDialog() {
  const { t, i18n } = useTranslation('library');
  const pending = usePending((state) => state.pending);
  const dialog = useModalDialog(pending !== null);
  const conflict = pending?.conflict;
  return (
    <dialog ref={dialog} className="dialog" onClose={() => pending?.answer('keep')} aria-labelledby="reimport-title">
      {conflict && (
        <form method="dialog" onSubmit={(event) => event.preventDefault()}>
          <h2 id="reimport-title">{t('reimport.title', { name: conflict.name })}</h2>
          <p>{t('reimport.body', { document: conflict.document })}</p>
          <ul data-testid="reimport-differences">
            <li>
              {t('reimport.status', {
                library: t(`status.${conflict.status.library}`),
                file: t(`status.${conflict.status.file}`),
              })}
            </li>
            <li>
              {t('reimport.updated', {
                library: formatDate(conflict.updatedAt.library, i18n.language),
                file: formatDate(conflict.updatedAt.file, i18n.language),
              })}
            </li>
            <li>{t('reimport.differing', conflict.differing)}</li>
          </ul>
          <div className="dialog-actions">
            {CHOICES.map((choice) => (
              <button key={choice} type="button" autoFocus={choice === 'keep'} onClick={() => pending?.answer(choice)}>
                {t(`reimport.${choice}`)}
              </button>
            ))}
          </div>
        </form>
      )}
    </dialog>
  );
}

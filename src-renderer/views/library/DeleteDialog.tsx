import { useModalDialog } from '../useModalDialog';
import { useTranslation } from 'react-i18next';
import { confirmDelete } from '../../commands';
import type { PageRow } from '../../db/schema';
import { askToDelete, useLibrary } from '../../store/library';

/** A modal confirmation (native <dialog>: focus is trapped, Esc cancels, focus returns to the list). */
export function DeleteDialog({ pages }: { pages: readonly PageRow[] | undefined }) {
  const { t } = useTranslation('library');
  const confirmDeleteId = useLibrary((state) => state.confirmDeleteId);
  const index = pages?.findIndex((page) => page.id === confirmDeleteId) ?? -1;
  const page = index >= 0 ? pages![index] : undefined;
  const dialog = useModalDialog(page !== undefined);

  const next = pages?.[index + 1] ?? pages?.[index - 1] ?? null;
  return (
    <dialog ref={dialog} className="dialog" onClose={() => askToDelete(null)} aria-labelledby="delete-title">
      {page && (
        <form method="dialog" onSubmit={(event) => event.preventDefault()}>
          <h2 id="delete-title">{t('deleteDialog.title')}</h2>
          <p>{t('deleteDialog.body', { name: page.name })}</p>
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={() => askToDelete(null)}>
              {t('deleteDialog.cancel')}
            </button>
            <button type="button" className="danger-solid" onClick={() => void confirmDelete(next?.id ?? null)}>
              {t('deleteDialog.confirm')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

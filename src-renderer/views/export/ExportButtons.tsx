import { useTranslation } from 'react-i18next';
import type { PageAnalysis } from '../../../src-shared/model';
import type { PageRow } from '../../db/schema';
import { useLibrary } from '../../store/library';
import { openChangeReport, openExportDialog } from '../../store/export';
import { ChangeReportDialog } from './ChangeReportDialog';
import { ExportDialog } from './ExportDialog';

/** The desk header's "Change report" and "Export page…", with their dialogs. */
export function DeskExportControls({ pageId, analysis }: { pageId: string; analysis: PageAnalysis }) {
  const { t } = useTranslation('export');
  return (
    <>
      <button type="button" onClick={() => openChangeReport(pageId)} data-testid="open-report">
        {t('button.report')}
      </button>
      <button type="button" onClick={() => openExportDialog({ name: 'page', pageId })} data-testid="export-page">
        {t('button.exportPage')}
      </button>
      <ChangeReportDialog pageId={pageId} analysis={analysis} />
      <ExportDialog />
    </>
  );
}

/**
 * The library toolbar's "Export…": starts with the page under the cursor ticked; without one, with
 * every approved page when there are any.
 */
export function LibraryExportButton({
  pages,
  shown,
}: {
  pages: readonly PageRow[] | undefined;
  shown: readonly PageRow[] | undefined;
}) {
  const { t } = useTranslation('export');
  const open = () => {
    const cursor = useLibrary.getState().selectedId;
    const chosen = cursor && shown?.some((page) => page.id === cursor) ? [cursor] : [];
    const anyApproved = pages?.some((page) => page.status === 'approved') ?? false;
    openExportDialog({ name: 'library' }, chosen, chosen.length === 0 && anyApproved ? 'approved' : 'chosen');
  };
  return (
    <>
      <button type="button" onClick={open} disabled={!pages || pages.length === 0} data-testid="export-library">
        {t('button.exportLibrary')}
      </button>
      <ExportDialog pages={pages} shown={shown} />
    </>
  );
}

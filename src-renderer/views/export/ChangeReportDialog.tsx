import { useEffect, useState } from 'react';
import { useModalDialog } from '../useModalDialog';
import { useTranslation } from 'react-i18next';
import type { PageAnalysis } from '../../../src-shared/model';
import { db } from '../../db/db';
import { errorText } from '../../error-text';
import { loadExportable, summarize, type PageSummary } from '../../services/export';
import { openChangeReport, useExport } from '../../store/export';
import { TechnicalDetail } from '../TechnicalDetail';
import { ChangeReport } from './ChangeReport';
import './export.css';

/**
 * The desk's change report: what review did to the page, and what an export now would change
 * since the last one. Recomputed from the stored page whenever the review changes.
 */
export function ChangeReportDialog({ pageId, analysis }: { pageId: string; analysis: PageAnalysis }) {
  const { t } = useTranslation('export');
  const open = useExport((state) => state.reportPageId === pageId);
  const format = useExport((state) => state.format);
  const dialog = useModalDialog(open);
  const [summary, setSummary] = useState<PageSummary | { failed: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    loadExportable(db, [pageId])
      .then((pages) => summarize(db, pages, format, Date.now()))
      .then(
        ([first]) => current && setSummary(first),
        (error: unknown) => current && setSummary({ failed: errorText(error) }),
      );
    return () => {
      current = false;
    };
  }, [open, pageId, format, analysis]);

  return (
    <dialog
      ref={dialog}
      className="dialog report-dialog"
      aria-labelledby="report-title"
      onClose={() => openChangeReport(null)}
      data-testid="report-dialog"
    >
      {open && (
        <>
          <h2 id="report-title">{t('report.title')}</h2>
          {summary === null ? (
            <p className="export-note">{t('preview.loading')}</p>
          ) : 'failed' in summary ? (
            <>
              <p role="alert" className="export-error">
                {t('preview.failed')}
              </p>
              <TechnicalDetail text={summary.failed} />
            </>
          ) : (
            <ChangeReport summary={summary} />
          )}
          <div className="dialog-actions">
            <button type="button" autoFocus onClick={() => dialog.current?.close()}>
              {t('dialog.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

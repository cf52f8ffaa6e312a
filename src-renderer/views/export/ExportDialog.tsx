import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useModalDialog } from '../useModalDialog';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FORMATS } from '../../../src-shared/export/registry';
import type { ExportFormat } from '../../../src-shared/export/types';
import { db } from '../../db/db';
import { errorText } from '../../error-text';
import type { PageRow } from '../../db/schema';
import { loadExportable, summarize, type ExportProgress, type PageSummary } from '../../services/export';
import {
  closeExportDialog,
  setChosen,
  setExportFormat,
  setExportScope,
  setMarkdownLayout,
  toggleChosen,
  useExport,
  type ExportResult,
  type MarkdownLayout,
} from '../../store/export';
import { TechnicalDetail } from '../TechnicalDetail';
import { ChangeReport, SinceLastExport } from './ChangeReport';
import { cancelExport, startExport } from './commands';
import './export.css';

/** Pages whose change report the dialog shows before exporting; a larger batch shows counts and writes report.md. */
const PREVIEWED_PAGES = 12;
/** Rows of the page checklist; more are reachable by narrowing the library's filter. */
const LISTED_PAGES = 300;

/**
 * Export as a modal dialog (native <dialog>: focus stays inside, Esc closes when nothing runs).
 * From the desk it exports that page; from the library the ticked pages or every approved page.
 */
export function ExportDialog({ pages, shown }: { pages?: readonly PageRow[]; shown?: readonly PageRow[] }) {
  const { t } = useTranslation('export');
  const { origin, scope, chosen, format, markdownLayout, progress, result } = useExport(
    useShallow((state) => ({
      origin: state.origin,
      scope: state.scope,
      chosen: state.chosen,
      format: state.format,
      markdownLayout: state.markdownLayout,
      progress: state.progress,
      result: state.result,
    })),
  );
  const dialog = useModalDialog(origin !== null, (element) =>
    element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus(),
  );
  const approved = useMemo(
    () => (pages ?? []).filter((page) => page.status === 'approved').map((page) => page.id),
    [pages],
  );
  const pageIds = useMemo(
    () => (origin?.name === 'page' ? [origin.pageId] : scope === 'approved' ? approved : chosen),
    [origin, scope, approved, chosen],
  );

  const running = progress !== null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (running || pageIds.length === 0) return;
    void startExport({ pageIds, format, ...(format === 'md' ? { markdownLayout } : {}) });
  };

  return (
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onCancel={(event) => {
        // Esc while files are being made would leave a run nobody sees; cancel it first.
        if (running) event.preventDefault();
      }}
      onClose={closeExportDialog}
      data-testid="export-dialog"
    >
      {origin && (
        <form onSubmit={onSubmit} className="export-form">
          <h2 id="export-title">{origin.name === 'page' ? t('dialog.titlePage') : t('dialog.titleBatch')}</h2>
          <div className="export-body">
            {origin.name === 'library' && (
              <ScopePicker shown={shown ?? []} approvedCount={approved.length} disabled={running} />
            )}
            <FormatPicker format={format} layout={markdownLayout} disabled={running} />
            {result?.kind === 'done' ? <Outcome result={result} /> : <Preview pageIds={pageIds} format={format} />}
          </div>
          {progress && <Progress progress={progress} />}
          {result && result.kind !== 'done' && <Failure result={result} />}
          <div className="dialog-actions">
            {running ? (
              <button
                type="button"
                onClick={cancelExport}
                disabled={progress.phase === 'saving'}
                data-testid="export-cancel"
              >
                {t('dialog.cancelRun')}
              </button>
            ) : (
              <button type="button" onClick={() => dialog.current?.close()}>
                {result?.kind === 'done' ? t('dialog.close') : t('dialog.cancel')}
              </button>
            )}
            <button
              type="submit"
              className="primary"
              disabled={running || pageIds.length === 0}
              data-testid="export-run"
            >
              {t(result?.kind === 'done' && result.outcome.saved ? 'dialog.runAgain' : 'dialog.run', {
                count: pageIds.length,
              })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function ScopePicker({
  shown,
  approvedCount,
  disabled,
}: {
  shown: readonly PageRow[];
  approvedCount: number;
  disabled: boolean;
}) {
  const { t } = useTranslation('export');
  const scope = useExport((state) => state.scope);
  const chosen = useExport((state) => state.chosen);
  const ticked = useMemo(() => new Set(chosen), [chosen]);
  return (
    <fieldset className="export-scope" disabled={disabled}>
      <legend>{t('scope.legend')}</legend>
      <label>
        <input type="radio" name="scope" checked={scope === 'chosen'} onChange={() => setExportScope('chosen')} />
        {t('scope.chosen', { count: chosen.length })}
      </label>
      <label>
        <input type="radio" name="scope" checked={scope === 'approved'} onChange={() => setExportScope('approved')} />
        {t('scope.approved', { count: approvedCount })}
      </label>
      {scope === 'chosen' && (
        <div className="export-pages">
          <div className="export-pages-actions">
            <button type="button" onClick={() => setChosen(shown.map((page) => page.id))}>
              {t('scope.tickAll', { count: shown.length })}
            </button>
            <button type="button" onClick={() => setChosen([])} disabled={chosen.length === 0}>
              {t('scope.untickAll')}
            </button>
          </div>
          <ul className="export-page-list" aria-label={t('scope.listLabel')}>
            {shown.slice(0, LISTED_PAGES).map((page) => (
              <li key={page.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={ticked.has(page.id)}
                    onChange={(event) => toggleChosen(page.id, event.target.checked)}
                  />
                  <span className="export-page-name">{page.name}</span>
                  <span className={`status status-${page.status}`}>{t(`library:status.${page.status}`)}</span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length > LISTED_PAGES && (
            <p className="export-note">{t('scope.more', { count: shown.length - LISTED_PAGES })}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}

function FormatPicker({
  format,
  layout,
  disabled,
}: {
  format: ExportFormat;
  layout: MarkdownLayout;
  disabled: boolean;
}) {
  const { t } = useTranslation('export');
  return (
    <fieldset className="export-formats" disabled={disabled}>
      <legend>{t('format.legend')}</legend>
      {EXPORT_FORMATS.map((id) => (
        <Fragment key={id}>
          <label>
            <input type="radio" name="format" value={id} checked={format === id} onChange={() => setExportFormat(id)} />
            <span className="format-name">{t(`format.${id}.name`)}</span>
            <span className="format-hint">{t(`format.${id}.hint`)}</span>
          </label>
          {id === 'md' && format === 'md' && (
            <div className="markdown-layout" role="radiogroup" aria-label={t('format.layout')}>
              {(['article', 'page'] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="markdown-layout"
                    checked={layout === value}
                    onChange={() => setMarkdownLayout(value)}
                  />
                  {t(`format.layoutChoice.${value}`)}
                </label>
              ))}
            </div>
          )}
        </Fragment>
      ))}
    </fieldset>
  );
}

/** The change report of the pages about to be exported, and what changed since their last export. */
function Preview({ pageIds, format }: { pageIds: readonly string[]; format: ExportFormat }) {
  const { t } = useTranslation('export');
  const [state, setState] = useState<{ summaries: PageSummary[] } | { failed: string } | null>(null);
  const previewed = pageIds.length <= PREVIEWED_PAGES;
  useEffect(() => {
    if (!previewed || pageIds.length === 0) return;
    let current = true;
    setState(null);
    loadExportable(db, pageIds)
      .then((pages) => summarize(db, pages, format, Date.now()))
      .then(
        (summaries) => current && setState({ summaries }),
        (error: unknown) => current && setState({ failed: errorText(error) }),
      );
    return () => {
      current = false;
    };
  }, [pageIds, format, previewed]);

  if (pageIds.length === 0) return <p className="export-note">{t('preview.nothing')}</p>;
  if (!previewed) return <p className="export-note">{t('preview.many', { count: pageIds.length })}</p>;
  if (state === null) return <p className="export-note">{t('preview.loading')}</p>;
  if ('failed' in state)
    return (
      <>
        <p role="alert" className="export-error">
          {t('preview.failed')}
        </p>
        <TechnicalDetail text={state.failed} />
      </>
    );
  return (
    <section className="export-preview" aria-label={t('preview.label')} data-testid="export-preview">
      {state.summaries.length === 1 ? (
        <ChangeReport summary={state.summaries[0]} />
      ) : (
        <ul className="export-summaries">
          {state.summaries.map((summary) => (
            <li key={summary.pageId}>
              <strong>{summary.name}</strong>
              <SinceLastExport summary={summary} />
            </li>
          ))}
        </ul>
      )}
      {state.summaries.length > 1 && <p className="export-note">{t('preview.reportFile')}</p>}
    </section>
  );
}

function Outcome({ result }: { result: Extract<ExportResult, { kind: 'done' }> }) {
  const { t } = useTranslation('export');
  const { outcome } = result;
  if (!outcome.saved)
    return (
      <p className="export-note" role="status">
        {t('result.notSaved')}
      </p>
    );
  return (
    <section className="export-outcome" role="status" data-testid="export-outcome">
      <p>{t('result.saved', { count: outcome.pages.length, files: outcome.files, location: outcome.location })}</p>
      <ul className="export-summaries">
        {outcome.pages.slice(0, PREVIEWED_PAGES).map((summary) => (
          <li key={summary.pageId}>
            <strong>{summary.name}</strong>
            <SinceLastExport summary={summary} />
          </li>
        ))}
      </ul>
      {outcome.pages.length > PREVIEWED_PAGES && (
        <p className="export-note">{t('result.more', { count: outcome.pages.length - PREVIEWED_PAGES })}</p>
      )}
    </section>
  );
}

function Progress({ progress }: { progress: ExportProgress }) {
  const { t } = useTranslation('export');
  return (
    <div className="export-progress" data-testid="export-progress">
      <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('progress.label')} />
      <span>{t(`progress.${progress.phase}`, { done: progress.done, total: progress.total })}</span>
    </div>
  );
}

function Failure({ result }: { result: Exclude<ExportResult, { kind: 'done' }> }) {
  const { t } = useTranslation('export');
  if (result.kind === 'cancelled')
    return (
      <p className="export-note" role="status">
        {t('result.cancelled')}
      </p>
    );
  return (
    <>
      <p className="export-error" role="alert">
        {t('result.failed')}
      </p>
      <TechnicalDetail text={result.reason} />
    </>
  );
}

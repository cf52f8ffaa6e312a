import { create } from 'zustand';
import type { ExportFormat } from '../../src-shared/export/types';
import type { ExportOutcome, ExportProgress } from '../services/export';

/** Where the export dialog was opened: the desk exports its page, the library a choice of pages. */
export type ExportOrigin = { name: 'page'; pageId: string } | { name: 'library' };

/** In the library: the pages ticked in the dialog, or every approved page. */
export type ExportScope = 'chosen' | 'approved';

export type MarkdownLayout = 'article' | 'page';

/** How the last run ended: saved or not (the user closed the save dialog), cancelled, or failed (`reason`: the error's own words). */
export type ExportResult =
  { kind: 'done'; outcome: ExportOutcome } | { kind: 'cancelled' } | { kind: 'failed'; reason: string };

interface ExportState {
  /** null while the dialog is closed. */
  origin: ExportOrigin | null;
  scope: ExportScope;
  /** Page ids ticked for export; ids, never rows. */
  chosen: string[];
  format: ExportFormat;
  markdownLayout: MarkdownLayout;
  /** Set while an export runs. */
  progress: ExportProgress | null;
  result: ExportResult | null;
  /** The page whose change report is open in the desk. */
  reportPageId: string | null;
}

const initialState: ExportState = {
  origin: null,
  scope: 'chosen',
  chosen: [],
  format: 'tei',
  markdownLayout: 'article',
  progress: null,
  result: null,
  reportPageId: null,
};

export const useExport = create<ExportState>()(() => initialState);

export function resetExportStore(): void {
  useExport.setState(initialState, true);
}

/** Opens the dialog with the last format chosen; a run's result from before is cleared. */
export function openExportDialog(
  origin: ExportOrigin,
  chosen: readonly string[] = [],
  scope: ExportScope = 'chosen',
): void {
  useExport.setState({ origin, chosen: [...chosen], scope, progress: null, result: null });
}

export function closeExportDialog(): void {
  useExport.setState({ origin: null, progress: null, result: null });
}

export function setExportScope(scope: ExportScope): void {
  useExport.setState({ scope, result: null });
}

export function setExportFormat(format: ExportFormat): void {
  useExport.setState({ format, result: null });
}

export function setMarkdownLayout(markdownLayout: MarkdownLayout): void {
  useExport.setState({ markdownLayout });
}

export function toggleChosen(pageId: string, on: boolean): void {
  useExport.setState((state) => ({
    chosen: on ? [...new Set([...state.chosen, pageId])] : state.chosen.filter((id) => id !== pageId),
    result: null,
  }));
}

export function setChosen(chosen: readonly string[]): void {
  useExport.setState({ chosen: [...chosen], result: null });
}

export function setExportProgress(progress: ExportProgress | null): void {
  useExport.setState({ progress });
}

export function finishExport(result: ExportResult): void {
  useExport.setState({ progress: null, result });
}

export function openChangeReport(reportPageId: string | null): void {
  useExport.setState({ reportPageId });
}

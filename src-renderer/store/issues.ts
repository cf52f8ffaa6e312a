import { create } from 'zustand';
import type { GroupingProposal } from '../services/import-grouping';
import type { IssueStatus } from '../services/issues';

/** The library lists issues with their pages, or every page by name as before. */
export type LibraryView = 'issues' | 'pages';

export interface IssueFilter {
  status: IssueStatus | 'all';
  /** ISO dates bounding the issue's date, '' for open; an undated issue matches only open bounds. */
  from: string;
  to: string;
}

/** The loose pages' group in the list: a row like an issue's, with this key. */
export const LOOSE = 'loose';

interface IssuesState {
  /** The editor's choice; null until they choose: by issue once the library has issues, else every page. */
  view: LibraryView | null;
  filter: IssueFilter;
  /** Issue ids (and LOOSE) shown open, their pages listed below them. */
  expanded: string[];
  /** Pages ticked for a grouping action; ids, never rows. */
  checked: string[];
  /** The row the keyboard cursor is on: an issue id, LOOSE, or a page id. */
  cursor: string | null;
  /** The issue whose editor is open. */
  editingId: string | null;
  /** The issue whose export dialog is open. */
  exportingId: string | null;
  /** What grouping found in the files just imported, waiting for the editor to confirm or correct. */
  grouping: GroupingProposal | null;
}

const initialState: IssuesState = {
  view: null,
  filter: { status: 'all', from: '', to: '' },
  expanded: [LOOSE],
  checked: [],
  cursor: null,
  editingId: null,
  exportingId: null,
  grouping: null,
};

export const useIssues = create<IssuesState>()(() => initialState);

export function resetIssuesStore(): void {
  useIssues.setState(initialState, true);
}

export function setLibraryView(view: LibraryView): void {
  useIssues.setState({ view });
}

export function setIssueFilter(change: Partial<IssueFilter>): void {
  useIssues.setState((state) => ({ filter: { ...state.filter, ...change } }));
}

export function setExpanded(id: string, open: boolean): void {
  useIssues.setState((state) => ({
    expanded: open ? [...new Set([...state.expanded, id])] : state.expanded.filter((other) => other !== id),
  }));
}

export function toggleChecked(pageIds: readonly string[], on: boolean): void {
  useIssues.setState((state) => ({
    checked: on ? [...new Set([...state.checked, ...pageIds])] : state.checked.filter((id) => !pageIds.includes(id)),
  }));
}

export function clearChecked(): void {
  useIssues.setState({ checked: [] });
}

export function setCursor(cursor: string | null): void {
  useIssues.setState({ cursor });
}

export function editIssue(editingId: string | null): void {
  useIssues.setState({ editingId });
}

export function exportIssue(exportingId: string | null): void {
  useIssues.setState({ exportingId });
}

export function setGrouping(grouping: GroupingProposal | null): void {
  useIssues.setState({ grouping });
}

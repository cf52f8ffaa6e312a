import { create } from 'zustand';
import type { PageStatus } from '../../src-shared/model';
import type { ImportProgress } from '../services/import';

export type StatusFilter = PageStatus | 'all';
/** `open`: pages with open flags; `clear`: analysed pages with none. */
export type FlagFilter = 'all' | 'open' | 'clear';
/** `never`: not exported yet; `exported`: exported and unchanged since; `changed`: changed after its last export. */
export type ExportFilter = 'all' | 'never' | 'exported' | 'changed';

export interface LibraryFilter {
  status: StatusFilter;
  exported: ExportFilter;
  flags: FlagFilter;
  /** A section name, or '' for every section. */
  section: string;
  search: string;
}

interface LibraryState {
  filter: LibraryFilter;
  /** The page the keyboard cursor is on; an id, never a copy of the row. */
  selectedId: string | null;
  /** Set while an import runs. */
  progress: ImportProgress | null;
  /** The page waiting for the user to confirm its deletion. */
  confirmDeleteId: string | null;
}

const initialState: LibraryState = {
  filter: { status: 'all', exported: 'all', flags: 'all', section: '', search: '' },
  selectedId: null,
  progress: null,
  confirmDeleteId: null,
};

export const useLibrary = create<LibraryState>()(() => initialState);

export function resetLibraryStore(): void {
  useLibrary.setState(initialState, true);
}

export function setFilter(change: Partial<LibraryFilter>): void {
  useLibrary.setState((state) => ({ filter: { ...state.filter, ...change } }));
}

export function selectPage(selectedId: string | null): void {
  useLibrary.setState({ selectedId });
}

export function setImportProgress(progress: ImportProgress | null): void {
  useLibrary.setState({ progress });
}

export function askToDelete(confirmDeleteId: string | null): void {
  useLibrary.setState({ confirmDeleteId });
}

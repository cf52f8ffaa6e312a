import { create } from 'zustand';
import type { PageStatus } from '../../src-shared/model';
import type { ImportProgress } from '../services/import';

export type StatusFilter = PageStatus | 'all';

interface LibraryState {
  statusFilter: StatusFilter;
  search: string;
  /** The page the keyboard cursor is on; an id, never a copy of the row. */
  selectedId: string | null;
  /** Set while an import runs. */
  progress: ImportProgress | null;
  /** The page waiting for the user to confirm its deletion. */
  confirmDeleteId: string | null;
}

const initialState: LibraryState = { statusFilter: 'all', search: '', selectedId: null, progress: null, confirmDeleteId: null };

export const useLibrary = create<LibraryState>()(() => initialState);

export function resetLibraryStore(): void {
  useLibrary.setState(initialState, true);
}

export function setStatusFilter(statusFilter: StatusFilter): void {
  useLibrary.setState({ statusFilter });
}

export function setSearch(search: string): void {
  useLibrary.setState({ search });
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

import { create } from 'zustand';
import type { TextSearchResult } from '../services/text-search';

/** The library's full-text search: the last answer, and whether a newer query is still being searched. */
interface TextSearchState {
  result: TextSearchResult | null;
  searching: boolean;
}

const initialState: TextSearchState = { result: null, searching: false };

export const useTextSearch = create<TextSearchState>()(() => initialState);

export function resetTextSearchStore(): void {
  useTextSearch.setState(initialState, true);
}

export function setTextSearching(): void {
  useTextSearch.setState({ searching: true });
}

/** null: no query, nothing to show. */
export function setTextSearchResult(result: TextSearchResult | null): void {
  useTextSearch.setState({ result, searching: false });
}

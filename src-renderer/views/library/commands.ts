import type { TextHit } from '../../services/text-search';
import { setFilter, useLibrary } from '../../store/library';
import { setTextSearching, setTextSearchResult } from '../../store/text-search';
import { openPage, pushFailure } from '../../store/ui';
import { searchTextInWorker } from '../../workers/text-search';
import { locateWhenOpen } from '../desk/locate';

/** Typing must pause this long before the pages' text is searched: a search per keystroke would be thrown away. */
export const TEXT_SEARCH_DELAY_MS = 250;

let delayed: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

/** The library's search box: file names are filtered at once, the text of every page once typing pauses. */
export function searchLibrary(search: string): void {
  setFilter({ search });
  queueTextSearch(search, TEXT_SEARCH_DELAY_MS);
}

/** Searches the text again for the search in the box: the library changed under the places listed. */
export function refreshTextSearch(): void {
  queueTextSearch(useLibrary.getState().filter.search, 0);
}

/** Searches the text after `delay`; an answer to an older request than the last is dropped. */
function queueTextSearch(search: string, delay: number): void {
  clearTimeout(delayed);
  const request = ++latest;
  if (search.trim() === '') {
    setTextSearchResult(null);
    return;
  }
  setTextSearching();
  delayed = setTimeout(() => {
    searchTextInWorker(search).then(
      (result) => {
        if (request === latest && result) setTextSearchResult(result);
      },
      (error: unknown) => {
        if (request !== latest) return;
        setTextSearchResult(null);
        pushFailure('library:textSearch.failed', error);
      },
    );
  }, delay);
}

/** Opens the desk at a hit: its page, its article selected, the place marked as a card's is. */
export function openHit({ pageId, articleId, blockId, place }: TextHit): void {
  locateWhenOpen({ pageId, articleId, blockId, place });
  openPage(pageId);
}

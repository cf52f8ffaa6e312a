import { changedSinceExport, type PageRow } from '../../db/schema';
import type { LibraryFilter } from '../../store/library';

/**
 * The pages the library shows for the filter; rows keep their order (by name). The search matches
 * a file name, or a page in `textMatches` (the pages whose text holds it, once searched).
 */
export function filterPages(
  pages: readonly PageRow[],
  filter: LibraryFilter,
  textMatches: ReadonlySet<string> = new Set(),
): PageRow[] {
  const needle = filter.search.trim().toLowerCase();
  return pages.filter(
    (page) =>
      (filter.status === 'all' || page.status === filter.status) &&
      (filter.exported === 'all' || exportStateOf(page) === filter.exported) &&
      matchesFlags(page, filter.flags) &&
      (filter.section === '' || (page.stats?.sections.includes(filter.section) ?? false)) &&
      (!needle || page.name.toLowerCase().includes(needle) || textMatches.has(page.id)),
  );
}

/** Where a page stands in export, apart from its review state. */
export function exportStateOf(
  page: Pick<PageRow, 'exported' | 'changedAt'>,
): Exclude<LibraryFilter['exported'], 'all'> {
  if (!page.exported) return 'never';
  return changedSinceExport(page) ? 'changed' : 'exported';
}

/** A page not analysed yet has no known flags: it is neither `open` nor `clear`. */
function matchesFlags(page: PageRow, flags: LibraryFilter['flags']): boolean {
  if (flags === 'all') return true;
  if (page.stats === null) return false;
  return flags === 'open' ? page.stats.openFlags > 0 : page.stats.openFlags === 0;
}

/** Every section printed in the library, for the section filter. */
export function sectionsOf(pages: readonly PageRow[]): string[] {
  const sections = new Set<string>();
  for (const page of pages) for (const section of page.stats?.sections ?? []) sections.add(section);
  return [...sections].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

import type { IssuePage } from '../../../../src-shared/model';
import type { IssueRow, PageRow } from '../../../db/schema';
import { compareIssues, issueStatus, type IssueStatus } from '../../../services/issues';
import { LOOSE, type IssueFilter } from '../../../store/issues';
import type { LibraryFilter } from '../../../store/library';
import { filterPages } from '../filter';

/** What an issue row counts, over all its pages (a filter narrows the pages listed, never the counts). */
export interface IssueCounts {
  pages: number;
  approved: number;
  openFlags: number;
  undecidedSplits: number;
  /** Pages not analysed yet: their flags and splits are not counted. */
  unanalysed: number;
}

export type LibraryRow =
  | { kind: 'issue'; id: string; issue: IssueRow; status: IssueStatus; counts: IssueCounts; expanded: boolean }
  | { kind: 'loose'; id: typeof LOOSE; count: number; expanded: boolean }
  | { kind: 'page'; id: string; page: PageRow; issueId: string | null; entry: IssuePage | null; position: number };

export function issueCounts(pages: readonly PageRow[]): IssueCounts {
  const counts: IssueCounts = { pages: pages.length, approved: 0, openFlags: 0, undecidedSplits: 0, unanalysed: 0 };
  for (const page of pages) {
    if (page.status === 'approved') counts.approved++;
    if (page.stats === null) counts.unanalysed++;
    else {
      counts.openFlags += page.stats.openFlags;
      counts.undecidedSplits += page.stats.undecidedSplits;
    }
  }
  return counts;
}

function matchesIssue(issue: IssueRow, status: IssueStatus, filter: IssueFilter): boolean {
  if (filter.status !== 'all' && status !== filter.status) return false;
  if (filter.from && (issue.date === null || issue.date < filter.from)) return false;
  if (filter.to && (issue.date === null || issue.date > filter.to)) return false;
  return true;
}

const pageFilterSet = (filter: LibraryFilter) =>
  filter.status !== 'all' || filter.flags !== 'all' || filter.section !== '' || filter.search.trim() !== '';

/**
 * The library by issue as one flat list for the virtualised grid: each issue that passes the issue
 * filter (and holds a page passing the page filter, when one is set), its pages below it when open,
 * then the loose pages' group. Linear in the pages, so 10,000 pages re-list in milliseconds.
 */
export function libraryRows(
  issues: readonly IssueRow[],
  pages: readonly PageRow[],
  pageFilter: LibraryFilter,
  issueFilter: IssueFilter,
  expanded: ReadonlySet<string>,
): LibraryRow[] {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const shown = new Set(filterPages(pages, pageFilter).map((page) => page.id));
  const narrowed = pageFilterSet(pageFilter);
  const grouped = new Set<string>();
  const rows: LibraryRow[] = [];
  for (const issue of [...issues].sort(compareIssues)) {
    const entries = issue.pages.filter((entry) => byId.has(entry.pageId));
    for (const entry of entries) grouped.add(entry.pageId);
    const issuePages = entries.map((entry) => byId.get(entry.pageId)!);
    const status = issueStatus(issuePages);
    if (entries.length === 0 || !matchesIssue(issue, status, issueFilter)) continue;
    const listed = entries
      .map((entry, position) => ({ entry, position }))
      .filter(({ entry }) => shown.has(entry.pageId));
    if (narrowed && listed.length === 0) continue;
    const open = expanded.has(issue.id);
    rows.push({ kind: 'issue', id: issue.id, issue, status, counts: issueCounts(issuePages), expanded: open });
    if (open)
      for (const { entry, position } of listed)
        rows.push({
          kind: 'page',
          id: entry.pageId,
          page: byId.get(entry.pageId)!,
          issueId: issue.id,
          entry,
          position,
        });
  }
  // Loose pages have no date: a date range leaves them out.
  if (issueFilter.from || issueFilter.to) return rows;
  const loose = pages.filter((page) => !grouped.has(page.id) && shown.has(page.id));
  if (loose.length === 0) return rows;
  const open = expanded.has(LOOSE);
  rows.push({ kind: 'loose', id: LOOSE, count: loose.length, expanded: open });
  if (open)
    loose.forEach((page, position) =>
      rows.push({ kind: 'page', id: page.id, page, issueId: null, entry: null, position }),
    );
  return rows;
}

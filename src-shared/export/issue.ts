import type { IssuePage, IssueRecord } from '../model';
import { NEWSPAPER_TITLE, stem } from './text-utils';
import type { ExportableIssue, ExportablePage } from './types';

/**
 * The issue with its pages in the issue's order, from pages in any order. Every page the issue
 * lists must be there: an issue exported without one of its pages would look whole and not be.
 */
export function exportableIssue(issue: IssueRecord, pages: readonly ExportablePage[]): ExportableIssue {
  const byId = new Map(pages.map((page) => [page.page.id, page]));
  const missing = issue.pages.filter((entry) => !byId.has(entry.pageId));
  if (missing.length)
    throw new Error(
      `the issue ${issueTitle(issue)} lists ${missing.length} page(s) not given: ${missing.map((entry) => entry.pageId).join(', ')}`,
    );
  return { issue, pages: issue.pages.map((entry) => byId.get(entry.pageId)!) };
}

/** Each page with its place in the issue, in page order. */
export function issueEntries({ issue, pages }: ExportableIssue): { entry: IssuePage; page: ExportablePage }[] {
  return issue.pages.map((entry, index) => ({ entry, page: pages[index] }));
}

export function paperTitle(issue: Pick<IssueRecord, 'paper'>): string {
  return issue.paper ?? NEWSPAPER_TITLE;
}

/** `四川科技报 2023-10-18 第1234期`: the paper and whatever is known of the issue. */
export function issueTitle(issue: Pick<IssueRecord, 'paper' | 'date' | 'number'>): string {
  return [paperTitle(issue), issue.date, issue.number === null ? null : `第${issue.number}期`]
    .filter((part) => part !== null)
    .join(' ');
}

/** `第3版 地方科协`, as much of it as is known; the source file's name where neither is. */
export function pageLabel(entry: IssuePage, page: ExportablePage): string {
  const parts = [entry.pageNumber === null ? null : `第${entry.pageNumber}版`, entry.pageName].filter(
    (part): part is string => part !== null && part !== '',
  );
  return parts.length ? parts.join(' ') : stem(page.page.name);
}

import { describe, expect, it } from 'vitest';
import type { IssueRow, PageRow } from '../../../src-renderer/db/schema';
import { issueRow } from '../../../src-renderer/services/issues';
import { LOOSE, type IssueFilter } from '../../../src-renderer/store/issues';
import type { LibraryFilter } from '../../../src-renderer/store/library';
import { libraryRows } from '../../../src-renderer/views/library/issues/rows';

/** `exported` stands for an approved page exported since. */
const page = (id: string, status: PageRow['status'] | 'exported', openFlags: number | null = 0): PageRow => ({
  id,
  name: `${id}.txt`,
  size: 1,
  encoding: 'utf-8',
  importedAt: 0,
  status: status === 'exported' ? 'approved' : status,
  ...(status === 'exported' ? { exported: { at: 1, formats: ['tei'] } } : {}),
  stats: openFlags === null ? null : { articles: 1, openFlags, undecidedSplits: 1, sections: [] },
});
const issue = (id: string, date: string | null, pageIds: string[]): IssueRow =>
  issueRow({
    id,
    paper: null,
    date,
    number: null,
    pages: pageIds.map((pageId) => ({ pageId, pageNumber: null, pageName: null })),
    createdAt: 0,
    updatedAt: 0,
  });

const pages = [
  page('a', 'approved', 2),
  page('b', 'new', null),
  page('c', 'exported'),
  page('d', 'approved'),
  page('e', 'new'),
];
const issues = [issue('late', '2023-10-25', ['d', 'c']), issue('early', '2023-10-18', ['b', 'a'])];
const noPageFilter: LibraryFilter = { status: 'all', exported: 'all', flags: 'all', section: '', search: '' };
const noIssueFilter: IssueFilter = { status: 'all', from: '', to: '' };
const shape = (rows: ReturnType<typeof libraryRows>) => rows.map((row) => `${row.kind}:${row.id}`);

describe('libraryRows', () => {
  it('should list issues by date with their pages in issue order when open, then the loose pages', () => {
    const rows = libraryRows(issues, pages, noPageFilter, noIssueFilter, new Set(['early', LOOSE]));
    expect(shape(rows)).toEqual(['issue:early', 'page:b', 'page:a', 'issue:late', 'loose:loose', 'page:e']);
  });

  it('should count approved pages, open flags and undecided splits over the analysed pages, and derive the status', () => {
    const [early, late] = libraryRows(issues, pages, noPageFilter, noIssueFilter, new Set()).filter(
      (row) => row.kind === 'issue',
    );
    expect(early.kind === 'issue' && [early.status, early.counts]).toEqual([
      'in-review',
      { pages: 2, approved: 1, openFlags: 2, undecidedSplits: 1, unanalysed: 1 },
    ]);
    expect(late.kind === 'issue' && late.status).toBe('approved');
  });

  it('should filter issues by status and date range, leaving the undated loose pages out of a range', () => {
    expect(
      shape(libraryRows(issues, pages, noPageFilter, { ...noIssueFilter, status: 'approved' }, new Set())),
    ).toEqual(['issue:late', 'loose:loose']);
    expect(
      shape(libraryRows(issues, pages, noPageFilter, { ...noIssueFilter, from: '2023-10-20' }, new Set())),
    ).toEqual(['issue:late']);
    expect(shape(libraryRows(issues, pages, noPageFilter, { ...noIssueFilter, to: '2023-10-18' }, new Set()))).toEqual([
      'issue:early',
    ]);
  });

  it('should keep only issues with a page passing the page filter, listing just those pages', () => {
    const rows = libraryRows(
      issues,
      pages,
      { ...noPageFilter, search: 'a.txt' },
      noIssueFilter,
      new Set(['early', 'late']),
    );
    expect(shape(rows)).toEqual(['issue:early', 'page:a']);
  });

  it('should skip pages an issue lists that are gone from the library', () => {
    const rows = libraryRows([issue('gone', '2023-01-01', ['zz'])], pages, noPageFilter, noIssueFilter, new Set());
    expect(shape(rows)).toEqual(['loose:loose']);
  });
});

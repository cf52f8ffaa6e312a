import { describe, expect, it } from 'vitest';
import type { PageRow } from '../../../src-renderer/db/schema';
import type { LibraryFilter } from '../../../src-renderer/store/library';
import { filterPages, sectionsOf } from '../../../src-renderer/views/library/filter';

function row(name: string, status: PageRow['status'], stats: PageRow['stats'], more: Partial<PageRow> = {}): PageRow {
  return { id: name, name, size: 1, encoding: 'utf-8', importedAt: 0, status, stats, ...more };
}

const PAGES: PageRow[] = [
  row('001.txt', 'new', { articles: 3, openFlags: 2, undecidedSplits: 2, sections: ['地方科协'] }),
  row('002.txt', 'in-review', { articles: 4, openFlags: 0, undecidedSplits: 0, sections: ['地方动态', '地方科协'] }),
  row('003.txt', 'approved', { articles: 2, openFlags: 1, undecidedSplits: 0, sections: [] }),
  row('004.txt', 'new', null),
  row('005.txt', 'approved', null, { exported: { at: 2000, formats: ['tei'] }, changedAt: 1000 }),
  row('006.txt', 'in-review', null, { exported: { at: 2000, formats: ['md', 'tei'] }, changedAt: 3000 }),
  row('007.txt', 'new', null, { exported: { at: null, formats: [] } }),
];

const ALL: LibraryFilter = { status: 'all', exported: 'all', flags: 'all', section: '', search: '' };
const names = (filter: Partial<LibraryFilter>) => filterPages(PAGES, { ...ALL, ...filter }).map((page) => page.name);

describe('filterPages', () => {
  it('should keep every page without criteria', () => {
    expect(names({})).toEqual(['001.txt', '002.txt', '003.txt', '004.txt', '005.txt', '006.txt', '007.txt']);
  });

  it('should filter review state and export state apart: an exported page keeps its review state', () => {
    expect(names({ status: 'approved' })).toEqual(['003.txt', '005.txt']);
    expect(names({ exported: 'never' })).toEqual(['001.txt', '002.txt', '003.txt', '004.txt']);
    expect(names({ exported: 'exported' })).toEqual(['005.txt', '007.txt']);
    expect(names({ exported: 'changed' })).toEqual(['006.txt']);
    expect(names({ status: 'approved', exported: 'exported' })).toEqual(['005.txt']);
  });

  it('should show the pages whose text holds the search as well as those whose name does', () => {
    const found = new Set(['003.txt', '006.txt']);
    const search = (filter: Partial<LibraryFilter>) =>
      filterPages(PAGES, { ...ALL, ...filter }, found).map((page) => page.name);
    expect(search({ search: '001' })).toEqual(['001.txt', '003.txt', '006.txt']);
    expect(search({ search: '荥经', status: 'approved' })).toEqual(['003.txt']);
  });

  it('should filter by status, open flags, section and name together', () => {
    expect(names({ status: 'new' })).toEqual(['001.txt', '004.txt', '007.txt']);
    expect(names({ flags: 'open' })).toEqual(['001.txt', '003.txt']);
    expect(names({ flags: 'clear' })).toEqual(['002.txt']);
    expect(names({ section: '地方科协' })).toEqual(['001.txt', '002.txt']);
    expect(names({ section: '地方科协', flags: 'open', search: '00' })).toEqual(['001.txt']);
    expect(names({ search: ' 003 ' })).toEqual(['003.txt']);
  });
});

describe('sectionsOf', () => {
  it('should list each section once', () => {
    expect(sectionsOf(PAGES)).toHaveLength(2);
    expect(new Set(sectionsOf(PAGES))).toEqual(new Set(['地方科协', '地方动态']));
  });
});

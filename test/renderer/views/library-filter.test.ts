import { describe, expect, it } from 'vitest';
import type { PageRow } from '../../../src-renderer/db/schema';
import type { LibraryFilter } from '../../../src-renderer/store/library';
import { filterPages, sectionsOf } from '../../../src-renderer/views/library/filter';

function row(name: string, status: PageRow['status'], stats: PageRow['stats']): PageRow {
  return { id: name, name, size: 1, encoding: 'utf-8', importedAt: 0, status, stats };
}

const PAGES: PageRow[] = [
  row('001.txt', 'new', { articles: 3, openFlags: 2, undecidedSplits: 2, sections: ['地方科协'] }),
  row('002.txt', 'in-review', { articles: 4, openFlags: 0, undecidedSplits: 0, sections: ['地方动态', '地方科协'] }),
  row('003.txt', 'approved', { articles: 2, openFlags: 1, undecidedSplits: 0, sections: [] }),
  row('004.txt', 'new', null),
];

const ALL: LibraryFilter = { status: 'all', flags: 'all', section: '', search: '' };
const names = (filter: Partial<LibraryFilter>) => filterPages(PAGES, { ...ALL, ...filter }).map((page) => page.name);

describe('filterPages', () => {
  it('should keep every page without criteria', () => {
    expect(names({})).toEqual(['001.txt', '002.txt', '003.txt', '004.txt']);
  });

  it('should filter by status, open flags, section and name together', () => {
    expect(names({ status: 'new' })).toEqual(['001.txt', '004.txt']);
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

import { describe, expect, it } from 'vitest';
import type { PageRow } from '../../../src-renderer/db/schema';
import { nextPageToReview, reviewOverview } from '../../../src-renderer/views/library/review-queue';

function row(id: string, status: PageRow['status'], openFlags: number | null, undecidedSplits = 0): PageRow {
  const stats = openFlags === null ? null : { articles: 1, openFlags, undecidedSplits, sections: [] };
  return { id, name: `${id}.txt`, size: 1, encoding: 'utf-8', importedAt: 0, status, stats };
}

const PAGES = [row('a', 'approved', 1), row('b', 'in-review', 2, 3), row('c', 'approved', 0), row('d', 'new', null)];

describe('review overview', () => {
  it('should count approved pages of the total, open flags and undecided splits', () => {
    expect(reviewOverview(PAGES)).toEqual({ total: 4, approved: 2, openFlags: 3, undecidedSplits: 3 });
  });

  it('should find the next page not approved after the current one, wrapping round', () => {
    expect(nextPageToReview(PAGES)?.id).toBe('b');
    expect(nextPageToReview(PAGES, 'b')?.id).toBe('d');
    expect(nextPageToReview(PAGES, 'd')?.id).toBe('b');
    expect(nextPageToReview([row('a', 'approved', 0)])).toBeNull();
    expect(nextPageToReview([row('a', 'new', 0)], 'a')).toBeNull();
  });
});

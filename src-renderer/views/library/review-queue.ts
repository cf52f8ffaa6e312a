import type { PageRow } from '../../db/schema';

export interface ReviewOverview {
  total: number;
  approved: number;
  openFlags: number;
  undecidedSplits: number;
}

/** The library's review counts; a page never analysed adds no flags or splits (they are not known yet). */
export function reviewOverview(pages: readonly PageRow[]): ReviewOverview {
  let approved = 0;
  let openFlags = 0;
  let undecidedSplits = 0;
  for (const page of pages) {
    if (page.status === 'approved') approved++;
    openFlags += page.stats?.openFlags ?? 0;
    undecidedSplits += page.stats?.undecidedSplits ?? 0;
  }
  return { total: pages.length, approved, openFlags, undecidedSplits };
}

/** The next page not approved after `afterId` in library order, wrapping round; null when every page is approved. */
export function nextPageToReview(pages: readonly PageRow[], afterId: string | null = null): PageRow | null {
  const from = afterId === null ? -1 : pages.findIndex((page) => page.id === afterId);
  for (let step = 1; step <= pages.length; step++) {
    const page = pages[(from + step + pages.length) % pages.length];
    if (page.status !== 'approved' && page.id !== afterId) return page;
  }
  return null;
}

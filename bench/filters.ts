import type { Page } from '@playwright/test';
import { corpusPageName } from './corpus';
import { timeFilterChange } from './in-page';

/**
 * Search by a page's name and the status filter (approved: none in the corpus), each set and cleared
 * `samples` times, over a library of the benchmark corpus's `pages` pages.
 */
export async function filterTimes(
  page: Page,
  pages: number,
  samples: number,
): Promise<{ search: number[]; status: number[] }> {
  const search: number[] = [];
  const status: number[] = [];
  for (let i = 0; i < samples; i++) {
    const name = corpusPageName(1 + Math.round(((i + 0.5) * pages) / samples));
    search.push(await page.evaluate(timeFilterChange, { control: 'search' as const, value: name }));
    search.push(await page.evaluate(timeFilterChange, { control: 'search' as const, value: '' }));
    status.push(await page.evaluate(timeFilterChange, { control: 'status' as const, value: 'approved' }));
    status.push(await page.evaluate(timeFilterChange, { control: 'status' as const, value: 'all' }));
  }
  return { search, status };
}

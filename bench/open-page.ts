import type { Page } from '@playwright/test';
import { corpusPageName } from './corpus';
import { timeOpenPage } from './in-page';

/** Five pages from across a corpus of `pages` pages: its first, last and three between. */
export function openSamples(pages: number): string[] {
  return [1, Math.round(pages / 4), Math.round(pages / 2), Math.round((3 * pages) / 4), pages].map(
    (n) => `${corpusPageName(n)}.txt`,
  );
}

/**
 * Each page found with the library's search box, then opened from its row (timed in the page, see
 * timeOpenPage), and the library shown again.
 */
export async function openPageTimes(page: Page, names: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const name of names) {
    await page.getByRole('searchbox').fill(name);
    await page.getByTestId('page-row').getByRole('button', { name, exact: true }).waitFor();
    times.push(await page.evaluate(timeOpenPage, name));
    await page
      .getByRole('button', { name: /文库|Library/ })
      .first()
      .click();
    await page.getByTestId('page-table').waitFor();
  }
  await page.getByRole('searchbox').fill('');
  return times;
}

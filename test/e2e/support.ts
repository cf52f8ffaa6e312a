import { expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
/** The bundled seed pages, by file name, in the library's order. */
export const SEEDS = readdirSync(join(ROOT, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

export const rows = (page: Page) => page.getByTestId('page-row');

/** A fresh profile's first start: the library with the seed pages in it. */
export async function openLibrary(page: Page): Promise<void> {
  await page.goto('./');
  await expect(rows(page)).toHaveCount(SEEDS.length);
}

/** Opens a page from the library by its file name and waits for the desk and its articles. */
export async function openPage(page: Page, name: string): Promise<void> {
  await rows(page).getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(page.getByTestId('article-item').first()).toBeVisible();
}

import { expect, type Locator, type Page } from '@playwright/test';
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

/** Background analysis has filled in every row's counts (a row not yet analysed shows "—"). */
export async function analysed(page: Page, count: number): Promise<void> {
  await expect(rows(page)).toHaveCount(count);
  await expect(rows(page).getByRole('gridcell').filter({ hasText: /^—$/ })).toHaveCount(0, { timeout: 20_000 });
}

/** Opens a page from the library by its file name and waits for the desk and its articles. */
export async function openPage(page: Page, name: string): Promise<void> {
  await rows(page).getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(page.getByTestId('article-item').first()).toBeVisible();
}

export const articles = (page: Page) => page.getByTestId('article-item');
export const blockTexts = (page: Page) => page.getByTestId('block-text');

/** Waits until the desk has written the last action. */
export async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
}

/** The current values of a list of text fields. */
export async function values(list: Locator): Promise<string[]> {
  return list.evaluateAll((elements) => elements.map((element) => (element as HTMLTextAreaElement).value));
}

/** Reverts the open page's first automatic join: one article's text changes. */
export async function revertFirstJoin(page: Page): Promise<void> {
  await page.getByTestId('tab-changes').click();
  await page.getByTestId('change').and(page.locator('[data-kind="join"]')).first().getByTestId('revert').click();
  await saved(page);
}

/** Rows of one table of the app's database, read in the page. */
export function readTable(page: Page, table: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('galley');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Types `text` into a paragraph's field `at` characters from its start, as an editor does, and waits for it to be saved. */
export async function typeInParagraph(page: Page, paragraph: Locator, at: number, text: string): Promise<void> {
  await paragraph.click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(text);
  await saved(page);
}

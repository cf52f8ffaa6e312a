import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { shortArticlesPage } from '../../bench/pages';
import { analysed, openLibrary, rows, SCREENSHOTS, SEEDS } from './support';

/**
 * The desk on a page of many thousand lines (issue 18): only the lines and blocks near the view
 * are in the document, and a place far down the page is still scrolled to and marked on both sides.
 * Counted nodes, not time.
 */

const MARKER = '远处的标记词';
const NAME = 'many-lines.txt';
/** Short articles make about seven lines each; the marked paragraph closes the page. */
const TEXT = `${shortArticlesPage(1_600)}\n本报讯 这一段的${MARKER}在页面的最后。\n`;
const LINES = TEXT.split('\n').length;
/** Far fewer than the page's lines, and more than any window and its overscan hold. */
const BOUNDED = 600;

const rawLines = (page: Page) => page.getByTestId('raw-page').locator('.raw-line');

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(120_000);

test.beforeEach(async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles({ name: NAME, mimeType: 'text/plain', buffer: Buffer.from(TEXT) });
  await analysed(page, SEEDS.length + 1);
});

test('should keep only the lines and blocks near the view of a long page, and scroll to a far place', async ({
  page,
}) => {
  expect(LINES).toBeGreaterThan(10_000);
  await page.getByRole('searchbox').fill(MARKER);
  await page.getByTestId('text-hit').first().click();
  await expect(page.getByTestId('desk')).toBeVisible();

  const located = page.locator('.raw-located');
  await expect(located).toHaveText(MARKER);
  await expect(located).toBeInViewport();
  const mark = page.getByTestId('block-located').locator('mark');
  await expect(mark).toHaveText(MARKER);
  await expect(mark).toBeInViewport();

  const lineCount = await rawLines(page).count();
  expect(lineCount).toBeGreaterThan(20);
  expect(lineCount).toBeLessThan(BOUNDED);
  const lastShown = Number(await rawLines(page).last().getAttribute('data-line'));
  expect(lastShown).toBeGreaterThan(LINES - 20);

  // The article is long; its list says how long, though only some of its blocks are in the document.
  const blocks = page.getByTestId('block');
  const setSize = Number(await blocks.first().getAttribute('aria-setsize'));
  expect(await blocks.count()).toBeLessThan(Math.min(setSize, 60));
  await expect(blocks.last()).toHaveAttribute('aria-posinset', String(setSize));
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-large-located.png') });
});

test('should bring a far article and its first line into view from the top of a long page', async ({ page }) => {
  await rows(page).getByRole('button', { name: NAME, exact: true }).click();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(rawLines(page).first()).toHaveAttribute('data-line', '1');

  const items = page.getByTestId('article-item');
  const last = items.last();
  await last.getByRole('button').first().click();
  await expect(last).toHaveClass(/is-selected/);
  const firstLine = page.getByTestId('raw-page').locator('.raw-line:has(.raw-article)').first();
  await expect(firstLine).toBeInViewport();
  expect(Number(await firstLine.getAttribute('data-line'))).toBeGreaterThan(LINES / 2);
  expect(await rawLines(page).count()).toBeLessThan(BOUNDED);
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-large.png') });
});

import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { articles, openLibrary, openPage, SCREENSHOTS, SEEDS } from './support';

/**
 * The diff tells every change the article went through (issue 17: seed 003's 锦江区 article, whose
 * three repeated paragraphs and broken copy were removed, read "0 changes" and showed none of them).
 */

const diff = (page: Page) => page.getByTestId('diff');

async function openArticle(page: Page, title: string): Promise<void> {
  await articles(page).filter({ hasText: title }).getByRole('button').first().click();
  await expect(page.getByTestId('field-title')).toHaveValue(new RegExp(title));
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLibrary(page);
  await openPage(page, SEEDS[3]);
});

test('should show the repeats taken out of an article, struck through, and count each', async ({ page }) => {
  await openArticle(page, '锦江区产业功能区科协');
  const removed = diff(page).getByTestId('diff-beside').filter({ hasText: '删除重复' });
  await expect(removed).toHaveCount(4);
  await expect(removed.nth(1).locator('del')).toContainText('会议总结了锦江区产业功能区科协上半年的工作');
  const marks = await diff(page).locator('[data-change]').count();
  await expect(page.getByTestId('diff-count')).toHaveText(`${marks} 处改动`);
  expect(marks).toBeGreaterThanOrEqual(4);
  await removed.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-diff-removed-zh.png') });

  // The change keys step onto them like onto any other mark.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let step = 0; step < marks; step++) await page.keyboard.press(']');
  await expect(diff(page).locator('[data-change].is-current')).toHaveAttribute('data-change', String(marks - 1));
});

test('should show where a paragraph put back in its article was moved from', async ({ page }) => {
  await openArticle(page, '达州市预防医学会');
  await expect(diff(page).locator('.diff-moved')).toHaveText(/^从第 \d+ 行移到此处$/);
  const marks = await diff(page).locator('[data-change]').count();
  await expect(page.getByTestId('diff-count')).toHaveText(`${marks} 处改动`);
  await page.locator('.app-header select').first().selectOption('en');
  await expect(diff(page).locator('.diff-moved')).toHaveText(/^Moved here from line \d+$/);
});

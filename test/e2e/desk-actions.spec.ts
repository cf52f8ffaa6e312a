import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  articles,
  blockTexts,
  openLibrary,
  openPage,
  saved,
  SCREENSHOTS,
  SEEDS,
  typeInParagraph,
  values,
} from './support';

async function openSeed(page: Page) {
  await page.setViewportSize({ width: 1600, height: 960 });
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
}

test("should show a selected paragraph's tools without covering any of its text", async ({ page }) => {
  await openSeed(page);
  await blockTexts(page).nth(1).focus();
  const block = page.getByTestId('block').nth(1);
  const tools = block.locator('.block-tools');
  await expect(tools).toBeVisible();
  await block.screenshot({ path: join(SCREENSHOTS, 'desk-block-tools.png') });
  const [strip, text] = [await tools.boundingBox(), await blockTexts(page).nth(1).boundingBox()];
  const overlap = Math.min(strip!.y + strip!.height, text!.y + text!.height) - Math.max(strip!.y, text!.y);
  expect(overlap).toBeLessThanOrEqual(0);
});

test('should show what the editor typed in a paragraph as a character diff on its change card', async ({ page }) => {
  await openSeed(page);
  const paragraph = blockTexts(page).nth(1);
  const before = await paragraph.inputValue();
  await typeInParagraph(page, paragraph, 6, '（补）');
  await page.getByTestId('tab-changes').click();
  const card = page.getByTestId('change').and(page.locator('[data-kind="manual"]'));
  const typed = card.getByTestId('typed-diff');
  await expect(typed.locator('ins')).toHaveText(['（补）']);
  await expect(typed.locator('del')).toHaveCount(0);
  await expect(typed).toContainText(before.slice(0, 6));
  await card.screenshot({ path: join(SCREENSHOTS, 'desk-typed-card.png') });
});

test('should move a paragraph to a chosen place in another article from the keyboard', async ({ page }) => {
  await openSeed(page);
  await articles(page).nth(1).getByRole('button').first().click();
  const moved = await blockTexts(page).last().inputValue();
  const targetTitle = (await articles(page).nth(2).locator('.article-title').textContent()) ?? '';
  await blockTexts(page).last().focus();
  await page.keyboard.press('Alt+m');
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog.getByTestId('move-article')).toBeFocused();
  await dialog.getByTestId('move-article').selectOption({ label: targetTitle });
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('move-place')).toBeFocused();
  await expect(dialog.getByTestId('move-place').locator('option').first()).toContainText('第 1 段之前');
  await dialog.screenshot({ path: join(SCREENSHOTS, 'desk-move-dialog.png') });
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(dialog).toBeHidden();
  await expect.poll(() => values(blockTexts(page))).not.toContain(moved);
  await articles(page).nth(2).getByRole('button').first().click();
  await expect.poll(() => values(blockTexts(page)).then((v) => v[0])).toBe(moved);
});

test('should replace the refusal to approve a page by the approval that follows', async ({ page }) => {
  await openSeed(page);
  await page.getByTestId('approve-page').click();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await page.getByTestId('threshold').fill('0');
  await page.getByTestId('approve-above').click();
  await saved(page);
  await page.getByTestId('approve-page').click();
  await expect(page.getByTestId('page-status')).toHaveText('已通过');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test("should name an editor's untitled split as the open item that holds page approval", async ({ page }) => {
  await openSeed(page);
  await page.getByTestId('threshold').fill('0');
  await page.getByTestId('approve-above').click();
  await saved(page);
  const opening = await blockTexts(page).nth(2).inputValue();
  await blockTexts(page).nth(2).focus();
  await page.getByTestId('block').nth(2).getByTestId('split-here').click();
  await saved(page);
  const split = articles(page).nth(1);
  await expect(split.getByTestId('title-missing')).toHaveText('缺标题');
  await page.getByTestId('approve-page').click();
  await expect(page.getByRole('alert')).toContainText(opening.trim().slice(0, 12));
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-untitled-split.png') });
  await expect(page.getByTestId('page-status')).not.toHaveText('已通过');
});

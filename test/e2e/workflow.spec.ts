import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openLibrary, openPage, rows, SCREENSHOTS, SEEDS } from './support';

/** The review loop of issue 17 from the keyboard, and the desk and library in both languages at two window sizes. */

async function setLanguage(page: Page, language: 'zh' | 'en'): Promise<void> {
  await page.locator('.app-header select').first().selectOption(language);
}

test('should approve a page from the keyboard, sign it with the editor name and show the sign-off apart from the export', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByTestId('editor-name').fill('王编辑');
  await page.getByTestId('editor-name').press('Enter');
  await expect(page.getByTestId('overview-approved')).toContainText(`0 / ${SEEDS.length}`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(page.getByTestId('article-item').first()).toBeVisible();
  // Every undecided split approved with S then Y, one at a time: each key acts on the desk as the last
  // approval left it, so the next pair waits for that approval to show.
  const undecided = page.getByTestId('approve-split');
  await expect(undecided.first()).toBeVisible();
  for (let left = await undecided.count(); left > 0; left--) {
    await page.keyboard.press('s');
    await page.keyboard.press('y');
    await expect(undecided).toHaveCount(left - 1);
  }
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('page-status')).toHaveText('已通过');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library')).toBeVisible();
  await expect(page.getByTestId('overview-approved')).toContainText(`1 / ${SEEDS.length}`);
  await expect(rows(page).filter({ hasText: SEEDS[0] }).getByTestId('export-state')).toHaveText('未导出');
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  for (const language of ['zh', 'en'] as const) {
    test(`should show the library and the desk in ${language} at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await openLibrary(page);
      await setLanguage(page, language);
      await expect(page.getByTestId('review-overview')).toBeVisible();
      await page.screenshot({
        path: join(SCREENSHOTS, `workflow-library-${language}-${viewport.width}x${viewport.height}.png`),
      });
      await openPage(page, SEEDS[1]);
      await page.screenshot({
        path: join(SCREENSHOTS, `workflow-desk-${language}-${viewport.width}x${viewport.height}.png`),
      });
    });
  }
}

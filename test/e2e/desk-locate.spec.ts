import { expect, test, type Locator, type Page } from '@playwright/test';
import { articles, blockTexts, openLibrary, openPage, SEEDS } from './support';

/**
 * Picking something on one side of the desk brings its counterpart to the middle of the other
 * pane, not merely somewhere into it (issue 17: a paragraph's source stayed 2,822 px off-screen on
 * seed 001, and an article's first line sat on the raw pane's bottom edge).
 */

/** How far the middle of `target` lies from the middle of `pane`, as a share of the pane's height. */
async function offMiddle(pane: Locator, target: Locator): Promise<number> {
  const [outer, inner] = await Promise.all([pane.boundingBox(), target.boundingBox()]);
  if (!outer || !inner) return Number.POSITIVE_INFINITY;
  return Math.abs(inner.y + inner.height / 2 - (outer.y + outer.height / 2)) / outer.height;
}

/** Within a tenth of the pane's height of its middle: a line or two, whatever the window. */
const MIDDLE = 0.1;

const rawPane = (page: Page) => page.getByTestId('raw-page');
/** The first raw line holding the selected paragraph's source (or, with none selected, the article's). */
const firstLineMarked = (page: Page, className: string) =>
  rawPane(page).locator(`.raw-line:has(.${className})`).first();

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLibrary(page);
  await openPage(page, SEEDS[1]);
});

test("should bring a clicked paragraph's source to the middle of the raw pane", async ({ page }) => {
  await articles(page).nth(4).getByRole('button').first().click();
  const paragraph = blockTexts(page).last();
  await paragraph.click();
  await expect(firstLineMarked(page, 'raw-block')).toBeVisible();
  await expect.poll(() => offMiddle(rawPane(page), firstLineMarked(page, 'raw-block'))).toBeLessThan(MIDDLE);
});

test("should bring a selected article's first line to the middle of the raw pane", async ({ page }) => {
  for (const index of [4, 2]) {
    await articles(page).nth(index).getByRole('button').first().click();
    await expect(articles(page).nth(index)).toHaveClass(/is-selected/);
    await expect.poll(() => offMiddle(rawPane(page), firstLineMarked(page, 'raw-article'))).toBeLessThan(MIDDLE);
  }
});

test('should bring the paragraph a raw line became to the middle of the editor', async ({ page }) => {
  // The first article is the page's longest: a paragraph in its middle has text above and below to centre on.
  const sources = rawPane(page).locator('.raw-line:has(.raw-article)').filter({ hasText: /\S/ });
  await expect(sources.first()).toBeVisible();
  await sources
    .nth(Math.floor((await sources.count()) / 2))
    .locator('.raw-text')
    .click();
  const selected = page.locator('.desk-editor .block.is-selected');
  await expect(selected).toHaveCount(1);
  await expect.poll(() => offMiddle(page.locator('.desk-editor'), selected)).toBeLessThan(MIDDLE);
});

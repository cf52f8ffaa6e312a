import { expect, test, type Locator, type Page } from '@playwright/test';
import { openLibrary, openPage, SEEDS } from './support';

/**
 * The desk at 1280×720, the smallest window it is made for (issue 17: the article pane showed one
 * line of body text under the fields, and in English the toolbar wrapped).
 */

async function setLanguage(page: Page, language: 'zh' | 'en'): Promise<void> {
  await page.locator('.app-header select').first().selectOption(language);
}

async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return { top: found.y, bottom: found.y + found.height };
}

/** Pixels of the article pane left for body text: from the first paragraph's top to the pane's bottom. */
async function bodyRoom(page: Page): Promise<number> {
  const [pane, first] = await Promise.all([
    box(page.locator('.desk-editor')),
    box(page.getByTestId('block-text').first()),
  ]);
  return pane.bottom - first.top;
}

/** Five lines of body text (1.8 × 16 px each): enough to read a paragraph while editing it. */
const FIVE_LINES = 5 * 1.8 * 16;

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLibrary(page);
});

for (const language of ['zh', 'en'] as const) {
  test(`should keep the toolbar on one row and five lines of body text in view at 1280×720 in ${language}`, async ({
    page,
  }) => {
    await setLanguage(page, language);
    await openPage(page, SEEDS[1]);
    const tops = await page
      .locator('.desk-header > *:visible')
      .evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().bottom)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    expect(await bodyRoom(page)).toBeGreaterThan(FIVE_LINES);
  });
}

test('should fold and unfold the fields and the diff from the keyboard, and keep the choice after a reload', async ({
  page,
}) => {
  await setLanguage(page, 'en');
  await openPage(page, SEEDS[1]);
  const kicker = page.getByTestId('field-kicker');
  const diffText = page.getByTestId('diff').locator('.diff-block').first();
  // Folded at first in a short window, with what the folded fields hold still readable.
  await expect(kicker).toHaveCount(0);
  await expect(page.getByTestId('folded-fields')).toContainText('Byline: 本栏目撰稿');
  await expect(page.getByTestId('field-title')).toBeVisible();

  await page.getByTestId('fields-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(kicker).toBeVisible();
  const [pane, field] = await Promise.all([box(page.locator('.desk-editor')), box(kicker)]);
  expect(field.top).toBeGreaterThanOrEqual(pane.top);
  expect(field.bottom).toBeLessThanOrEqual(pane.bottom);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('v');
  await expect(diffText).toHaveCount(0);
  await expect(page.getByTestId('diff-toggle')).toHaveAttribute('aria-expanded', 'false');
  // The count stays in view with the diff folded.
  await expect(page.getByTestId('diff-count')).toBeVisible();
  const withDiffFolded = await bodyRoom(page);

  await page.reload();
  await expect(page.getByTestId('block-text').first()).toBeVisible();
  await expect(kicker).toBeVisible();
  await expect(diffText).toHaveCount(0);
  expect(await bodyRoom(page)).toBe(withDiffFolded);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect(kicker).toHaveCount(0);
  // A change key on the folded diff unfolds it, the next one steps onto the first change.
  await page.keyboard.press(']');
  await expect(diffText).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByTestId('diff').locator('[data-change="0"]')).toHaveClass(/is-current/);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Hide or show the diff');
});

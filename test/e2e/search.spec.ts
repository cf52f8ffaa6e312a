import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { analysed, articles, rows, SCREENSHOTS, SEEDS } from './support';

/** Seed 000 prints 荥经 five times: in an article's kicker and four times in its paragraphs. */
const PAGE = SEEDS[0];
const ARTICLE = '大力普及生态环境知识';

const hits = (page: Page) => page.getByTestId('text-hit');
const selectedArticle = (page: Page) => articles(page).filter({ has: page.locator('[aria-current="true"]') });

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  // Searched after the analysis, the places are tied to their articles, not only to the raw text.
  await analysed(page, SEEDS.length);
});

test('should find a name in the text of the library and open the desk at the place clicked', async ({ page }) => {
  await page.getByRole('searchbox').fill('荥经');

  await expect(page.getByTestId('text-hit-summary')).toHaveText('正文中：1 页共 5 处');
  await expect(hits(page)).toHaveCount(5);
  await expect(hits(page).first()).toContainText(`${PAGE}${ARTICLE}引题`);
  await expect(hits(page).nth(3)).toContainText('生态环境的重要性。此外,荥经县科协还向广大群众宣传介');
  // No file is named 荥经: the page is listed because its text holds it.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(PAGE);

  await hits(page).nth(3).click();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(selectedArticle(page)).toContainText(ARTICLE);
  await expect(selectedArticle(page)).toBeInViewport();
  const marked = page.getByTestId('block-located').locator('mark');
  await expect(marked).toHaveText('荥经');
  await expect(marked).toBeInViewport();
  await expect(page.locator('.raw-located')).toHaveText('荥经');
  await expect(page.locator('.raw-located')).toBeInViewport();
});

test('should open a place from the keyboard: down from the search box, Enter', async ({ page }) => {
  const search = page.getByRole('searchbox');
  await search.fill('荥经');
  await expect(hits(page)).toHaveCount(5);
  await search.press('ArrowDown');
  await expect(hits(page).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await expect(selectedArticle(page)).toContainText(ARTICLE);
  await expect(page.getByTestId('block-located').locator('mark')).toHaveText('荥经');
});

test('should say when the text holds the query nowhere, and still filter file names', async ({ page }) => {
  await page.getByRole('searchbox').fill('001_');
  await expect(page.getByTestId('text-hit-summary')).toHaveText('各页正文中都没有“001_”。');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText(SEEDS[1]);
});

test('should list the places again when the library changes under them', async ({ page }) => {
  await page.getByRole('searchbox').fill('荥经');
  await expect(hits(page)).toHaveCount(5);
  await page.getByTestId('page-table').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();

  await expect(page.getByTestId('text-hit-summary')).toHaveText('各页正文中都没有“荥经”。');
  await expect(hits(page)).toHaveCount(0);
});

for (const language of ['zh', 'en'] as const) {
  test(`should show the places found in ${language} at 1280×720 (screenshots)`, async ({ page }) => {
    if (language === 'en') await page.getByLabel('语言').selectOption('en');
    // 科协 is printed more often than the list holds: the summary says the list is cut.
    await page.getByRole('searchbox').fill('科协');
    await expect(page.getByTestId('text-hit-summary')).toContainText('200');
    await page.screenshot({ path: join(SCREENSHOTS, `library-search-${language}.png`) });
    await page.getByRole('searchbox').fill('荥经');
    await expect(hits(page)).toHaveCount(5);
    await hits(page).nth(3).click();
    await expect(page.getByTestId('block-located').locator('mark')).toBeInViewport();
    await page.screenshot({ path: join(SCREENSHOTS, `desk-from-search-${language}.png`) });
  });
}

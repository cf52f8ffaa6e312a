import { expect, test, type Download, type Page } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, openPage, revertFirstJoin, rows, SCREENSHOTS, SEEDS } from './support';

const articleTitles = (page: Page) => page.getByTestId('article-item').locator('.article-title');
const dialog = (page: Page) => page.getByTestId('export-dialog');

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

/** Runs the open export dialog and returns what the browser downloaded. */
async function runExport(page: Page): Promise<Download> {
  const download = page.waitForEvent('download');
  await dialog(page).getByTestId('export-run').click();
  const file = await download;
  await expect(dialog(page).getByTestId('export-outcome')).toBeVisible();
  return file;
}

/** What the desk shows of the review: article titles, the first article's blocks and each of its edits' status. */
async function reviewState(page: Page) {
  return {
    titles: await articleTitles(page).allTextContents(),
    blocks: await page
      .getByTestId('block-text')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLTextAreaElement).value)),
    statuses: await page.getByTestId('change').evaluateAll((elements) => elements.map((element) => element.className)),
  };
}

test('should export a page as well-formed TEI with its article titles, and mark it exported', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  const titles = (await articleTitles(page).allTextContents()).filter((title) => title !== '无标题');
  expect(titles.length).toBeGreaterThan(1);

  await page.getByTestId('export-page').click();
  await expect(dialog(page).getByRole('radio', { name: /TEI/ })).toBeFocused();
  await expect(dialog(page).getByTestId('since-export')).toHaveText(/首次导出/);
  await page.screenshot({ path: join(SCREENSHOTS, 'export-dialog.png') });

  // Keyboard only: arrows move through the formats, Enter exports.
  await page.keyboard.press('ArrowDown');
  await expect(dialog(page).getByRole('radio', { name: 'Markdown' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  await expect(dialog(page).getByTestId('export-outcome')).toContainText('已导出 1 页');
  expect(download.suggestedFilename()).toBe(SEEDS[0].replace(/\.txt$/, '.xml'));
  const xml = new TextDecoder().decode(await bytesOf(download));
  expect(XMLValidator.validate(xml)).toBe(true);
  const heads = [...xml.matchAll(/<head>([^<]*)<\/head>/g)].map(([, head]) => head);
  for (const title of titles) expect(heads).toContain(title);

  await page.keyboard.press('Escape');
  await expect(dialog(page)).not.toBeVisible();
  // Exporting is recorded apart from the review: the page is still not approved.
  await expect(page.getByTestId('page-status')).not.toHaveText('已通过');
  await page.getByRole('button', { name: /文库/ }).click();
  await expect(rows(page).filter({ hasText: SEEDS[0] }).getByTestId('export-state')).toContainText('已导出');
});

test('should say what changed when a page is exported again after an edit', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[1]);
  await page.getByTestId('export-page').click();
  await dialog(page)
    .getByRole('radio', { name: /纯文本/ })
    .check();
  await runExport(page);
  await page.keyboard.press('Escape');

  await revertFirstJoin(page);
  await page.getByTestId('open-report').click();
  const report = page.getByTestId('report-dialog');
  await expect(report.getByTestId('since-export')).toContainText('修改 1 篇');
  await expect(report.getByTestId('change-report')).toContainText('已撤销 1');
  await page.screenshot({ path: join(SCREENSHOTS, 'export-report.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('export-page').click();
  await expect(dialog(page).getByTestId('since-export')).toContainText('修改 1 篇');
  await runExport(page);
  await expect(dialog(page).getByTestId('export-outcome')).toContainText('修改 1 篇');
});

test('should export two ticked pages as one zip with their files and the report', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('export-library').click();
  const batch = dialog(page);
  await batch.getByRole('radio', { name: /勾选的页面/ }).check();
  for (const name of SEEDS.slice(2, 4)) await batch.getByRole('checkbox', { name: new RegExp(name) }).check();
  await batch.getByRole('radio', { name: /Markdown/ }).check();
  await batch.getByRole('radio', { name: '每页一个文件' }).check();
  await expect(batch.getByTestId('export-run')).toHaveText('导出 2 页');
  await page.screenshot({ path: join(SCREENSHOTS, 'export-batch.png') });

  const download = await runExport(page);
  expect(download.suggestedFilename()).toMatch(/^galley-export-\d{4}-\d{2}-\d{2}-md\.zip$/);
  const entries = unzipSync(await bytesOf(download));
  const stems = SEEDS.slice(2, 4).map((name) => name.replace(/\.txt$/, ''));
  expect(Object.keys(entries).sort()).toEqual([`${stems[0]}.md`, `${stems[1]}.md`, 'report.md']);
  // Markdown escapes the name's underscore; it renders as the name itself.
  expect(strFromU8(entries['report.md'])).toContain(SEEDS[2].replace(/_/g, '\\_'));
  expect(strFromU8(entries[`${stems[0]}.md`])).toMatch(/^---\n/);

  await page.keyboard.press('Escape');
  for (const name of SEEDS.slice(2, 4))
    await expect(rows(page).filter({ hasText: name }).getByTestId('export-state')).toContainText('已导出');
  await expect(rows(page).filter({ hasText: SEEDS[4] }).getByTestId('export-state')).not.toContainText('已导出');

  await page.getByLabel('语言').selectOption('en');
  await page.getByTestId('export-library').click();
  await expect(dialog(page).getByRole('heading')).toHaveText('Export pages');
  await expect(dialog(page).getByRole('radio', { name: 'Ticked pages (0)' })).toBeFocused();
  await expect(dialog(page).getByTestId('export-run')).toHaveText('Export 0 pages');
  await page.screenshot({ path: join(SCREENSHOTS, 'export-dialog-en.png') });
});

test('should export every approved page from the library', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[4]);
  await page.getByTestId('approve-above').click();
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  await page.getByTestId('approve-page').click();
  await expect(page.getByTestId('page-status')).toHaveText('已通过');
  await page.getByRole('button', { name: /文库/ }).click();

  await page.getByTestId('export-library').click();
  // The page the cursor came back to is ticked; every approved page is one choice away.
  await expect(dialog(page).getByRole('checkbox', { name: new RegExp(SEEDS[4]) })).toBeChecked();
  await dialog(page).getByRole('radio', { name: '全部已通过的页面（1 页）' }).check();
  await dialog(page)
    .getByRole('radio', { name: /纯文本/ })
    .check();
  const download = await runExport(page);
  // Never the raw source's own name, so an export saved beside it cannot replace it.
  expect(download.suggestedFilename()).toBe(SEEDS[4].replace(/\.txt$/, '.clean.txt'));
  const text = new TextDecoder().decode(await bytesOf(download));
  expect(text).toBe(text.normalize('NFC'));
  expect(text).not.toContain('#');
  await page.keyboard.press('Escape');
  await expect(rows(page).filter({ hasText: SEEDS[4] }).getByTestId('export-state')).toContainText('已导出');
});

test('should restore a page exported as JSON in a fresh profile with the same review state', async ({
  page,
  browser,
}) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  await revertFirstJoin(page);
  await page.getByTestId('export-page').click();
  await dialog(page)
    .getByRole('radio', { name: /Galley JSON/ })
    .check();
  const download = await runExport(page);
  const document = await download.path();
  await page.keyboard.press('Escape');
  const before = await reviewState(page);
  expect(before.statuses).toContain('change change-reverted');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openLibrary(other);
  await expect(rows(other).filter({ hasText: SEEDS[0] }).locator('.status')).toHaveText('新导入');
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '导入页面…' }).click();
  await (
    await chooser
  ).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(document) });
  await expect(rows(other).filter({ hasText: SEEDS[0] }).locator('.status')).toHaveText('审校中');
  await expect(rows(other)).toHaveCount(SEEDS.length);

  await openPage(other, SEEDS[0]);
  await other.getByTestId('tab-changes').click();
  await expect(other.getByTestId('change').first()).toBeVisible();
  expect(await reviewState(other)).toEqual(before);
  await fresh.close();
});

test('should refuse a cut-off JSON document by name and keep the library as it was', async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"galley-document","schemaVersion":1,"pages":[{"pa'),
  });
  // Said in the interface language; the parser's English stays folded away as technical detail.
  await expect(page.getByRole('alert').filter({ hasText: 'cut.json' })).toContainText('文件不完整');
  await expect(rows(page)).toHaveCount(SEEDS.length);
});

import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, openPage, ROOT, rows, SCREENSHOTS, SEEDS } from './support';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The longest line of a file: a line that surely shows as one piece of the raw pane. */
function longestLine(path: string): string {
  return readFileSync(path, 'utf8')
    .split('\n')
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .trim();
}

async function importThroughPicker(page: Page, ...files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles(files.map((file) => join(FIXTURES, file)));
}

test('should show the seed pages on first start, once, also after a reload', async ({ page }) => {
  await openLibrary(page);
  await expect(rows(page).first()).toContainText(SEEDS[0]);
  await page.reload();
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await page.waitForTimeout(500);
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await expect(page.getByTestId('page-count')).toHaveText(`共 ${SEEDS.length} 页`);
});

test('should open a page and show its raw text with line numbers', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[1]);
  const raw = page.getByTestId('raw-page');
  await expect(raw).toContainText(longestLine(join(ROOT, 'seeds', SEEDS[1])));
  await expect(raw.locator('.raw-gutter').first()).toHaveText('1');
  await page.getByRole('button', { name: /文库/ }).click();
  await expect(rows(page)).toHaveCount(SEEDS.length);
});

test('should open the selected page with Enter, keyboard only', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('page-table').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(SEEDS[1]);
});

test('should add one page when a file is imported', async ({ page }) => {
  await openLibrary(page);
  await importThroughPicker(page, 'added-page.txt');
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
  await expect(rows(page).filter({ hasText: 'added-page.txt' })).toHaveCount(1);

  await importThroughPicker(page, 'added-page.txt');
  await expect(page.getByRole('status').filter({ hasText: '已在文库中' })).toContainText('added-page.txt');
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
});

test('should refuse a binary file with a message naming it, and keep the library as it was', async ({ page }) => {
  await openLibrary(page);
  await importThroughPicker(page, 'scan.txt', 'added-page.txt');
  const alert = page.getByRole('alert').filter({ hasText: 'scan.txt' });
  await expect(alert).toContainText('scan.txt: 这是 PNG image 文件，不是文本');
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
  await expect(rows(page).filter({ hasText: 'scan.txt' })).toHaveCount(0);
});

test('should import a GB18030 file and show it as Chinese text', async ({ page }) => {
  await openLibrary(page);
  await importThroughPicker(page, 'gb18030-page.txt');
  await openPage(page, 'gb18030-page.txt');
  await expect(page.getByTestId('raw-page')).toContainText('本报讯 这是一份以 GB18030 编码保存的页面。');
});

test('should import text files dropped on the library', async ({ page }) => {
  await openLibrary(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['拖放导入的页面\n\n本报讯 正文。\n'], 'dropped.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('[data-testid=library]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid=library]', 'drop', { dataTransfer });
  await expect(rows(page).filter({ hasText: 'dropped.txt' })).toHaveCount(1);
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
});

test('should search by name and filter by status, flags and section', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('searchbox').fill(SEEDS[3].slice(0, 6));
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('page-count')).toHaveText(`显示 1 / ${SEEDS.length} 页`);
  await page.getByRole('searchbox').fill('');
  await page.getByLabel('状态').selectOption('approved');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('没有符合条件的页面。')).toBeVisible();
  await page.getByLabel('状态').selectOption('new');
  await expect(rows(page)).toHaveCount(SEEDS.length);
  // Sections and flags are known once the background analysis has read the pages.
  await page.getByLabel('栏目').selectOption('地方动态');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(SEEDS[3]);
  await page.getByLabel('标记').selectOption('clear');
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel('栏目').selectOption('');
  await page.getByLabel('标记').selectOption('open');
  await expect(rows(page)).not.toHaveCount(0);
});

test('should cancel a large import between batches, keeping every stored page whole', async ({ page }, testInfo) => {
  await openLibrary(page);
  // Files on disk, handed over by path: a local browser reads them itself, quickly.
  const folder = testInfo.outputPath('bulk');
  mkdirSync(folder, { recursive: true });
  const body = readFileSync(join(ROOT, 'seeds', SEEDS[0]));
  const files = Array.from({ length: 1500 }, (_, i) => {
    const path = join(folder, `bulk-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, Buffer.concat([body, Buffer.from(`\n${i}\n`)]));
    return path;
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles(files);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText('每秒');
  await progress.getByRole('button', { name: '取消导入' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '导入已取消' })).toBeVisible();

  // Read the count from a fresh start: the list may refresh lazily while imports run.
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  const stored = Number((await page.getByTestId('page-count').textContent())?.match(/\d+/)?.[0]);
  expect(stored).toBeGreaterThan(SEEDS.length);
  expect(stored).toBeLessThan(SEEDS.length + files.length);
  await page.reload();
  await expect(page.getByTestId('page-count')).toHaveText(`共 ${stored} 页`);
  // Every stored page opens with its text: no page row was written without its raw text.
  const lastStored = `bulk-${String(stored - SEEDS.length - 1).padStart(4, '0')}.txt`;
  await page.getByRole('searchbox').fill(lastStored);
  await openPage(page, lastStored);
  await expect(page.getByTestId('raw-page')).toContainText(longestLine(join(ROOT, 'seeds', SEEDS[0])));
});

test('should keep a deleted page deleted after a reload', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('page-table').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(SEEDS[0]);
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(rows(page)).toHaveCount(SEEDS.length - 1);

  await page.reload();
  await expect(rows(page)).toHaveCount(SEEDS.length - 1);
  await expect(rows(page).filter({ hasText: SEEDS[0] })).toHaveCount(0);
});

test('should import a deleted page again when the editor chooses to import it anyway', async ({ page }) => {
  await openLibrary(page);
  await page.getByTestId('page-table').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
  await expect(rows(page)).toHaveCount(SEEDS.length - 1);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles(join(ROOT, 'seeds', SEEDS[0]));
  const notice = page.getByRole('status').filter({ hasText: '曾被删除' });
  await expect(notice).toContainText(SEEDS[0]);
  await expect(rows(page)).toHaveCount(SEEDS.length - 1);

  await notice.getByRole('button', { name: '仍然导入' }).click();
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await page.reload();
  await expect(rows(page).filter({ hasText: SEEDS[0] })).toHaveCount(1);
});

for (const language of ['zh', 'en'] as const) {
  test(`should render the library and a page in ${language} (screenshots)`, async ({ page }) => {
    await openLibrary(page);
    if (language === 'en') {
      await page.getByLabel('语言').selectOption('en');
      await expect(page.getByTestId('page-count')).toHaveText(`${SEEDS.length} pages`);
    }
    const suffix = language === 'zh' ? '' : `-${language}`;
    await page.getByTestId('page-table').focus();
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: join(SCREENSHOTS, `library${suffix}.png`) });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('raw-page')).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, `page${suffix}.png`) });
  });
}

test('should switch to the dark theme and keep it after a reload', async ({ page }) => {
  await openLibrary(page);
  await page.getByLabel('主题').selectOption('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await page.screenshot({ path: join(SCREENSHOTS, 'library-dark.png') });
});

test('should show the rows in the language just chosen, the rows in view and the rows scrolled to', async ({
  page,
}) => {
  // The rows take their translator from the table (src-renderer/views/library/PageTable.tsx), not
  // from a hook of their own: a language change must still reach every row, mounted or not yet.
  await openLibrary(page);
  const names = Array.from({ length: 40 }, (_, i) => `zz-row-${String(i).padStart(2, '0')}.txt`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (
    await chooser
  ).setFiles(names.map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(`本报讯 ${name} 的正文。\n`) })));
  await expect(page.getByTestId('page-count')).toHaveText(`共 ${SEEDS.length + names.length} 页`);
  const first = rows(page).first();
  await expect(first.locator('.status')).toHaveText('新导入');
  await expect(first.getByTestId('export-state')).toHaveText('未导出');
  await page.locator('.app-header select').first().selectOption('en');
  await expect(first.locator('.status')).toHaveText('New');
  await expect(first.getByTestId('export-state')).toHaveText('Not exported');
  await expect(first.getByRole('button', { name: `Delete ${SEEDS[0]}` })).toBeAttached();
  const last = rows(page).filter({ hasText: names.at(-1)! });
  await expect(last).toHaveCount(0);
  await page.getByTestId('page-table').evaluate((table) => {
    table.scrollTop = table.scrollHeight;
  });
  await expect(last.locator('.status')).toHaveText('New');
  await expect(last.getByTestId('export-state')).toHaveText('Not exported');
  await expect(last.getByRole('button', { name: `Delete ${names.at(-1)}` })).toBeAttached();
});

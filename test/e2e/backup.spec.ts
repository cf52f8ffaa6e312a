import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { analysed, openLibrary, openPage, rows, SEEDS } from './support';

const SEED_COUNT = 5;

async function backUp(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^galley-backup-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync((await file.path())!);
}

test('should back up the library and restore it byte for byte in a fresh browser profile', async ({
  page,
  browser,
}, info) => {
  await page.goto('./');
  await analysed(page, SEED_COUNT);
  const backup = await backUp(page);
  const parsed = JSON.parse(backup.toString('utf8'));
  expect(parsed.data.tables.find((table: { name: string }) => table.name === 'pages').rowCount).toBe(SEED_COUNT);
  expect(parsed.data.tables.find((table: { name: string }) => table.name === 'reviews').rowCount).toBe(SEED_COUNT);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(info.project.use.baseURL!);
  await analysed(other, SEED_COUNT);
  // Something the backup does not hold, which the restore must take away.
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '导入页面…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('本报讯 多出来的一页。\n') });
  await analysed(other, SEED_COUNT + 1);

  const backupPath = info.outputPath('galley-backup.json');
  writeFileSync(backupPath, backup);
  other.once('dialog', (dialog) => void dialog.accept());
  const restorePicker = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '恢复…' }).click();
  await (await restorePicker).setFiles(backupPath);

  await expect(
    other.getByRole('status').filter({ hasText: `已从 galley-backup.json 恢复 ${SEED_COUNT} 页` }),
  ).toBeVisible();
  await analysed(other, SEED_COUNT);
  await expect(rows(other).filter({ hasText: 'extra.txt' })).toHaveCount(0);
  expect((await backUp(other)).equals(backup)).toBe(true);
  await fresh.close();
});

test('should give the same bytes again after restoring a library with undo history', async ({
  page,
  browser,
}, info) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  // One reverted join (its edit sits in both halves of the step) and one typed block.
  await page.getByTestId('tab-changes').click();
  await page.getByTestId('change').and(page.locator('[data-kind="join"]')).first().getByTestId('revert').click();
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  await page.getByTestId('block-text').first().fill('改过的一段。');
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  await page.getByRole('button', { name: '← 文库' }).click();
  await analysed(page, SEED_COUNT);
  const backup = await backUp(page);
  // The two desk steps, and the corpus check's flags when it has run by then (also an undoable step).
  expect(
    JSON.parse(backup.toString('utf8')).data.tables.find((table: { name: string }) => table.name === 'history')
      .rowCount,
  ).toBeGreaterThanOrEqual(2);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(info.project.use.baseURL!);
  await analysed(other, SEED_COUNT);
  const backupPath = info.outputPath('with-history.json');
  writeFileSync(backupPath, backup);
  other.once('dialog', (dialog) => void dialog.accept());
  const restorePicker = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: '恢复…' }).click();
  await (await restorePicker).setFiles(backupPath);
  await expect(
    other.getByRole('status').filter({ hasText: `已从 with-history.json 恢复 ${SEED_COUNT} 页` }),
  ).toBeVisible();
  await analysed(other, SEED_COUNT);
  expect((await backUp(other)).toString('utf8')).toBe(backup.toString('utf8'));
  await fresh.close();
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openLibrary, openPage, revertFirstJoin, rows, SEEDS } from './support';

async function importDocument(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
}

test('should ask before a Galley document replaces the editor’s work, and import it beside it on request', async ({
  page,
}) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  await page.getByTestId('export-page').click();
  const exportDialog = page.getByTestId('export-dialog');
  await exportDialog.getByRole('radio', { name: /Galley JSON/ }).check();
  const download = page.waitForEvent('download');
  await exportDialog.getByTestId('export-run').click();
  const file = await download;
  await expect(exportDialog.getByTestId('export-outcome')).toBeVisible();
  const document = readFileSync((await file.path())!);
  await page.keyboard.press('Escape');
  await revertFirstJoin(page);
  await page.getByRole('button', { name: '← 文库' }).click();

  await importDocument(page, file.suggestedFilename(), document);
  const question = page.getByRole('dialog', { name: new RegExp(`“${SEEDS[0]}”在导出这份文档之后已有改动`) });
  await expect(question).toBeVisible();
  await expect(question.getByTestId('reimport-differences')).toContainText('不同：1 处改动、0 处分篇、0 个标记');
  await question.getByRole('button', { name: '保留我的' }).click();
  await expect(question).toBeHidden();
  await expect(rows(page)).toHaveCount(SEEDS.length);

  await importDocument(page, file.suggestedFilename(), document);
  await page.getByRole('dialog').getByRole('button', { name: '作为新页面导入' }).click();
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
  await expect(rows(page).filter({ hasText: SEEDS[0].replace('.txt', ' (2).txt') })).toHaveCount(1);
});

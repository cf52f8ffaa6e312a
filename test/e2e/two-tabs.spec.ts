import { expect, test } from '@playwright/test';
import { openLibrary, openPage, SEEDS } from './support';

test('should let one tab edit a page while a second shows it read-only, and lose no keystroke', async ({
  page: first,
  context,
}) => {
  test.setTimeout(60_000);
  await openLibrary(first);
  await openPage(first, SEEDS[0]);
  const second = await context.newPage();
  await openLibrary(second);
  await openPage(second, SEEDS[0]);

  await expect(second.getByTestId('open-elsewhere')).toBeVisible();
  await expect(first.getByTestId('open-elsewhere')).toHaveCount(0);
  const typed = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸';
  const block = first.getByTestId('block-text').first();
  await block.click();
  await block.press('End');
  await second
    .getByTestId('block-text')
    .first()
    .pressSequentially('不应写入', { timeout: 2_000 })
    .catch(() => {});
  await block.pressSequentially(typed);
  await expect(first.getByTestId('save-state')).toHaveText('已保存');

  // The read-only tab follows the stored text, which holds all 20 characters and nothing from it.
  await expect(second.getByTestId('block-text').first()).toHaveValue(new RegExp(`${typed}$`));
  expect(await second.getByTestId('block-text').first().inputValue()).not.toContain('不应写入');

  // Once the first tab leaves the page, the second may edit it.
  await first.getByRole('button', { name: '← 文库' }).click();
  await expect(second.getByTestId('open-elsewhere')).toHaveCount(0);
  await second.getByTestId('block-text').first().press('End');
  await second.getByTestId('block-text').first().pressSequentially('再');
  await expect(second.getByTestId('save-state')).toHaveText('已保存');
  await expect(second.getByTestId('block-text').first()).toHaveValue(new RegExp(`${typed}再$`));
});

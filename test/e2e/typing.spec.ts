import { expect, test } from '@playwright/test';
import type { Decision } from '../../src-shared/model';
import { blockTexts, openLibrary, openPage, readTable, saved, SEEDS, typeInParagraph } from './support';

/**
 * Typed text is an edit like the pipeline's (issue 11): a replace of the raw text it was typed
 * over, shown in the diff and the change list, reverted from its card, and undone as one step.
 */
test('should keep typed text as an edit across a reload: in the diff and the changes, reverted, and undone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  const paragraph = blockTexts(page).nth(1);
  const before = await paragraph.inputValue();
  await typeInParagraph(page, paragraph, 6, '（补）');
  const typed = `${before.slice(0, 6)}（补）${before.slice(6)}`;
  await expect(paragraph).toHaveValue(typed);
  // Kept as the editor's decision: an insertion at a raw offset, what it read as and what it reads.
  const typedDecisions = async () =>
    ((await readTable(page, 'decisions')) as unknown as Decision[]).flatMap(({ action }) =>
      action.type === 'editor-edit' ? [action.edit] : [],
    );
  await expect.poll(typedDecisions).toEqual([
    expect.objectContaining({
      rule: 'review.typed',
      before: '',
      after: '（补）',
      op: { type: 'replace', cleanBefore: '' },
    }),
  ]);
  const [{ start, end }] = await typedDecisions();
  expect(end).toBe(start);

  await page.reload();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(blockTexts(page).nth(1)).toHaveValue(typed);
  await expect(page.getByTestId('diff').locator('ins').filter({ hasText: '（补）' })).toHaveCount(1);
  await page.getByTestId('tab-changes').click();
  const card = page.getByTestId('change').and(page.locator('[data-kind="manual"]'));
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('typed-diff').locator('ins')).toHaveText(['（补）']);
  await expect(card).toContainText('编辑改写了文字');

  await card.getByTestId('revert').click();
  await saved(page);
  await expect(blockTexts(page).nth(1)).toHaveValue(before);
  await expect(page.getByTestId('diff').locator('ins').filter({ hasText: '（补）' })).toHaveCount(0);
  await expect(card.getByTestId('restore')).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect(blockTexts(page).nth(1)).toHaveValue(typed);
  // The three characters were typed in one burst: one more undo takes them all back.
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect(blockTexts(page).nth(1)).toHaveValue(before);
  await expect(card).toHaveCount(0);
});

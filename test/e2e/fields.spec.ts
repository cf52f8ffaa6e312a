import { expect, test, type Page } from '@playwright/test';
import type { Decision, Edit } from '../../src-shared/model';
import { articles, openLibrary, openPage, readTable, saved, SEEDS } from './support';

/** The editor's own edits kept as decisions, by rule. */
const editorEdits = async (page: Page): Promise<Edit[]> =>
  ((await readTable(page, 'decisions')) as unknown as Decision[])
    .flatMap(({ action }) => (action.type === 'editor-edit' ? [action.edit] : []))
    .sort((a, b) => a.rule.localeCompare(b.rule));

/** Types at the end of a field, as an editor does: the caret put there, characters taken back, others typed. */
async function typeAtEnd(page: Page, field: string, erase: number, text: string): Promise<void> {
  await page.getByTestId(field).click();
  await page.keyboard.press('End');
  for (let i = 0; i < erase; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await saved(page);
}

/**
 * Field edits are edits like typed text (issue 11): a title read from one line is typed over its
 * raw text; a byline taken out of a paragraph keeps a value set on the article. Both are shown in
 * the diff and the changes after a reload, reverted from their cards and undone.
 */
test('should keep a typed title and byline across a reload: in the diff and the changes, reverted, and undone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLibrary(page);
  await openPage(page, SEEDS[1]);
  const second = articles(page).nth(1);
  await second.getByRole('button').first().click();
  const title = page.getByTestId('field-title');
  const byline = page.getByTestId('field-byline');
  const titleBefore = await title.inputValue();
  const bylineBefore = await byline.inputValue();
  expect(bylineBefore).toBe('本报记者 苏文保');

  await typeAtEnd(page, 'field-title', 0, '（补）');
  await typeAtEnd(page, 'field-byline', 1, '宝');
  const typedTitle = `${titleBefore}（补）`;
  await expect(title).toHaveValue(typedTitle);
  await expect(byline).toHaveValue('本报记者 苏文宝');
  await expect
    .poll(() => editorEdits(page))
    .toEqual([
      expect.objectContaining({
        rule: 'review.set-field',
        before: '本报记者 苏文保',
        op: expect.objectContaining({ field: 'byline', value: '本报记者 苏文宝' }),
      }),
      expect.objectContaining({
        rule: 'review.typed',
        before: '',
        after: '（补）',
        op: { type: 'replace', cleanBefore: '' },
      }),
    ]);

  await page.reload();
  await expect(page.getByTestId('desk')).toBeVisible();
  await articles(page).nth(1).getByRole('button').first().click();
  await expect(title).toHaveValue(typedTitle);
  await expect(byline).toHaveValue('本报记者 苏文宝');
  const titleRow = page.getByTestId('diff-field').and(page.locator('[data-field="title"]'));
  const bylineRow = page.getByTestId('diff-field').and(page.locator('[data-field="byline"]'));
  await expect(titleRow.locator('ins')).toHaveText(['（补）']);
  await expect(bylineRow.locator('del')).toHaveText(['保']);
  await expect(bylineRow.locator('ins')).toHaveText(['宝']);

  await page.getByTestId('tab-changes').click();
  const cards = page.getByTestId('change').and(page.locator('[data-kind="manual"]'));
  await expect(cards).toHaveCount(2);
  const titleCard = cards.filter({ has: page.getByTestId('typed-diff').locator('ins', { hasText: '（补）' }) });
  await expect(titleCard).toHaveCount(1);
  await expect(cards.filter({ has: page.getByTestId('typed-diff').locator('ins', { hasText: '宝' }) })).toHaveCount(1);

  await titleCard.getByTestId('revert').click();
  await saved(page);
  await expect(title).toHaveValue(titleBefore);
  await expect(titleRow).toHaveCount(0);
  await expect(bylineRow).toHaveCount(1);
  await expect(titleCard.getByTestId('restore')).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await saved(page);
  await expect(title).toHaveValue(typedTitle);
  await expect(titleRow.locator('ins')).toHaveText(['（补）']);
  await expect(byline).toHaveValue('本报记者 苏文宝');
});

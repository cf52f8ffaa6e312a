import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openLibrary, openPage, SCREENSHOTS, SEEDS } from './support';

/** WCAG contrast of an element's text against its own background, both as computed. */
async function contrast(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    const luminance = (color: string) => {
      const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  });
}

async function openSeed(page: Page) {
  await page.setViewportSize({ width: 1600, height: 960 });
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
}

test('should keep a pressed toggle readable under the mouse, in both themes', async ({ page }) => {
  await openSeed(page);
  for (const theme of ['light', 'dark']) {
    await page.getByLabel('主题').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const pressed = page.getByTestId('diff-inline');
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    await pressed.hover();
    expect(await contrast(pressed)).toBeGreaterThan(4.5);
  }
});

/** Whether every control in a toolbar row sits on the row's first line. */
async function oneLine(row: Locator): Promise<boolean> {
  return row.evaluate((node) => {
    const tops = [...node.children]
      .filter((child) => (child as HTMLElement).offsetWidth > 0)
      .map((child) => child.getBoundingClientRect());
    const first = tops[0];
    return tops.every((box) => box.top < first.bottom && box.bottom > first.top);
  });
}

test('should keep the library actions on one row and the page filters on another at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page);
  for (const language of ['zh', 'en']) {
    await page
      .locator('select')
      .filter({ has: page.locator('option[value="en"]') })
      .selectOption(language);
    await page.screenshot({ path: join(SCREENSHOTS, `library-toolbar-${language}.png`) });
    expect(await oneLine(page.locator('.library-actions'))).toBe(true);
    expect(await oneLine(page.locator('.library-filters'))).toBe(true);
  }
});

/** The raw text in the middle of the raw pane's visible area. */
async function rawAtCentre(page: Page): Promise<boolean> {
  return page
    .locator('.raw-located')
    .first()
    .evaluate((mark) => {
      const pane = mark.closest('.desk-raw')!.getBoundingClientRect();
      const box = mark.getBoundingClientRect();
      const centre = box.top + box.height / 2;
      return centre > pane.top + pane.height * 0.25 && centre < pane.bottom - pane.height * 0.25;
    });
}

test('should fold alike join cards into one, and tell its occurrences apart by their context and place', async ({
  page,
}) => {
  await openSeed(page);
  await page.getByTestId('tab-changes').click();
  // The seed's first article is the one with several column-break joins: one card for all of them.
  const joins = page.getByTestId('change').and(page.locator('[data-kind="join"]'));
  await expect(joins).toHaveCount(1);
  const count = Number((await joins.getByTestId('occurrence-count').textContent())?.replace('×', ''));
  expect(count).toBeGreaterThan(1);
  await expect(joins.getByTestId('occurrence-label')).toHaveText(`第 1 处，共 ${count} 处`);
  const contexts: string[] = [];
  for (let i = 0; i < count; i++) {
    contexts.push((await joins.getByTestId('card-context').textContent()) ?? '');
    await joins.getByTestId('occurrence-next').click();
  }
  expect(new Set(contexts).size).toBe(count);
  await expect(joins.getByTestId('occurrence-label')).toHaveText(`第 1 处，共 ${count} 处`);

  // Stepping back from the first shows the last, in the raw pane and in the editor.
  await joins.getByTestId('occurrence-previous').click();
  // A break cannot be seen: both pane and editor mark the two characters the join put together.
  const [left, right] = contexts[count - 1].replace(/^…|…$/g, '').split('↵↵');
  await expect(page.locator('.raw-located')).toHaveText([left.at(-1)!, right[0]]);
  expect(await rawAtCentre(page)).toBe(true);
  const marked = page.getByTestId('block-located').locator('mark');
  await expect(marked).toHaveText(`${left.at(-1)}${right[0]}`);
  await expect(marked).toBeInViewport();

  // Clicking the card shows its place again after the editor scrolled away.
  await page.locator('.desk-editor').evaluate((editor) => editor.scrollTo(0, 0));
  await page.locator('.desk-raw').evaluate((pane) => pane.scrollTo(0, 0));
  await joins.getByTestId('card-context').click();
  expect(await rawAtCentre(page)).toBe(true);
  await expect(marked).toBeInViewport();
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-located-zh.png') });
  await page.getByLabel('语言').selectOption('en');
  await expect(joins.getByTestId('occurrence-label')).toHaveText(`${count} of ${count}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-located-en.png') });
});

test('should undo a dismissed or accepted flag from its own card', async ({ page }) => {
  await openSeed(page);
  const flag = page.getByTestId('flag').first();
  const suspect = (await flag.locator('mark').first().textContent()) ?? '';
  const textOf = async () =>
    (await page.getByTestId('block-text').evaluateAll((all) => all.map((e) => (e as HTMLTextAreaElement).value))).join(
      '\n',
    );
  const before = await textOf();

  await flag.getByTestId('dismiss-flag').click();
  await expect(flag).toContainText('已忽略');
  await flag.getByTestId('reopen-flag').click();
  await expect(flag.getByTestId('dismiss-flag')).toBeVisible();

  await flag.getByTestId('accept-flag').click();
  await expect(flag).toContainText('已采纳');
  await expect.poll(textOf).not.toBe(before);
  await flag.getByTestId('reopen-flag').click();
  await expect(flag.getByTestId('accept-flag')).toBeVisible();
  await expect.poll(textOf).toBe(before);
  expect(before).toContain(suspect);
  await expect(page.getByTestId('tab-flags')).toHaveText(/\(1\)/);
});

test('should mark the cards that text selected in the raw pane or in the editor touches', async ({ page }) => {
  await openSeed(page);
  const flag = page.getByTestId('flag').first();
  const suspect = (await flag.locator('mark').first().textContent()) ?? '';
  await expect(flag).not.toHaveClass(/is-touched/);

  // In the raw pane: the flagged characters, underlined there, selected as a mouse would.
  await page
    .locator('.raw-flag')
    .first()
    .evaluate((mark) => {
      const range = document.createRange();
      range.selectNodeContents(mark);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
  await expect(flag).toHaveClass(/is-touched/);
  await page.locator('.raw-flag').first().click();
  await expect(flag).not.toHaveClass(/is-touched/);

  // In the editor: first text away from the flag, then the flagged characters.
  const block = page.getByTestId('block-text').filter({ hasText: suspect }).first();
  const at = (await block.inputValue()).indexOf(suspect);
  // As the editor would: the caret put before the characters, then Shift+Right over them.
  const select = async (start: number, end: number) => {
    await block.evaluate((area, from) => {
      (area as HTMLTextAreaElement).focus();
      (area as HTMLTextAreaElement).setSelectionRange(from, from);
    }, start);
    for (let i = start; i < end; i++) await page.keyboard.press('Shift+ArrowRight');
  };
  await select(at + suspect.length + 20, at + suspect.length + 24);
  await expect(flag).not.toHaveClass(/is-touched/);
  await select(at, at + suspect.length);
  await expect(flag).toHaveClass(/is-touched/);
  await page.screenshot({ path: join(SCREENSHOTS, 'desk-selected-zh.png') });
});

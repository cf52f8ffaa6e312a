import { expect, test, type Page } from '@playwright/test';
import {
  articles,
  blockTexts,
  openLibrary,
  openPage,
  readTable,
  revertFirstJoin,
  saved,
  SEEDS,
  values,
} from './support';

/** The same app as a build whose pipeline reports another version. */
async function reloadAsNewerBuild(page: Page): Promise<void> {
  const url = new URL(page.url());
  url.searchParams.set('pipelineVersion', '999');
  await page.goto(url.toString());
  await expect(page.getByTestId('desk')).toBeVisible();
}

test('should re-analyse a reviewed page for a newer pipeline with every decision in force', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);

  // Reject an automatic edit: a join reverted splits its paragraph.
  await page.getByTestId('tab-changes').click();
  const join = page.getByTestId('change').and(page.locator('[data-kind="join"]')).first();
  await join.getByTestId('revert').click();
  await saved(page);

  // Fix a character: accept the first OCR suggestion.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect(page.locator('.flag.is-selected')).toBeVisible();
  await page.keyboard.press('a');
  await saved(page);

  // Approve one split, reject another.
  const count = await articles(page).count();
  await articles(page).nth(1).getByTestId('approve-split').click();
  await saved(page);
  await articles(page).nth(2).getByTestId('reject-split').click();
  await expect(articles(page)).toHaveCount(count - 1);

  // Move a paragraph one place down.
  await articles(page).first().getByRole('button').first().click();
  const order = await values(blockTexts(page));
  await blockTexts(page).first().focus();
  await page.getByTestId('block').first().getByTestId('block-down').click();
  await saved(page);
  await expect.poll(() => values(blockTexts(page)).then((v) => v.slice(0, 2))).toEqual([order[1], order[0]]);

  const reviewed = await readTable(page, 'reviews');
  const pageId = (
    reviewed.find((r) =>
      (r.analysis as { edits: Array<{ status: string }> }).edits.some((e) => e.status === 'reverted'),
    ) as { pageId: string }
  ).pageId;
  const text = async () => (await values(blockTexts(page))).join('\n');
  const before = await text();
  expect((await readTable(page, 'decisions')).filter((d) => d.pageId === pageId).length).toBeGreaterThanOrEqual(5);

  await reloadAsNewerBuild(page);
  await expect
    .poll(
      async () =>
        ((await readTable(page, 'reviews')).find((r) => r.pageId === pageId)?.analysis as { pipelineVersion: number })
          .pipelineVersion,
      {
        timeout: 30_000,
      },
    )
    .toBe(999);
  await articles(page).first().getByRole('button').first().click();
  await expect(articles(page)).toHaveCount(count - 1);
  await expect(articles(page).nth(1).locator('.split-status')).toContainText('已批准');
  await expect.poll(() => values(blockTexts(page)).then((v) => v.slice(0, 2))).toEqual([order[1], order[0]]);
  expect(await text()).toBe(before);
  await expect(page.getByTestId('needs-look')).toHaveCount(0);
});

test('should re-analyse the open page on request (Alt+R) with its decisions in force, and record no step when nothing changed', async ({
  page,
}) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  // A reverted join: the pipeline's own reading of the page differs from what the editor sees.
  await revertFirstJoin(page);
  const text = async () => (await values(blockTexts(page))).join('\n');
  const before = await text();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('用当前流程重新分析本页');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).not.toBeVisible();

  // This build's pipeline reads the page as it did: the reverted join is replayed, nothing changes.
  await page.keyboard.press('Alt+r');
  await expect(page.getByText('重新应用您的审校决定后与原先相同')).toBeVisible();
  expect(await text()).toBe(before);
  await page.getByTestId('undo').click();
  await expect(page.getByText('已撤销：撤销改动')).toBeVisible();
  await expect.poll(text).not.toBe(before);
});

test('should show a decision whose target a re-analysis no longer finds as needing a look', async ({ page }) => {
  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  await articles(page).nth(1).getByTestId('approve-split').click();
  await saved(page);
  // The same pipeline finds every target again, so the vanished one is a split recorded at an
  // offset where no chunk starts, as an older pipeline's reading could have left it.
  const [decision] = (await readTable(page, 'decisions')).filter(
    (d) => (d.action as { type: string }).type === 'split',
  );
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('galley');
        open.onsuccess = () => {
          const tx = open.result.transaction('decisions', 'readwrite');
          tx.objectStore('decisions').put({
            ...row,
            id: `${row.pageId}|split@1`,
            key: 'split@1',
            action: { ...(row.action as object), chunkStart: 1 },
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    decision,
  );
  await reloadAsNewerBuild(page);
  await expect(page.getByTestId('needs-look')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('needs-look')).toHaveAttribute('data-reason', 'split-gone');
  await expect(page.getByTestId('needs-look')).toContainText('已批准的分篇');
});

test('should undo a page approval and a corpus flag dismissal after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await openLibrary(page);
  await openPage(page, SEEDS[1]);
  // A page is approved once every split is decided: approve each still open.
  const undecided = articles(page).filter({ has: page.getByTestId('approve-split') });
  for (let left = await undecided.count(); left > 0; left--) {
    await undecided.first().getByTestId('approve-split').click();
    await expect(undecided).toHaveCount(left - 1);
  }
  await articles(page).filter({ hasText: '锂渣' }).getByRole('button').first().click();
  await page.getByTestId('tab-flags').click();
  const variant = () => page.getByTestId('flag').filter({ hasText: '名称不一' }).first();
  await expect(variant()).toBeVisible({ timeout: 30_000 });
  await variant().getByTestId('dismiss-flag').click();
  await saved(page);
  await page.getByTestId('approve-page').click();
  await expect(page.getByTestId('page-status')).toHaveText('已通过');

  // Undo, each after a reload: first the approval, then the dismissal of the corpus check's flag.
  await page.reload();
  await expect(page.getByTestId('page-status')).toHaveText('已通过');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('page-status')).toHaveText('审校中');

  await page.reload();
  await expect(page.getByTestId('desk')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await saved(page);
  await articles(page).filter({ hasText: '锂渣' }).getByRole('button').first().click();
  await page.getByTestId('tab-flags').click();
  await expect(variant()).toBeVisible();
  await expect(variant()).not.toContainText('已忽略');
});

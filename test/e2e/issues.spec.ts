import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, ROOT, SCREENSHOTS, SEEDS } from './support';

/**
 * Issues (期) end to end: the seed pages renamed into two issues (two pages and three), imported
 * as a folder tree and as flat files named in each pattern, grouped, reviewed and exported.
 */

// A Chinese editor's machine: the date fields follow the system's locale.
test.use({ locale: 'zh-CN' });

const seed = (index: number) => join(ROOT, 'seeds', SEEDS[index]);
/** Issue A is seeds 1 and 0 in that page order, issue B seeds 4, 2 and 3: never the seeds' own order. */
const ISSUE_A = [1, 0];
const ISSUE_B = [4, 2, 3];

function folderTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'galley-issues-'));
  const archive = join(root, 'archive');
  for (const [folder, seeds] of [
    ['2023-10-18', ISSUE_A],
    ['1234期', ISSUE_B],
  ] as const) {
    mkdirSync(join(archive, folder), { recursive: true });
    seeds.forEach((index, page) =>
      copyFileSync(seed(index), join(archive, folder, `${String(page + 1).padStart(2, '0')}.txt`)),
    );
  }
  return archive;
}

/** The same two issues as flat files, named by `name(issue, page)`. */
function flatFiles(name: (issue: 0 | 1, page: number) => string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'galley-flat-'));
  return ([ISSUE_A, ISSUE_B] as const).flatMap((seeds, issue) =>
    seeds.map((index, page) => {
      const path = join(folder, name(issue as 0 | 1, page + 1));
      copyFileSync(seed(index), path);
      return path;
    }),
  );
}

const PATTERNS: Record<string, (issue: 0 | 1, page: number) => string> = {
  iso: (issue, page) => `2023-10-${issue === 0 ? 18 : 25}_${String(page).padStart(2, '0')}.txt`,
  compact: (issue, page) => `202310${issue === 0 ? 18 : 25}-${String(page).padStart(2, '0')}.txt`,
  chinese: (issue, page) => `四川科技报_2023年10月${issue === 0 ? 18 : 25}日_第${page}版.txt`,
  number: (issue, page) => `${issue === 0 ? 1234 : 1235}期_${page}.txt`,
};

const grouping = (page: Page) => page.getByTestId('grouping-dialog');
const issueRows = (page: Page) => page.getByTestId('issue-row');
const pageRows = (page: Page) => page.getByTestId('issue-page-row');

/** The import summary's issues: for each, the paths of its pages in the order shown. */
async function proposedIssues(page: Page): Promise<string[][]> {
  await expect(grouping(page)).toBeVisible();
  return grouping(page)
    .getByTestId('grouping-issue')
    .evaluateAll((issues) =>
      issues.map((issue) =>
        Array.from(issue.querySelectorAll('.grouping-page-path'), (path) => path.textContent ?? ''),
      ),
    );
}

/** Notices would cover the screenshots' lower right corner. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.locator('.notice-close');
  while ((await close.count()) > 0) await close.first().click();
}

async function importFlat(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles(paths);
}

test('should group a folder tree of two issues, in page order, and store it as the editor corrected it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLibrary(page);
  await page.getByTestId('folder-picker').setInputFiles(folderTree());

  expect(await proposedIssues(page)).toEqual([
    ['archive/2023-10-18/01.txt', 'archive/2023-10-18/02.txt'],
    ['archive/1234期/01.txt', 'archive/1234期/02.txt', 'archive/1234期/03.txt'],
  ]);
  // The second issue's folder names no date: the editor adds it before storing.
  await grouping(page).getByTestId('grouping-date').nth(1).fill('2023-10-25');
  await grouping(page).getByTestId('grouping-store').click();
  await expect(grouping(page)).toBeHidden();

  await expect(issueRows(page)).toHaveCount(2);
  await expect(issueRows(page).nth(0)).toContainText('2023年10月18日');
  await expect(issueRows(page).nth(1)).toContainText('2023年10月25日');
  await expect(issueRows(page).nth(1)).toContainText('第1234期');
  await expect(issueRows(page).nth(0).getByTestId('issue-approved')).toHaveText('已通过 0 / 2');
  await expect(page.getByTestId('loose-row')).toHaveCount(0);

  // Keyboard: into the list, open the second issue, its pages in order.
  await page.getByTestId('issue-table').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(pageRows(page)).toHaveCount(3);
  // The seeds are in the library already: the same bytes are the same pages, under their first names.
  const inIssueB = ISSUE_B.map((index) => SEEDS[index]);
  await expect(pageRows(page).locator('.link-button')).toHaveText(inIssueB);
  await expect(pageRows(page).locator('.issue-page-label')).toHaveText(['第1版', '第2版', '第3版']);

  // Alt+↓ moves a page within its issue; Ctrl+Z puts it back.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(pageRows(page).locator('.link-button')).toHaveText([inIssueB[1], inIssueB[0], inIssueB[2]]);
  await page.keyboard.press('Control+z');
  await expect(pageRows(page).locator('.link-button')).toHaveText(inIssueB);

  // Page names proposed from the banners, saved from the issue editor.
  await page.keyboard.press('e');
  const editor = page.getByTestId('issue-edit-dialog');
  await expect(editor).toBeVisible();
  await editor.getByTestId('propose-names').click();
  await expect(editor.getByTestId('issue-page-name').first()).not.toHaveValue('');
  await editor.getByTestId('issue-save').click();
  await expect(editor).toBeHidden();
  await expect(pageRows(page).first().locator('.issue-page-label')).toHaveText(/^第1版 · .+/);
  await dismissNotices(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'issues-library-zh.png') });

  // The desk names the issue and steps through its pages in order.
  await pageRows(page).first().locator('.link-button').click();
  await expect(page.getByTestId('desk-issue')).toContainText('第1234期');
  await expect(page.getByTestId('desk-issue')).toContainText('第 1 / 3 版');
  await expect(page.getByTestId('article-item').first()).toBeVisible();
  await dismissNotices(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'issues-desk-zh.png') });
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('desk-issue')).toContainText('第 2 / 3 版');
  await expect(page.locator('.page-title')).toHaveText(inIssueB[1]);
  await page.keyboard.press('Alt+PageUp');
  await expect(page.getByTestId('desk-issue')).toContainText('第 1 / 3 版');

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByTestId('desk-issue')).toContainText('No. 1234');
  await dismissNotices(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'issues-desk-en.png') });
  await page.getByRole('button', { name: /Library/ }).click();
  await expect(issueRows(page)).toHaveCount(2);
  await dismissNotices(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'issues-library-en.png') });
});

for (const [pattern, name] of Object.entries(PATTERNS)) {
  test(`should group flat files named by the ${pattern} pattern the same way`, async ({ page }) => {
    await openLibrary(page);
    await importFlat(page, flatFiles(name));
    expect(await proposedIssues(page)).toEqual([
      ISSUE_A.map((_, i) => name(0, i + 1)),
      ISSUE_B.map((_, i) => name(1, i + 1)),
    ]);
  });
}

test('should group ticked pages by hand, add to and take from an issue, each undoable', async ({ page }) => {
  await openLibrary(page);
  await importFlat(page, flatFiles(PATTERNS.iso));
  await grouping(page).getByRole('button', { name: '全部不归期' }).click();
  await expect(grouping(page)).toBeHidden();

  // No issue yet: the plain page list; by issue, every page is loose.
  await page.getByTestId('view-issues').check({ force: true });
  await expect(page.getByTestId('loose-row')).toContainText('5 版');
  const loose = pageRows(page);
  await loose.nth(0).getByRole('checkbox').check();
  await loose.nth(1).getByRole('checkbox').check();
  await page.getByTestId('group-checked').click();
  const editor = page.getByTestId('issue-edit-dialog');
  await editor.getByTestId('issue-date').fill('2023-11-01');
  await editor.getByTestId('issue-save').click();
  await expect(issueRows(page)).toHaveCount(1);
  await expect(issueRows(page)).toContainText('2023年11月1日');
  await expect(issueRows(page)).toContainText('2 版');

  await pageRows(page).last().getByRole('checkbox').check();
  await page.getByTestId('add-checked').click();
  await expect(issueRows(page)).toContainText('3 版');
  await page.getByTestId('issue-undo').click();
  await expect(issueRows(page)).toContainText('2 版');
  await page.getByTestId('issue-undo').click();
  await page.getByTestId('issue-undo').click();
  await expect(issueRows(page)).toHaveCount(0);
  await expect(page.getByTestId('loose-row')).toContainText('5 版');
});

/** Approves the page open on the desk: the confident splits first, then the page. */
async function approveOpenPage(page: Page) {
  await expect(page.getByTestId('article-item').first()).toBeVisible();
  await page.getByTestId('approve-above').click();
  await expect(page.getByTestId('save-state')).toHaveText('已保存');
  await page.getByTestId('approve-page').click();
  await expect(page.getByTestId('page-status')).toHaveText('已通过');
}

async function exportIssueAsJson(page: Page): Promise<string> {
  const dialog = page.getByTestId('issue-export-dialog');
  await dialog.getByRole('radio', { name: /JSON/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('issue-export-run').click();
  const path = await (await download).path();
  await expect(dialog.getByTestId('issue-export-outcome')).toBeVisible();
  return readFileSync(path, 'utf8');
}

test('should review and approve an issue page by page, export it whole, and import the JSON back identical', async ({
  page,
  browser,
}) => {
  await openLibrary(page);
  await importFlat(
    page,
    [seed(4), seed(0)].map((from, i) => {
      const to = join(mkdtempSync(join(tmpdir(), 'galley-one-')), `2023-11-08_0${i + 1}.txt`);
      copyFileSync(from, to);
      return to;
    }),
  );
  await grouping(page).getByTestId('grouping-store').click();
  await expect(issueRows(page)).toHaveCount(1);
  await issueRows(page).click();
  await page.keyboard.press('ArrowRight');

  await pageRows(page).first().locator('.link-button').click();
  await approveOpenPage(page);
  await page.getByRole('button', { name: /文库/ }).click();

  // One page still open: the export names it and asks to export anyway.
  await issueRows(page).getByTestId('export-issue').click();
  await expect(page.getByTestId('issue-export-open')).toContainText(SEEDS[0]);
  await expect(page.getByTestId('issue-export-run')).toHaveText('仍然导出');
  await page.keyboard.press('Escape');

  await pageRows(page).first().locator('.link-button').click();
  // The issue keys belong to the desk: wait until it shows the first page before pressing one.
  await expect(page.getByTestId('article-item').first()).toBeVisible();
  await page.keyboard.press('Alt+PageDown');
  await expect(page.locator('.page-title')).toHaveText(SEEDS[0]);
  await approveOpenPage(page);
  await page.getByRole('button', { name: /文库/ }).click();
  await expect(issueRows(page).getByTestId('issue-status')).toHaveText('已通过');
  await expect(issueRows(page).getByTestId('issue-approved')).toHaveText('已通过 2 / 2');

  await issueRows(page).getByTestId('export-issue').click();
  await expect(page.getByTestId('issue-export-open')).toHaveCount(0);
  await expect(page.getByTestId('issue-export-run')).toHaveText('导出本期');
  const exported = await exportIssueAsJson(page);
  await page.keyboard.press('Escape');
  await expect(issueRows(page).getByTestId('issue-status')).toHaveText('已导出');

  // A fresh profile imports the document: the same issue, exporting again to the same document.
  const other = await browser.newPage();
  await openLibrary(other);
  const file = join(mkdtempSync(join(tmpdir(), 'galley-json-')), '2023-11-08.json');
  writeFileSync(file, exported);
  await importFlat(other, [file]);
  await expect(issueRows(other)).toHaveCount(1);
  await expect(issueRows(other)).toContainText('2023年11月8日');
  await issueRows(other).getByTestId('export-issue').click();
  const again = await exportIssueAsJson(other);
  // Only the times of this export and of each page's import here differ: the fresh profile holds the seeds from its own first start.
  const withoutLocalTimes = (json: string) => json.replace(/"(exportedAt|importedAt)": \d+/g, '"$1": 0');
  expect(withoutLocalTimes(again)).toBe(withoutLocalTimes(exported));
  await other.close();
});

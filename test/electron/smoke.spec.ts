/**
 * The web end-to-end smoke, run in the real Electron app built to out/: seeds arrive through the
 * preload and main process, and import goes through the File menu and the system dialog (stubbed
 * in the main process, as no test can click a native dialog).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electron-binary';

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const ADDED_PAGE = join(ROOT, 'test/e2e/fixtures/added-page.txt');
const SEEDS = readdirSync(join(ROOT, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

const rows = (page: Page) => page.getByTestId('page-row');

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'galley-electron-'));
  app = await electron.launch({
    executablePath: electronBinary(),
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, GALLEY_USER_DATA_DIR: userData },
    cwd: ROOT,
  });
  page = await app.firstWindow();
  await expect(rows(page)).toHaveCount(SEEDS.length);
});

test.afterEach(async () => {
  await app.close();
  rmSync(userData, { recursive: true, force: true });
});

test('should load from app:// with the sandboxed bridge only', async () => {
  expect(page.url()).toBe('app://galley/index.html');
  const exposed = await page.evaluate(() => ({
    host: (window as Window & { galley?: { host: string } }).galley?.host,
    require: typeof (window as Window & { require?: unknown }).require,
    process: typeof (window as Window & { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ host: 'electron', require: 'undefined', process: 'undefined' });
});

test('should show the seed pages once, also after a reload', async () => {
  await expect(rows(page).first()).toContainText(SEEDS[0]);
  await page.reload();
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await page.waitForTimeout(500);
  await expect(rows(page)).toHaveCount(SEEDS.length);
  await page.screenshot({ path: join(SCREENSHOTS, 'electron-library.png') });
});

test('should open a page and show its raw text', async () => {
  await rows(page).getByRole('button', { name: SEEDS[1], exact: true }).click();
  const longest = readFileSync(join(ROOT, 'seeds', SEEDS[1]), 'utf8')
    .split('\n')
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .trim();
  await expect(page.getByTestId('raw-page')).toContainText(longest);
  await page.screenshot({ path: join(SCREENSHOTS, 'electron-page.png') });
});

test('should add one page imported through File > Import…', async () => {
  await app.evaluate(({ dialog, Menu }, file) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [file] });
    Menu.getApplicationMenu()?.getMenuItemById('file.import')?.click();
  }, ADDED_PAGE);
  await expect(rows(page)).toHaveCount(SEEDS.length + 1);
  await expect(rows(page).filter({ hasText: 'added-page.txt' })).toHaveCount(1);
});

test('should not navigate away or open windows', async () => {
  await page.evaluate(() => {
    window.open('https://example.com/');
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://galley/index.html');
});

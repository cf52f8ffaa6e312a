import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileBackups, hostileCases, hugeFile, type HostileFile } from '../fixtures/hostile/cases';

const SEED_COUNT = 5;
const DIR = join(import.meta.dirname, '../../test-results/hostile-files');

/** The 50 MB file is too big to hand over as a buffer, so every case goes through a real file. */
function onDisk(files: readonly HostileFile[]): string[] {
  mkdirSync(DIR, { recursive: true });
  return files.map((file) => {
    const path = join(DIR, file.name);
    writeFileSync(path, file.bytes);
    return path;
  });
}

async function startFresh(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('page-row')).toHaveCount(SEED_COUNT);
}

async function importFiles(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入页面…' }).click();
  await (await chooser).setFiles(paths);
}

async function restore(page: Page, path: string) {
  page.once('dialog', (dialog) => void dialog.accept());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '恢复…' }).click();
  await (await chooser).setFiles(path);
}

const cases = hostileCases();
const refused = [...cases.filter((c) => 'refused' in c.outcome).map((c) => c.file), hugeFile()];
const accepted = cases.filter((c) => 'encoding' in c.outcome).map((c) => c.file);

test('should name every refused file with its reason and keep the page count', async ({ page }) => {
  await startFresh(page);
  await importFiles(page, onDisk(refused));

  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`${refused.length} 个文件无法导入`);
  // One line per file in the interface language; the engine's English stays in the technical detail below.
  const line = (name: string) => alert.getByRole('listitem').filter({ hasText: `${name}: ` });
  for (const { file, outcome } of cases) {
    if ('refused' in outcome) await expect(line(file.name)).toHaveText(new RegExp(`^${file.name}: \\S`));
  }
  await expect(line('huge.txt')).toContainText('8.0 MB');
  await expect(page.getByTestId('page-row')).toHaveCount(SEED_COUNT);
  await page.reload();
  await expect(page.getByTestId('page-row')).toHaveCount(SEED_COUNT);
});

test('should import odd but valid encodings alongside the refusals', async ({ page }) => {
  await startFresh(page);
  await importFiles(page, onDisk([...accepted, ...refused.slice(0, 2)]));

  await expect(page.getByTestId('page-row')).toHaveCount(SEED_COUNT + accepted.length);
  for (const file of accepted) await expect(page.getByTestId('page-row').filter({ hasText: file.name })).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText(refused[0].name);
});

for (const { file, shown } of hostileBackups()) {
  test(`should refuse to restore ${file.name} and leave the library as it was`, async ({ page }) => {
    await startFresh(page);
    await restore(page, onDisk([file])[0]);

    const alert = page.getByRole('alert').filter({ hasText: file.name });
    await expect(alert).toContainText('未能恢复，文库未作任何改动');
    await expect(alert).toContainText(shown);
    await expect(page.getByTestId('page-row')).toHaveCount(SEED_COUNT);
  });
}

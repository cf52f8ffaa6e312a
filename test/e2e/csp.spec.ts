import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';
import { openLibrary, openPage, SEEDS } from './support';

test('should serve the app under its policy and run without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

  await openLibrary(page);
  await openPage(page, SEEDS[0]);
  await page.getByRole('button', { name: '← 文库' }).click();
  await expect(page.getByTestId('page-row')).toHaveCount(SEEDS.length);
  expect(violations).toEqual([]);
});

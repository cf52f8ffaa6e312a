import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from './scripts/chromium-args';

/** Debian's Chromium: Playwright's own browser downloads are not possible on these machines. */
const executablePath = process.env.GALLEY_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath} for the end-to-end tests. Install it with: apt-get install -y chromium ` +
      '(or set GALLEY_CHROMIUM to a Chromium or Chrome executable).',
  );
}

// Several checkouts on one machine each run their own preview server, so the port can be moved.
const PORT = Number(process.env.GALLEY_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  // A page's first analysis runs in a worker; on two busy cores it can take longer than 5 s.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}/`,
    trace: 'off',
    screenshot: 'off',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // Serves the built dist-web (`npm run test:e2e` builds it first), the same files users get.
    command: `npx vite preview --config vite.web.config.ts --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

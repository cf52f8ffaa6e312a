import { defineConfig } from '@playwright/test';
import { electronBinary } from './test/electron/electron-binary';

// Fails here, before any test is collected, when Electron is absent: `npm run test:electron` must
// never report a pass for tests that could not run.
electronBinary();

/** The Electron smoke test (`npm run test:electron`, which builds out/ first). Not part of `npm test`. */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
});

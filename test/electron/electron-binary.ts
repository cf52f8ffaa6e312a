import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable the `electron` package points at. The package is installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 on machines that can't fetch it; then `require('electron')`
 * throws or names a missing file, and the Electron tests must fail rather than pass empty.
 */
export function electronBinary(): string {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    throw new Error(`Electron binary not installed: ${(error as Error).message}. ${HOW_TO_INSTALL}`);
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    throw new Error(`Electron binary not installed: ${String(binary)} does not exist. ${HOW_TO_INSTALL}`);
  }
  return binary;
}

const HOW_TO_INSTALL =
  'Run `node node_modules/electron/install.js` on a machine with network access to download it, ' +
  'or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 39 build. `npm test` (web build in Chromium) does not need it.';

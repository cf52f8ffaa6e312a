import { existsSync } from 'node:fs';

/** The Chromium the end-to-end tests and benchmarks drive: GALLEY_CHROMIUM, else Debian's. */
export function chromiumPath() {
  const candidates = [process.env.GALLEY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

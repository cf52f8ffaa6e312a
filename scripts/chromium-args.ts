/**
 * The flags every headless Chromium the project drives runs with (the end-to-end tests, the
 * benchmarks, the OCR set's page renderer): no sandbox (containers), no GPU, and nothing that
 * reaches the network or updates itself during a measure.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The whole suite, as the README promises: type-check, lint, format check, unit tests, end-to-end tests in a real
// Chromium. Every step runs even when an earlier one fails, then one summary line says what ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

const browser = chromiumPath();
if (!browser) {
  console.error(
    'No Chromium found for the end-to-end tests.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere: set GALLEY_CHROMIUM to a Chromium or Chrome executable.\n' +
      '(`npx playwright install` also works where its downloads are allowed.)',
  );
  process.exit(1);
}

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return status === 0;
}

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

for (const file of ['vitest.json', 'playwright.json']) rmSync(`${results}/${file}`, { force: true });

const steps = [];
steps.push(['typecheck', run('type-check', 'npx', ['tsc', '--noEmit'])]);
steps.push(['lint', run('lint', 'npx', ['eslint', '.'])]);
steps.push(['format', run('format check', 'npx', ['prettier', '--check', '.'])]);
steps.push([
  'unit',
  run('unit tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${results}/vitest.json`,
  ]),
]);
const built = run('web build', 'npm', ['run', '--silent', 'build:web']);
steps.push(['web build', built]);
if (built) {
  steps.push([
    'e2e',
    run('end-to-end tests', 'npx', ['playwright', 'test', '-c', 'playwright.config.ts', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json`,
      GALLEY_CHROMIUM: browser,
    }),
  ]);
}

const unit = readJson(`${results}/vitest.json`);
const e2e = readJson(`${results}/playwright.json`);
const counts = {
  unit: unit && {
    passed: unit.numPassedTests,
    failed: unit.numFailedTests,
    skipped: unit.numPendingTests + unit.numTodoTests,
  },
  e2e: e2e && {
    passed: e2e.stats.expected + e2e.stats.flaky,
    failed: e2e.stats.unexpected,
    skipped: e2e.stats.skipped,
  },
};

console.log('\n── summary ──');
for (const [name, ok] of steps) console.log(`${ok ? '✓' : '✗'} ${name}`);
let passed = 0;
let failed = steps.filter(([, ok]) => !ok).length;
let skipped = 0;
for (const [name, count] of Object.entries(counts)) {
  if (!count) {
    console.log(`${name}: did not report (counted as a failure)`);
    failed++;
    continue;
  }
  console.log(`${name}: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
  passed += count.passed;
  failed += count.failed;
  skipped += count.skipped;
}
// A skipped test is not a pass: the suite has none by design, so any skip fails the run.
if (skipped > 0) failed += skipped;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

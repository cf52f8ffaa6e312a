// `npm run bench`: builds the web app, serves the build with `vite preview`, then runs bench/run.ts
// (corpus, Chromium measurements, table, bench/results.json, docs/benchmarks.md).
// BENCH_PAGES and BENCH_SEED change the corpus; BENCH_SKIP_BUILD=1 reuses the last benchmark build.
// BENCH_PORT (default 4183) is the preview server's port.
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium.mjs';

// BENCH_PORT lets two checkouts on one machine benchmark at once, each with its own server and build.
const PORT = Number(process.env.BENCH_PORT ?? 4183);
// A build of its own: dist-web is rebuilt by every end-to-end run, which must not change the app
// under a benchmark that is running.
const OUT_DIR = join(tmpdir(), PORT === 4183 ? 'galley-bench-web' : `galley-bench-web-${PORT}`);
const browser = chromiumPath();
if (!browser) {
  console.error(
    'No Chromium found for the benchmarks. Debian/Ubuntu: sudo apt-get install -y chromium (or set GALLEY_CHROMIUM).',
  );
  process.exit(1);
}

if (!process.env.BENCH_SKIP_BUILD) {
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', OUT_DIR, '--emptyOutDir'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--config', 'vite.web.config.ts', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  },
);
const stopServer = () => {
  // The server runs in its own process group (npx → vite); end that group only.
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    if (String(chunk).includes(`${PORT}`)) resolve(undefined);
  });
  server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
});

// lintCorpus needs every page of the corpus at once, 16 KB a page of text and chunks before its own
// indexes: 1.6 GB at 100,000 pages, most of Node's default heap limit (4 GB here).
const run = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/run.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_URL: `http://localhost:${PORT}/`, GALLEY_CHROMIUM: browser },
});
stopServer();
process.exit(run.status ?? 1);

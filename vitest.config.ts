import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**'],
    environment: 'node',
    passWithNoTests: false,
    // A missing snapshot fails (vitest writes it by default outside CI); `UPDATE=1` or `-u` writes.
    update: process.env.UPDATE ? 'all' : 'none',
  },
});

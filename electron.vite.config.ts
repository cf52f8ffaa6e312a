import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // Bundle zod and friends into main so the packaged app needs no node_modules at run time.
      externalizeDeps: false,
      rollupOptions: { input: { index: fromRoot('./src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { preload: fromRoot('./src-main/preload.ts') },
        // Sandboxed preloads are loaded as classic scripts: ESM is not an option there, and the
        // package is "type": "module", so CommonJS output needs the .cjs extension.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./src-renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: fromRoot('./src-renderer/index.html') } },
    },
  },
});

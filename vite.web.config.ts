import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './src-main/csp';

/** Every response of the dev server and of `vite preview` carries the app's policy as a header. */
const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/** The page carries the policy too, for a dist-web copied to a server that sends no header. */
export function cspMeta(): Plugin {
  return {
    name: 'galley-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Galley as a plain web page (`npm run web`, and the build the end-to-end tests drive). */
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist-web', import.meta.url)),
    emptyOutDir: true,
    // Seeds must stay files: an inlined data: URL would be refused by the CSP's connect-src 'self'.
    assetsInlineLimit: 0,
  },
  server: { port: 5173, headers: SECURITY_HEADERS },
  preview: { port: 4173, headers: SECURITY_HEADERS },
});

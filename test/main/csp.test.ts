import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name, sources];
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('should set %s to %j', (name, sources) => {
    expect(directives.get(name)).toEqual(sources);
  });

  it('should set nothing else', () => {
    expect(directives.size).toBe(12);
  });

  it('should never allow eval, inline script or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    const beyondConnect = CONTENT_SECURITY_POLICY.split('; ').filter((part) => !part.startsWith('connect-src '));
    expect(beyondConnect.join('; ')).not.toMatch(/https?:|wss?:|\*/);
  });
});

describe('one policy for the Electron app and the web build', () => {
  it('should give the page a meta policy with every directive a meta policy can carry', async () => {
    const { META_CONTENT_SECURITY_POLICY } = await import('../../src-main/csp');
    const header = CONTENT_SECURITY_POLICY.split('; ');
    expect(META_CONTENT_SECURITY_POLICY.split('; ')).toEqual(
      header.filter((directive) => !directive.startsWith('frame-ancestors ')),
    );
  });

  it('should send the policy as a header from the web dev server and the preview, and put it in the page', async () => {
    const { default: config, cspMeta } = await import('../../vite.web.config');
    const { META_CONTENT_SECURITY_POLICY } = await import('../../src-main/csp');
    expect(config.server?.headers?.['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(config.preview?.headers?.['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const hook = cspMeta().transformIndexHtml as () => unknown;
    expect(hook()).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ]);
  });
});

describe('zod under the policy', () => {
  const ROOT = join(import.meta.dirname, '../..');
  it.each([
    'src-renderer/main.tsx',
    'src-renderer/workers/analyze.worker.ts',
    'src-renderer/workers/corpus.worker.ts',
    'src-main/index.ts',
  ])('should be configured jitless by %s before anything else it imports', (entry) => {
    const imports = readFileSync(join(ROOT, entry), 'utf8').match(/^import .*$/gm) ?? [];
    const config = imports.findIndex((line) => line.includes('src-shared/zod-config'));
    // src-main/index.ts installs its security hooks first; nothing there parses a schema.
    expect(config).toBe(entry === 'src-main/index.ts' ? 1 : 0);
  });

  it('should never probe eval once configured', async () => {
    await import('../../src-shared/zod-config');
    const { globalConfig } = await import('zod/v4/core');
    expect(globalConfig.jitless).toBe(true);
  });
});

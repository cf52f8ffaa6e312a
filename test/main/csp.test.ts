import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy in production', () => {
  const policy = directives(contentSecurityPolicy('production'));

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('should set %s to %j', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  it('should never allow eval, inline script or remote hosts', () => {
    const text = contentSecurityPolicy('production');
    expect(text).not.toContain('unsafe-eval');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(text).not.toMatch(/https?:|ws:|\*/);
  });
});

describe('contentSecurityPolicy in development', () => {
  const policy = directives(contentSecurityPolicy('development', 'http://localhost:5173/'));

  it("should allow the dev server's inline preamble and its websocket only", () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
  });

  it('should still refuse eval, plugins and framing', () => {
    expect(contentSecurityPolicy('development', 'http://localhost:5173/')).not.toContain('unsafe-eval');
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

/**
 * The Content-Security-Policy sent with every page of the app, the one definition for the Electron
 * protocol and session and for the web build's server, preview and page (vite.web.config.ts): only
 * the app's own files, no inline or eval'd script, no plugins, no framing. The one way out is
 * `connect-src` to the team's CouchDB server (src-renderer/sync/team-server.ts): over https, or plain
 * http to this machine only. The policy cannot name the configured server, since the web build's
 * page carries it fixed, so it allows the schemes the address check allows.
 * Inline styles stay allowed because React writes `style` attributes (list virtualization
 * positions rows that way). The same policy serves the dev server: Vite's client loads as a file,
 * and CSP3's 'self' covers its same-host HMR websocket. Zod runs jitless (src-shared/zod-config.ts)
 * so its eval probe never meets script-src.
 */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Browsers ignore these in a `<meta>` policy (and log an error): only a header can carry them. */
const HEADER_ONLY = new Set(['frame-ancestors']);

function serialize(directives: ReadonlyArray<[string, string[]]>): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = serialize(Object.entries(DIRECTIVES));

/** The same policy for a page's `<meta http-equiv>`, for a web build served without the header. */
export const META_CONTENT_SECURITY_POLICY = serialize(
  Object.entries(DIRECTIVES).filter(([name]) => !HEADER_ONLY.has(name)),
);

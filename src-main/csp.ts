/**
 * The Content-Security-Policy sent with every page of the app: only the app's own files, no inline
 * or eval'd script, no plugins, no framing, no remote connections. Inline styles stay allowed
 * because React writes `style` attributes (list virtualization positions rows that way). The same
 * policy serves the dev server: Vite's client loads as a file, and CSP3's 'self' covers its
 * same-host HMR websocket.
 */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

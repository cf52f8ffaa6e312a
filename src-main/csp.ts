/**
 * The Content-Security-Policy sent with every page of the app. Production allows only the app's
 * own files: no inline or eval'd script, no plugins, no framing, no remote connections. Inline
 * styles stay allowed because React writes `style` attributes (list virtualization positions rows
 * that way). The dev server needs its inline HMR preamble and websocket, and gets only that.
 */
export type CspMode = 'production' | 'development';

export function contentSecurityPolicy(mode: CspMode, devServerUrl?: string): string {
  const dev = mode === 'development' && devServerUrl ? new URL(devServerUrl) : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", `ws://${dev.host}`] : ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

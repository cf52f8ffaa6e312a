/**
 * Which URLs belong to Galley itself. Everything else (remote pages, file://, other local ports,
 * look-alike hosts) is untrusted: the window may not navigate there and frames from there may not
 * call IPC. Pure functions over `unknown` so tests can feed them anything a page could produce.
 */

/** The custom scheme the packaged renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'galley';
export const PACKAGED_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is on the same scheme, host and port as `appOrigin`. Compares the parts rather
 * than `URL.origin` because a non-special scheme such as `app:` has an opaque origin ("null")
 * outside Chromium, where the host of such a URL is also left in its original case. URLs carrying
 * credentials are refused: no page of ours links like that.
 */
export function isTrustedUrl(url: unknown, appOrigin: string): boolean {
  const candidate = parse(url);
  const trusted = parse(appOrigin);
  if (!candidate || !trusted) return false;
  if (candidate.username !== '' || candidate.password !== '') return false;
  return (
    candidate.protocol === trusted.protocol &&
    candidate.host !== '' &&
    candidate.host.toLowerCase() === trusted.host.toLowerCase()
  );
}

/**
 * Whether an IPC message may be served: it must come from a live main frame (not an iframe) whose
 * document is one of ours. `frame` is Electron's `event.senderFrame`, which is null once the frame
 * has navigated away or been destroyed.
 */
export function isTrustedSenderFrame(frame: unknown, appOrigin: string): boolean {
  if (typeof frame !== 'object' || frame === null) return false;
  const { url, parent } = frame as { url?: unknown; parent?: unknown };
  return parent === null && isTrustedUrl(url, appOrigin);
}

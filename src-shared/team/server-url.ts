/**
 * The team's server as the editor types it: the address of one CouchDB database, for example
 * `https://couch.example.org/sckjb`. Solo use leaves it empty and nothing is ever sent.
 */
export type TeamServerCheck =
  | { ok: true; url: string | null }
  | { ok: false; reason: 'not-a-url' | 'not-http' | 'insecure' | 'no-database' | 'credentials' };

/** Hosts that are this machine: plain http to them never crosses a network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Checks an address for the team server. Plain http is refused outside this machine, since
 * decisions and page text would cross the network readable; a user name or password in the address
 * is refused, since the address is stored in plain text. The database is the address' path.
 * `url` is null for an empty address (solo use), else the address normalised without a final slash.
 */
export function checkTeamServer(input: string): TeamServerCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, url: null };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not-http' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, reason: 'insecure' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const database = url.pathname.replace(/^\/+|\/+$/g, '');
  if (database === '' || url.search || url.hash) return { ok: false, reason: 'no-database' };
  return { ok: true, url: `${url.origin}/${database}` };
}

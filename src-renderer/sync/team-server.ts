/** How long a desk waits at most between two tries to reach a server that went away. */
const MAX_RETRY_MS = 10_000;

/** The wait before the next try to reach the server: one second, doubling up to ten. */
export function nextRetryDelay(last: number): number {
  return last === 0 ? 1000 : Math.min(last * 2, MAX_RETRY_MS);
}

/** Whether the server answered no (no access, no such database), as against not answering at all. */
export function isRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The local replica's name: one per team database, so a desk that changes teams never mixes their
 * documents. The address is encoded: PouchDB takes a name holding `://` for a remote database.
 */
export function replicaName(serverUrl: string): string {
  return `galley-team-${encodeURIComponent(serverUrl)}`;
}

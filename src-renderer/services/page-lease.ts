/**
 * One tab at a time edits a page: the tab that opens it first holds a Web Lock named after it
 * until it leaves the page (or closes). Another tab opening the same page is told it is held
 * elsewhere, shows it read-only, and takes the lease over as soon as it is free, so two tabs never
 * write the same review at once and no keystroke is lost to the other's write.
 */
export function leasePage(pageId: string, onHeld: (held: boolean) => void): () => void {
  const locks = globalThis.navigator?.locks;
  if (!locks) {
    // No Web Locks (a test environment): there is no other tab to share the page with.
    onHeld(true);
    return () => {};
  }
  const name = `galley-page:${pageId}`;
  const stop = new AbortController();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = async (lock: Lock | null): Promise<boolean> => {
    if (!lock || stop.signal.aborted) return false;
    onHeld(true);
    await released;
    return true;
  };
  void locks
    .request(name, { ifAvailable: true }, hold)
    .then(async (held) => {
      if ((await held) || stop.signal.aborted) return;
      onHeld(false);
      return locks.request(name, { signal: stop.signal }, hold);
    })
    // Leaving the page while still waiting aborts the request; nothing is held then.
    .catch(() => {});
  return () => {
    stop.abort();
    release();
  };
}

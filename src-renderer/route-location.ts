import { useUi, type Route } from './store/ui';

const PAGE_HASH = /^#\/page\/([^/?#]+)$/;

/** `#/page/<id>` opens that page; anything else is the library. */
export function routeFromHash(hash: string): Route {
  const match = PAGE_HASH.exec(hash);
  return match ? { name: 'page', pageId: decodeURIComponent(match[1]) } : { name: 'library' };
}

export function hashFor(route: Route): string {
  return route.name === 'page' ? `#/page/${encodeURIComponent(route.pageId)}` : '';
}

/**
 * Keeps the route in the URL hash, so a reload returns the editor to the page they were on and
 * the back button leaves the desk. In-page navigation: Electron's navigation guard is not involved.
 */
export function bindRouteToLocation(win: Window): () => void {
  useUi.setState({ route: routeFromHash(win.location.hash) });
  const unsubscribe = useUi.subscribe((state, previous) => {
    if (state.route === previous.route) return;
    const hash = hashFor(state.route);
    if (win.location.hash === hash) return;
    win.history.pushState(null, '', hash || `${win.location.pathname}${win.location.search}`);
  });
  const onPopState = () => useUi.setState({ route: routeFromHash(win.location.hash) });
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}

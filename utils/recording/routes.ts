/** What the routes watcher needs of the Navigation API: an event target with the current entry. */
export interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
}

/**
 * Reports client-side route changes, each once the new route has painted: the callback receives
 * the new URL and the milliseconds from the URL change to the next paint. Changes of the hash alone
 * are not routes.
 *
 * Nothing of the page is patched (a patched `history.pushState` is a cheap tell of a recorder): the
 * Navigation API's `currententrychange` fires synchronously inside the page's `pushState`,
 * `replaceState` and traversals, so the time of the change is the time of the call, as it was with
 * the old patch. Where the API is missing, `popstate`, `hashchange` and a check of the address every
 * `pollMs` find the change late, and the time is taken from when it was found.
 */
export function watchRoutes(
  win: Window,
  onRoute: (url: string, toPaint: number) => void,
  o: { navigation?: NavigationLike | null; pollMs?: number; setInterval?: (fn: () => void, ms: number) => unknown } = {},
): void {
  let current = routeKey(win.location.href);
  let pending: { t0: number } | undefined;

  const changed = () => {
    const key = routeKey(win.location.href);
    if (key === current) return;
    current = key;
    if (pending) return; // several calls in one frame: one route, timed from the first
    pending = { t0: win.performance.now() };
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        const t0 = pending?.t0 ?? win.performance.now();
        pending = undefined;
        onRoute(win.location.href, Math.max(0, win.performance.now() - t0));
      }, 0),
    );
  };

  const navigation = o.navigation === undefined ? (win as Window & { navigation?: NavigationLike }).navigation : o.navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', changed);
    return;
  }
  win.addEventListener('popstate', changed);
  win.addEventListener('hashchange', changed);
  const every = o.setInterval ?? ((fn: () => void, ms: number) => win.setInterval(fn, ms));
  every(changed, o.pollMs ?? 250);
}

function routeKey(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname + url.search;
}

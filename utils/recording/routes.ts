/**
 * Reports client-side route changes (history API), each once the new route has painted: the callback
 * receives the new URL and the milliseconds from the history call to the next paint. Changes of the
 * hash alone are not routes.
 */
export function watchRoutes(win: Window, onRoute: (url: string, toPaint: number) => void): void {
  const history = win.history;
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

  for (const name of ['pushState', 'replaceState'] as const) {
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(history) as object, name)?.value as History['pushState'];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = Reflect.apply(original, this, args);
      changed();
      return result;
    };
  }
  win.addEventListener('popstate', changed);
}

function routeKey(href: string): string {
  const url = new URL(href);
  return url.origin + url.pathname + url.search;
}

import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { watchRoutes } from '../../../utils/recording/routes';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

/**
 * A page at `url` watched for routes, and what it reported. happy-dom has no Navigation API: a plain
 * event target plays it, told of each change as the browser tells (synchronously, inside the call).
 */
function watched(url = 'https://shop.example/category/chaussures?page=1') {
  window = new Window({ url });
  const win = window as unknown as globalThis.Window;
  const navigation = new EventTarget();
  const routes: Array<{ url: string; toPaint: number }> = [];
  watchRoutes(win, (url, toPaint) => routes.push({ url, toPaint }), { navigation });
  const entryChanged = () => navigation.dispatchEvent(new Event('currententrychange'));
  const history = {
    pushState(state: unknown, title: string, to: string) {
      win.history.pushState(state, title, to);
      entryChanged();
    },
    replaceState(state: unknown, title: string, to: string) {
      win.history.replaceState(state, title, to);
      entryChanged();
    },
  };
  /** Lets the next frame and the timers after it run. */
  const frame = () => window!.happyDOM.waitUntilComplete();
  return { win: { ...win, history, location: win.location, performance: win.performance } as unknown as globalThis.Window, page: win, routes, frame, entryChanged };
}

describe('watchRoutes', () => {
  it('reports a pushState to a new path once, with the new URL, after the next frame', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '/produit/derby-cuir');
    expect(routes).toEqual([]);
    await frame();
    expect(routes).toHaveLength(1);
    expect(routes[0]!.url).toBe('https://shop.example/produit/derby-cuir');
    expect(routes[0]!.toPaint).toBeGreaterThanOrEqual(0);
    await frame();
    expect(routes).toHaveLength(1);
  });

  it('patches nothing of the page: history keeps its own methods and no own property', () => {
    const { page } = watched();
    expect(Reflect.ownKeys(page.history)).toEqual([]);
    const proto = Object.getPrototypeOf(page.history) as History;
    expect(Object.getOwnPropertyDescriptor(page.history, 'pushState')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(proto, 'pushState')?.value).toBeTypeOf("function");
  });

  it('reports a change of the query string', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '?page=2');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/category/chaussures?page=2']);
  });

  it('does not report a change of the hash alone', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '#avis');
    win.history.replaceState({}, '', '#details');
    await frame();
    expect(routes).toEqual([]);
  });

  it('does not report a replaceState to the same URL', async () => {
    const { win, routes, frame } = watched();
    win.history.replaceState({ scroll: 200 }, '', win.location.href);
    await frame();
    expect(routes).toEqual([]);
  });

  it('reports a replaceState to a new path', async () => {
    const { win, routes, frame } = watched();
    win.history.replaceState({}, '', '/category/sacs');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/category/sacs']);
  });

  it('reports a traversal (back or forward) that changes the route', async () => {
    const { page, routes, frame, entryChanged } = watched();
    page.history.pushState({}, '', '/compte');
    entryChanged();
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/compte']);
  });

  it('reports two pushStates in the same frame once, with the last URL', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '/recherche?q=derby');
    win.history.pushState({}, '', '/produit/derby-cuir');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/produit/derby-cuir']);
  });

  it('reports pushStates in different frames each', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '/a');
    await frame();
    win.history.pushState({}, '', '/b');
    await frame();
    expect(routes.map((r) => new URL(r.url).pathname)).toEqual(['/a', '/b']);
  });

  it('times the route from the history call to the paint', async () => {
    const { win, routes, frame } = watched();
    const before = win.performance.now();
    win.history.pushState({}, '', '/a');
    await frame();
    const after = win.performance.now();
    expect(routes[0]!.toPaint).toBeLessThanOrEqual(after - before);
  });

  it('without the Navigation API, finds a change by checking the address, and on popstate', async () => {
    window = new Window({ url: 'https://shop.example/' });
    const win = window as unknown as globalThis.Window;
    const routes: string[] = [];
    let check: (() => void) | undefined;
    watchRoutes(win, (url) => routes.push(new URL(url).pathname), { navigation: null, setInterval: (fn) => (check = fn) });
    win.history.pushState({}, '', '/a');
    check!();
    await window.happyDOM.waitUntilComplete();
    win.history.pushState({}, '', '/b');
    win.dispatchEvent(new window.PopStateEvent('popstate', { state: {} }) as unknown as Event);
    await window.happyDOM.waitUntilComplete();
    expect(routes).toEqual(['/a', '/b']);
  });
});

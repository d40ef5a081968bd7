import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { watchRoutes } from '../../../utils/recording/routes';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

/** A page at `url` watched for routes, and what it reported. */
function watched(url = 'https://shop.example/category/chaussures?page=1') {
  window = new Window({ url });
  const win = window as unknown as globalThis.Window;
  const routes: Array<{ url: string; toPaint: number }> = [];
  watchRoutes(win, (url, toPaint) => routes.push({ url, toPaint }));
  /** Lets the next frame and the timers after it run. */
  const frame = () => window!.happyDOM.waitUntilComplete();
  return { win, routes, frame };
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

  it('still changes the URL as the page asked', () => {
    const { win } = watched();
    win.history.pushState({ n: 1 }, '', '/panier');
    expect(win.location.pathname).toBe('/panier');
    expect(win.history.state).toEqual({ n: 1 });
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

  it('reports a popstate that changes the route', async () => {
    const { win, routes, frame } = watched();
    // The browser moves the URL itself on back/forward: use History's own method, not the wrapped one.
    (Object.getPrototypeOf(win.history) as History).pushState.call(win.history, {}, '', '/compte');
    window!.dispatchEvent(new window!.PopStateEvent('popstate', { state: {} }));
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
});

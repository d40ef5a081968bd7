import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { routeIdentity, watchRoutes, type NavigationLike } from '../../../utils/recording/routes';

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
  // A page that has loaded, unless a test says otherwise.
  Object.defineProperty(win.document, 'readyState', { value: 'complete', configurable: true });
  const routes: Array<{ url: string; toPaint: number }> = [];
  const refined: Array<{ url: string; names: string[] }> = [];
  const renamed: string[] = [];
  watchRoutes(
    win,
    { route: (url, toPaint) => routes.push({ url, toPaint }), refine: (url, names) => refined.push({ url, names }), rename: (url) => renamed.push(url) },
    { navigation: navigation as unknown as NavigationLike },
  );
  const entryChanged = (navigationType = 'traverse') =>
    navigation.dispatchEvent(Object.assign(new Event('currententrychange'), { navigationType }));
  const history = {
    pushState(state: unknown, title: string, to: string) {
      win.history.pushState(state, title, to);
      entryChanged('push');
    },
    replaceState(state: unknown, title: string, to: string) {
      win.history.replaceState(state, title, to);
      entryChanged('replace');
    },
  };
  /** Lets the next frame and the timers after it run. */
  const frame = () => window!.happyDOM.waitUntilComplete();
  return { win: { ...win, history, location: win.location, performance: win.performance } as unknown as globalThis.Window, page: win, routes, refined, renamed, frame, entryChanged };
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

  it('reports a change of a query parameter that names the page', async () => {
    const { win, routes, refined, frame } = watched('https://shop.example/index.php?controller=product&id_product=1');
    win.history.pushState({}, '', '?controller=product&id_product=2');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/index.php?controller=product&id_product=2']);
    expect(refined).toEqual([]);
  });

  it('reports a new search term as a route, and a sort or filter of the results as a refinement', async () => {
    const { win, routes, refined, frame } = watched('https://shop.example/search?q=derby');
    win.history.pushState({}, '', '/search?q=derby&sort_by=price-ascending');
    win.history.pushState({}, '', '/search?q=derby&sort_by=price-ascending&filter.v.option.taille=42');
    await frame();
    expect(routes).toEqual([]);
    expect(refined.map((r) => r.names)).toEqual([['sort_by'], ['filter.v.option.taille']]);
    win.history.pushState({}, '', '/search?q=mocassin&sort_by=price-ascending');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/search?q=mocassin&sort_by=price-ascending']);
  });

  it('reports paging of a listing as a refinement, in the query or the path', async () => {
    const { win, routes, refined, frame } = watched();
    win.history.pushState({}, '', '?page=2');
    win.history.pushState({}, '', '/category/chaussures/page/3/');
    await frame();
    expect(routes).toEqual([]);
    expect(refined.map((r) => r.names)).toEqual([['page'], ['page']]);
  });

  it('does not report a change of an in-page anchor', async () => {
    const { win, routes, frame } = watched();
    win.history.pushState({}, '', '#avis');
    win.history.replaceState({}, '', '#details');
    await frame();
    expect(routes).toEqual([]);
  });

  it('reports a hash that is a route, #/ or #!/, with its own query', async () => {
    const { win, routes, refined, frame } = watched('https://shop.example/#/');
    win.history.pushState({}, '', '#/search?q=lampe');
    await frame();
    win.history.pushState({}, '', '#/search?q=lampe&sort=price');
    await frame();
    win.history.pushState({}, '', '#!/basket');
    await frame();
    win.history.pushState({}, '', '#top');
    await frame();
    expect(routes.map((r) => new URL(r.url).hash)).toEqual(['#/search?q=lampe', '#!/basket', '#top']);
    expect(refined.map((r) => r.names)).toEqual([['sort']]);
  });

  it('renames the page that replaces its own address while it loads; once loaded, a replace is a route', async () => {
    const { win, page, routes, renamed, frame } = watched('https://shop.example/checkout/');
    Object.defineProperty(page.document, 'readyState', { value: 'interactive', configurable: true });
    win.history.replaceState({}, '', '#shipping');
    await frame();
    expect(renamed).toEqual(['https://shop.example/checkout/#shipping']);
    expect(routes).toEqual([]);
    Object.defineProperty(page.document, 'readyState', { value: 'complete', configurable: true });
    win.history.replaceState({}, '', '#payment');
    await frame();
    expect(routes.map((r) => r.url)).toEqual(['https://shop.example/checkout/#payment']);
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
    watchRoutes(win, { route: (url) => routes.push(new URL(url).pathname), refine: () => undefined, rename: () => undefined }, { navigation: null, setInterval: (fn) => (check = fn) });
    win.history.pushState({}, '', '/a');
    check!();
    await window.happyDOM.waitUntilComplete();
    win.history.pushState({}, '', '/b');
    win.dispatchEvent(new window.PopStateEvent('popstate', { state: {} }) as unknown as Event);
    await window.happyDOM.waitUntilComplete();
    expect(routes).toEqual(['/a', '/b']);
  });
});

describe('routeIdentity', () => {
  it.each([
    ['https://shop.example/panier#livraison', 'https://shop.example/panier?'],
    ['https://shop.example/#/basket', 'https://shop.example/#/basket?'],
    ['https://shop.example/app/#!/product/42?tab=reviews', 'https://shop.example/app/#/product/42?tab=reviews'],
    ['https://shop.example/search?utm_source=news&q=sac&page=2', 'https://shop.example/search?q=sac'],
    ['https://shop.example/product-category/shoes/page/2/?orderby=price', 'https://shop.example/product-category/shoes?'],
    ['https://shop.example/checkout?stage=payment', 'https://shop.example/checkout?stage=payment'],
    ['https://shop.example/checkout/#payment', 'https://shop.example/checkout/#payment?'],
    ['https://shop.example/produit/lampe#payment', 'https://shop.example/produit/lampe?'],
    ['not a url', 'not a url'],
  ])('%s names the page %s', (href, page) => {
    expect(routeIdentity(href).page).toBe(page);
  });
});

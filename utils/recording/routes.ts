import { hashRoute } from '../privacy/urls';

/** What the routes watcher needs of the Navigation API: an event target with the current entry. */
export interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: (event: { navigationType?: string | null }) => void): void;
}

/**
 * Query parameters that refine the listing on screen rather than open another page: sorting,
 * filtering, paging and display, as the common platforms name them (Shopify `filter.v.…` and
 * `sort_by`, WooCommerce `orderby` and `filter_…`, PrestaShop `order`, Magento `product_list_…` and
 * `p`, Shopware `order` and `properties`, Salesforce Commerce Cloud `srule`, `prefn1`/`prefv1`,
 * `pmin`, `start` and `sz`). A search term (`q`, `s`, `search`…) is not one of them: a new term is
 * a new page.
 */
const REFINEMENTS = new Set([
  'sort', 'sort_by', 'sortby', 'order', 'orderby', 'dir', 'direction', 'tri', 'srule',
  'page', 'p', 'pg', 'start', 'sz', 'limit', 'per_page', 'perpage', 'product_count',
  'view', 'mode', 'display', 'layout', 'grid',
  'price', 'min_price', 'max_price', 'price_min', 'price_max', 'pmin', 'pmax',
  'color', 'colour', 'couleur', 'size', 'taille', 'brand', 'marque', 'manufacturer', 'rating', 'properties',
  'availability', 'in_stock', 'instock', 'facets', 'facet', 'refine', 'f',
]);
const REFINEMENT_PREFIXES = ['filter', 'product_list_', 'pref', 'f[', 'facet', 'attribute_', 'pa_', 'min_', 'max_'];
/** Campaign and click identifiers: the same page, whoever sent the shopper to it. */
const TRACKING = /^(?:utm_|mc_|_ga$|_gl$|gclid$|gbraid$|wbraid$|fbclid$|msclkid$|dclid$|yclid$|igshid$|ttclid$|srsltid$)/;

/** A route's identity: what makes it another page, and what only refines the page on screen. */
export interface RouteIdentity {
  /** The path (with a hash route's path) and the query parameters that name the page. */
  page: string;
  /** The refining parameters, as `name=value` pairs. */
  refinements: Map<string, string>;
}

function isRefinement(name: string): boolean {
  const key = name.toLowerCase();
  return REFINEMENTS.has(key) || REFINEMENT_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * What a URL says about the page it shows. A hash that is a route (`#/…`, `#!/…`) is read as a path
 * and query, a one-page checkout's step in the hash (`/checkout/#payment`) names its page; any
 * other hash (`#reviews`) is an in-page anchor and names no page. A listing's
 * paging in the path (`/page/2/`, WooCommerce) refines it too.
 */
export function routeIdentity(href: string): RouteIdentity {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { page: href, refinements: new Map() };
  }
  const route = hashRoute(href);
  const params = [...url.searchParams, ...new URLSearchParams(route?.search ?? '')];
  const named: string[] = [];
  const refinements = new Map<string, string>();
  const [path, paging] = splitPaging(url.pathname + (route ? `#${route.fragment.replace(/^!/, '')}` : ''));
  if (paging) refinements.set('page', paging);
  for (const [name, value] of params) {
    if (TRACKING.test(name.toLowerCase())) continue;
    if (isRefinement(name)) refinements.set(name, value);
    else if (value.trim() !== '') named.push(`${name}=${value}`);
  }
  return { page: `${url.origin}${path}?${named.sort().join('&')}`, refinements };
}

function splitPaging(path: string): [string, string | undefined] {
  const m = /\/page\/(\d+)\/?$/.exec(path);
  return m ? [path.slice(0, m.index) || '/', m[1]] : [path, undefined];
}

/** The names of the refinements that differ between two identities of the same page. */
function changedRefinements(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name)).sort();
}

export interface RouteListener {
  /** Another page: the new URL and the milliseconds from the URL change to the next paint. */
  route(url: string, toPaint: number): void;
  /** The same page sorted, filtered or paged: the names of the parameters that changed. */
  refine(url: string, names: string[]): void;
  /**
   * The page, still loading, replaced its own address (a one-page checkout adding its first step,
   * `/checkout/` → `/checkout/#shipping`; a shop adding its canonical slug): the same page, renamed.
   */
  rename(url: string): void;
}

/**
 * Reports client-side route changes, each once the new route has painted, and refinements of the
 * page on screen. A change of the path, of a hash route, of a search term or of a parameter that
 * names the page (`?id_product=7`, `?stage=payment`) is a route; a change of sort, filter or paging
 * parameters is a refinement; an in-page anchor is neither.
 *
 * Nothing of the page is patched (a patched `history.pushState` is a cheap tell of a recorder): the
 * Navigation API's `currententrychange` fires synchronously inside the page's `pushState`,
 * `replaceState`, hash changes and traversals, so the time of the change is the time of the call,
 * and its `navigationType` tells a page that replaces its own address while it loads (renamed, not
 * another page) from a route.
 * Where the API is missing, `popstate`, `hashchange` and a check of the address every `pollMs`
 * find the change late, and the time is taken from when it was found.
 */
export function watchRoutes(
  win: Window,
  listener: RouteListener,
  o: { navigation?: NavigationLike | null; pollMs?: number; setInterval?: (fn: () => void, ms: number) => unknown } = {},
): void {
  let current = routeIdentity(win.location.href);
  let pending: { t0: number } | undefined;

  const changed = (event?: { navigationType?: string | null }) => {
    const href = win.location.href;
    const next = routeIdentity(href);
    if (next.page !== current.page && !pending && event?.navigationType === 'replace' && win.document.readyState !== 'complete') {
      current = next;
      listener.rename(href);
      return;
    }
    if (next.page === current.page) {
      const names = changedRefinements(current.refinements, next.refinements);
      current = next;
      if (names.length > 0 && !pending) listener.refine(href, names);
      return;
    }
    current = next;
    if (pending) return; // several calls in one frame: one route, timed from the first
    pending = { t0: win.performance.now() };
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        const t0 = pending?.t0 ?? win.performance.now();
        pending = undefined;
        listener.route(win.location.href, Math.max(0, win.performance.now() - t0));
      }, 0),
    );
  };

  const navigation = o.navigation === undefined ? (win as Window & { navigation?: NavigationLike }).navigation : o.navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', changed);
    return;
  }
  win.addEventListener('popstate', () => changed());
  win.addEventListener('hashchange', () => changed());
  const every = o.setInterval ?? ((fn: () => void, ms: number) => win.setInterval(fn, ms));
  every(() => changed(), o.pollMs ?? 250);
}

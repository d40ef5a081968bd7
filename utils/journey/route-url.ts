/**
 * The route of an address: its path and query, read from the hash when the hash is a route
 * (`#/search?q=x`, `#!/basket`, as single-page apps with hash routing use), else from the URL.
 * An in-page anchor (`#reviews`) is not a route.
 */

/** A route's path (starting with '/') and query (starting with '?', or ''). */
export interface Route {
  path: string;
  search: string;
}

const HASH_ROUTE = /^#!?(\/.*)$/s;

/** The path and query of `url`'s route; a relative or unparsable address gives its best guess. */
export function routeOf(url: string): Route {
  let u: URL;
  try {
    u = new URL(url, 'https://invalid.local/');
  } catch {
    return { path: '', search: '' };
  }
  const m = HASH_ROUTE.exec(u.hash);
  if (!m?.[1]) return { path: u.pathname, search: u.search };
  // The hash route replaces the real path and query: "/app/#/basket" is the basket.
  const inner = m[1].split('#')[0] ?? '';
  const q = inner.indexOf('?');
  const routePath = q < 0 ? inner : inner.slice(0, q);
  const search = q < 0 ? '' : inner.slice(q);
  return { path: routePath || '/', search: search === '?' ? '' : search };
}

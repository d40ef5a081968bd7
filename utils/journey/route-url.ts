import { hashRoute } from '../privacy/urls';

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

/** The path and query of `url`'s route; a relative or unparsable address gives its best guess. */
export function routeOf(url: string): Route {
  let u: URL;
  try {
    u = new URL(url, 'https://invalid.local/');
  } catch {
    return { path: '', search: '' };
  }
  // The hash route replaces the real path and query: "/app/#/basket" is the basket. A one-page
  // checkout's step (`/checkout/#payment`) is not a path: the classifier reads it from the hash.
  const route = hashRoute(u.href);
  if (!route || !route.fragment.replace(/^!/, '').startsWith('/')) return { path: u.pathname, search: u.search };
  return { path: route.path, search: route.search === '?' ? '' : route.search };
}

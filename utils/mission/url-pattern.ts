import { routeOf } from '../journey/route-url';

/**
 * A step's URL condition: a path pattern, as simple as a shell's. It starts with `/`; `*` stands for
 * any run of characters, `/` included, and everything else for itself, case ignored. A glob rather
 * than a regular expression: agencies write it by hand, and it cannot hang the panel.
 *
 * - It is compared with the whole path: `/cart` is the cart, not `/cart/items` (write `/cart*`).
 * - The query is compared only when the pattern has one (`/search?q=*`); otherwise it is ignored.
 * - Percent-escapes are read (`/catégorie/*` matches `/cat%C3%A9gorie/robes`).
 * - A shop that routes in the hash (`/app/#/basket`) is compared on its route (`/basket`) too.
 */

/** Why a text is not a pattern; each has its own message in utils/mission/error-text.ts. */
export type UrlPatternProblem = 'full-url' | 'start' | 'space' | 'hash';

/** What is wrong with `pattern` as a step's URL condition, if anything. */
export function urlPatternProblem(pattern: string): UrlPatternProblem | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pattern)) return 'full-url';
  if (!pattern.startsWith('/')) return 'start';
  if (/\s/.test(pattern)) return 'space';
  if (pattern.includes('#')) return 'hash';
  return undefined;
}

/** Whether the page at `url` matches `pattern` (see above); an unreadable address matches nothing. */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const withQuery = pattern.includes('?');
  const route = routeOf(url);
  const candidates = [parsed.pathname + (withQuery ? parsed.search : ''), route.path + (withQuery ? route.search : '')];
  const wanted = decode(pattern).toLowerCase();
  return candidates.some((candidate) => globMatch(wanted, decode(candidate).toLowerCase()));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `*` matches any run of characters. Only the last star is backtracked to, so no pattern is slow (at worst pattern × address). */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

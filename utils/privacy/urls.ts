import { srcsetParts } from '../srcset';
import { isLuhnValid, isRandomLooking, stars } from './identifiers';

/**
 * Addresses as Mystère keeps them: no query, no fragment, no credentials — that is where search
 * terms, reset and OAuth tokens, tracking e-mails and card numbers sent by a GET form travel.
 */

const PERSONAL_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'callto:', 'facetime:', 'whatsapp:']);

/**
 * An address without what may carry what a person typed or who they are: no query, no fragment, no
 * credentials (a data: URL keeps its media type only; a mailto: or tel: keeps its scheme only).
 * Relative addresses resolve against `base` when given, else are cut at their first `?` or `#`.
 */
export function bareUrl(raw: string, base?: string): string {
  const trimmed = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && PERSONAL_SCHEMES.has(scheme)) return scheme + stars(trimmed.slice(scheme.length));
  try {
    if (!scheme && base === undefined) throw new Error('relative');
    const u = new URL(trimmed, base);
    if (u.protocol === 'data:') return `data:${/^[^;,]*/.exec(u.pathname)?.[0] ?? ''}`;
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
    return `${u.protocol}${u.pathname}`.replace(/[?#].*$/s, '');
  } catch {
    return trimmed.replace(/[?#].*$/s, '');
  }
}

/**
 * The address of a page (a page record, a link, a form's action): bare, and its path rid of what
 * identifies a person — an order's secret token (`/orders/4f9c…/authenticate`), an e-mail, a card
 * number. An asset's path is kept whole (the replay must load it). A hash that is a route
 * (`#/product/42`) keeps its path, masked the same way, not its query.
 */
export function pageUrl(raw: string, base?: string): string {
  const route = hashRoute(raw);
  return maskPath(bareUrl(raw, base)) + (route ? `#${maskPath(route.fragment)}` : '');
}

/** The steps of a one-page checkout named in its hash (Magento's `/checkout/#payment`). */
const CHECKOUT_STEP = /^(?:shipping|payment|billing|review|delivery|address|confirm(?:ation)?)$/i;
const CHECKOUT_PATH = /\/(?:checkout|onepage|commande|kasse|cassa|pago|afrekenen)(?:[/?#]|$)/i;

/**
 * The route a hash carries: in a hash-routed single-page shop (`#/basket`, `#!/search?q=…`) its
 * path and query, and in a one-page checkout (`/checkout/#payment`) its step. `fragment` is what
 * names the route without its query (`/basket`, `!/search`, `payment`). Undefined for an in-page
 * anchor (`#reviews`), an empty hash, or a fragment of data (`#access_token=…`).
 */
export function hashRoute(href: string): { fragment: string; path: string; search: string } | undefined {
  const hash = /#(.*)$/s.exec(href)?.[1];
  if (hash === undefined) return undefined;
  // A route's own anchor (`#/product/1#reviews`) is not part of it.
  const m = /^(!)?(\/[^?#]*)(\?[^#]*)?(?:#.*)?$/s.exec(hash);
  if (m) return { fragment: `${m[1] ?? ''}${m[2]!}`, path: m[2]!, search: m[3] ?? '' };
  const before = href.slice(0, href.length - hash.length - 1).replace(/\?.*$/s, '');
  if (CHECKOUT_STEP.test(hash) && CHECKOUT_PATH.test(before)) return { fragment: hash, path: `/${hash}`, search: '' };
  return undefined;
}

/** Each segment of an address's path rid of what identifies a person. */
function maskPath(bare: string): string {
  return bare.replace(/[^/]+/g, (segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Kept as it is.
    }
    if (/@/.test(decoded)) return stars(segment);
    if (isLuhnValid(decoded.replace(/[ -]/g, ''))) return stars(segment);
    return segment.replace(/[A-Za-z0-9_-]{12,}/g, (run) => (isRandomLooking(run) ? stars(run) : run));
  });
}

/** Every `url(…)` of a style sheet or a `style` attribute, bare. */
export function bareCssUrls(css: string): string {
  if (!css.includes('url(')) return css;
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, quote: string, url: string) =>
    /[?#]/.test(url) || /^(mailto|tel):/i.test(url) ? `url(${quote}${bareUrl(url)}${quote})` : whole,
  );
}

/**
 * Each address of a `srcset` ("a.jpg?w=400 400w, b.jpg 800w"), bare, with its descriptor. Parsed as
 * browsers do: an address runs to the next white space (it may hold commas), a comma ends a candidate.
 */
export function bareSrcset(srcset: string): string {
  return srcsetParts(srcset)
    .map((p) => p.lead + (p.url ? bareUrl(p.url) : '') + p.trailing + p.descriptor)
    .join('');
}

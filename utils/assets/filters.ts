import { PAYMENT_PROVIDERS } from '../recording/privacy';
import type { TypedMatcher } from '../privacy/typed';
import type { SkipReason } from './schema';

/**
 * What is never read to be kept with a visit, decided from the address (and an image's displayed
 * size) before it is read: a payment provider's files, tracking pixels, addresses that carry what
 * the evaluator typed or an e-mail address. Each test is pure; `skipBeforeFetch` applies them in order.
 */

/** The host's labels, lower case, without a trailing dot. */
function labels(host: string): string[] {
  return host.toLowerCase().replace(/\.$/, '').split('.');
}

/** Whether `host` is `domain` or one of its subdomains. */
function within(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`);
}

/** How providers name the hosts of their files besides their own name: paypalobjects.com, braintreegateway.com, klarnacdn.net. */
const PROVIDER_SUFFIXES = ['', 'objects', 'gateway', 'cdn', 'static'];

/**
 * Whether an address is served by a payment provider (`PAYMENT_PROVIDERS`, those whose frames the
 * recorder blocks): a host label that is the provider's name (js.stripe.com, m.stripe.network), that
 * name with a usual suffix (www.paypalobjects.com, js.braintreegateway.com, x.klarnacdn.net) or
 * followed by a dash (p.monetico-services.com); a dotted name (checkout.com) by domain. A label that
 * only contains the name ("stripes-fashion") is not theirs.
 */
export function isPaymentProvider(url: URL): boolean {
  const parts = labels(url.hostname);
  return PAYMENT_PROVIDERS.some((p) =>
    p.includes('.')
      ? within(url.hostname, p)
      : parts.some((label) => PROVIDER_SUFFIXES.some((s) => label === p + s) || label.startsWith(`${p}-`)),
  );
}

/**
 * Trackers whose images (and scripts' frames) pages load to report a view; none shows anything. A
 * host (with its subdomains), and a path prefix when the host also serves real content. Sources: the
 * providers' own "noscript" image tags, and EasyPrivacy (https://easylist.to/easylist/easyprivacy.txt),
 * which blocks each of these hosts or paths.
 */
const TRACKERS: readonly { host: string; path?: string; source: string }[] = [
  // <img src="https://www.facebook.com/tr?id=…&ev=PageView&noscript=1">; facebook.com also serves pages.
  { host: 'facebook.com', path: '/tr', source: 'https://developers.facebook.com/docs/meta-pixel/get-started' },
  { host: 'google-analytics.com', source: 'https://developers.google.com/analytics/devguides/collection/protocol/ga4' },
  { host: 'analytics.google.com', source: 'https://developers.google.com/analytics/devguides/collection/protocol/ga4' },
  // The container's <noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-…">.
  { host: 'googletagmanager.com', source: 'https://developers.google.com/tag-platform/tag-manager/web' },
  // Campaign Manager / Floodlight tags: <img src="https://ad.doubleclick.net/ddm/activity/…">.
  { host: 'doubleclick.net', source: 'https://support.google.com/campaignmanager/answer/2823400' },
  // Microsoft Advertising UET: <img src="//bat.bing.com/action/0?ti=…&Ver=2">.
  { host: 'bat.bing.com', source: 'https://help.ads.microsoft.com/#apex/ads/en/56686/2' },
  // X (Twitter) conversion pixel: https://t.co/i/adsct?… and https://analytics.twitter.com/i/adsct?…; t.co is also its link shortener.
  { host: 't.co', path: '/i/adsct', source: 'https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites' },
  { host: 'analytics.twitter.com', source: 'https://business.x.com/en/help/campaign-measurement-and-analytics/conversion-tracking-for-websites' },
  // LinkedIn Insight Tag: <img src="https://px.ads.linkedin.com/collect/?pid=…">.
  { host: 'px.ads.linkedin.com', source: 'https://www.linkedin.com/help/lms/answer/a418880' },
  // Pinterest tag: <img src="https://ct.pinterest.com/v3/?event=init&tid=…&noscript=1">.
  { host: 'ct.pinterest.com', source: 'https://help.pinterest.com/en/business/article/install-the-pinterest-tag' },
  { host: 'analytics.tiktok.com', source: 'https://ads.tiktok.com/help/article/get-started-pixel' },
  // Jetpack (WordPress) stats: <img src="https://pixel.wp.com/g.gif?…">.
  { host: 'pixel.wp.com', source: 'https://github.com/Automattic/jetpack (projects/packages/stats)' },
];

/** A path segment that names a pixel: `/pixel`, `/pixel.gif`, `/tracking-pixel.png`, `/px.gif`, `/pixel.svg`. */
const PIXEL_SEGMENT = /^(?:tracking[-_]?)?(?:pixel|px)(?:\.(?:gif|png|jpe?g|webp|svg))?$/i;
/** A host whose first label says it collects: analytics.shop.example, pixel.shop.example, stats.… */
const TRACKING_HOST = /^(?:analytics|pixel|stats|metrics|telemetry)$/i;

/**
 * Whether an image is a tracking pixel: displayed at 1×1 CSS pixel or less (0×0 included) when its
 * size is known, served by a known tracker (`TRACKERS`), by a host named for collecting, or at a path
 * segment that names a pixel. Path words like "analytics" inside a product image's name are not enough.
 */
export function isTracker(url: URL, displayed?: { width?: number | undefined; height?: number | undefined }): boolean {
  if (displayed?.width !== undefined && displayed.height !== undefined && displayed.width <= 1 && displayed.height <= 1) return true;
  const path = url.pathname;
  if (TRACKERS.some((t) => within(url.hostname, t.host) && (t.path === undefined || path === t.path || path.startsWith(`${t.path}/`)))) return true;
  if (TRACKING_HOST.test(labels(url.hostname)[0] ?? '')) return true;
  return path.split('/').some((segment) => PIXEL_SEGMENT.test(segment));
}

/** `text` URL-decoded (`+` as a space), or as it is when it does not decode. */
export function urlDecoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Whether an address carries a value the evaluator typed, as written or URL-decoded (the privacy pass's matcher). */
export function carriesTyped(url: string, typed: TypedMatcher): boolean {
  if (typed.empty) return false;
  return typed.mask(url) !== url || typed.mask(urlDecoded(url)) !== urlDecoded(url);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Whether an address names a person by their e-mail address (an avatar at `/avatars/jane@mail.example.png`). */
export function namesPerson(url: string): boolean {
  return EMAIL.test(urlDecoded(url));
}

/** An address to consider, with the displayed size of an image seen in the page. */
export type Candidate = { url: string; width?: number | undefined; height?: number | undefined };

/**
 * Why an address is not read, or undefined to read it (from the browser's cache, before keeping it;
 * a redirect's address is checked again): `payment`, `tracker` (images only: a style sheet or a
 * font is no pixel, but a tracker's host is never read), `typed`, `private`. Only http(s)
 * addresses are read; anything else counts as `failed`.
 */
export function skipBeforeFetch(candidate: Candidate, kind: 'image' | 'font' | 'stylesheet', typed: TypedMatcher): SkipReason | undefined {
  let url: URL;
  try {
    url = new URL(candidate.url);
  } catch {
    return 'failed';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'failed';
  if (isPaymentProvider(url)) return 'payment';
  if (isTracker(url, kind === 'image' ? candidate : undefined)) return 'tracker';
  if (carriesTyped(candidate.url, typed)) return 'typed';
  if (namesPerson(candidate.url)) return 'private';
  return undefined;
}

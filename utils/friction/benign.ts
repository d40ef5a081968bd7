import type { ErrorFact, FrictionFact, RequestFact } from './facts';

/**
 * What looks like friction but is not the shop's doing, as data: browser warnings reported as
 * errors, the evaluator's own extensions, requests the browser makes or cancels by itself. A fact
 * matched here makes no signal; it is counted per page instead, so the report can say what was
 * left out. Each entry says what it matches, why that is no friction of the shop, and where
 * mature error and session tools draw the same line (docs/signals.md, "What is ignored, and why").
 */

interface Entry<K extends string, F> {
  /** Stable id, used in the stored counts. */
  id: string;
  kind: K;
  /** A few words in each language, for "… ignored as benign (label ×n)". */
  label: { fr: string; en: string };
  /** What is matched, in words (the test is the reference). */
  matches: string;
  why: string;
  /** Where others filter the same thing: repository and file, or a page's address. */
  sources: readonly string[];
  test(fact: F): boolean;
}
export type BenignEntry = Entry<'error', ErrorFact> | Entry<'request', RequestFact>;

/** Chrome prefixes an uncaught exception's message with "Uncaught "; Firefox does not. */
const message = (f: ErrorFact) => f.message.replace(/^Uncaught (?:exception: )?/, '').trim();
const EXTENSION_URL = /^(?:chrome-extension|moz-extension|safari-extension|safari-web-extension|webkit-masked-url):/i;
const SENTRY_DEFAULTS = 'getsentry/sentry-javascript: packages/core/src/integrations/eventFilters.ts (DEFAULT_IGNORE_ERRORS)';
const RELAY_EXTENSIONS = 'getsentry/relay: relay-filter/src/browser_extensions.rs';
const webRequestError = (codes: readonly string[]) => (f: RequestFact) => f.status === 0 && f.error !== undefined && codes.includes(f.error);

export const BENIGN = [
  {
    id: 'resize-observer-loop',
    kind: 'error',
    label: { fr: 'boucle ResizeObserver', en: 'ResizeObserver loop' },
    matches: 'the error "ResizeObserver loop completed with undelivered notifications." or its older Chrome wording "ResizeObserver loop limit exceeded"',
    why: 'a browser warning dispatched as an error event: a resize observer changed the layout again within one frame, and the browser delivered the rest on the next frame. Nothing broke.',
    sources: [
      SENTRY_DEFAULTS,
      'https://github.com/WICG/resize-observer/issues/38',
      'https://github.com/RocketChat/Rocket.Chat/pull/40722 (Bugsnag onError)',
    ],
    test: (f) => /^ResizeObserver loop (?:limit exceeded|completed with undelivered notifications)\.?$/.test(message(f)),
  },
  {
    id: 'extension-script',
    kind: 'error',
    label: { fr: 'extension du navigateur', en: 'browser extension' },
    matches: 'an error whose script is an extension\'s (chrome-extension:, moz-extension:, safari-extension:, safari-web-extension:, webkit-masked-url:)',
    why: 'the evaluator\'s extensions (ours included) run in the page; their errors are not the shop\'s.',
    sources: [RELAY_EXTENSIONS, 'https://docs.sentry.io/concepts/data-management/filtering/'],
    test: (f) => f.source !== undefined && EXTENSION_URL.test(f.source),
  },
  {
    id: 'extension-message',
    kind: 'error',
    label: { fr: 'extension du navigateur', en: 'browser extension' },
    matches: 'the messages "Extension context invalidated" (Chrome) and "can\'t access dead object" (Firefox)',
    why: 'only extension code can raise them: an extension that was updated or reloaded, or one touching a page already closed.',
    sources: [RELAY_EXTENSIONS],
    test: (f) => /Extension context invalidated|can't access dead object/i.test(f.message),
  },
  {
    id: 'ad-blocker-googletag',
    kind: 'error',
    label: { fr: 'bloqueur de publicité (googletag)', en: 'ad blocker (googletag)' },
    matches: 'the error "Cannot redefine property: googletag" (Firefox: can\'t redefine non-configurable property "googletag")',
    why: 'an ad blocker of the evaluator defines googletag first, and Google\'s tag scripts fail to; the shop\'s visitors without one see no such error.',
    sources: [SENTRY_DEFAULTS],
    test: (f) => /^(?:TypeError: )?(?:Cannot redefine property: googletag|can't redefine non-configurable property "googletag")$/.test(message(f)),
  },
  {
    id: 'wallet-extension',
    kind: 'error',
    label: { fr: 'extension de portefeuille crypto', en: 'crypto-wallet extension' },
    matches: 'redefining window.solana or window.ethereum failed ("Cannot redefine property: …", "can\'t redefine non-configurable property …")',
    why: 'two wallet extensions (or Brave\'s built-in wallet) both claim the global; the shop has no part in it.',
    sources: [SENTRY_DEFAULTS + ' ("solana"; "ethereum" is the same clash, added here)'],
    test: (f) => /^(?:TypeError: )?(?:Cannot redefine property: |can't redefine non-configurable property ")(?:solana|ethereum)"?$/.test(message(f)),
  },
  {
    id: 'aborted-rejection',
    kind: 'error',
    label: { fr: 'interrompu à dessein', en: 'aborted on purpose' },
    matches: 'an unhandled promise rejection whose reason is an AbortError (an aborted fetch, an interrupted media play())',
    why: 'the page or the browser cancelled the work on purpose (a newer search replaced an older one, the page is being left, a video was paused before it played); nothing the visitor waited for failed.',
    sources: ['https://github.com/eclipse-sw360/sw360-frontend/issues/1339', 'https://developer.mozilla.org/en-US/docs/Web/API/AbortController/abort'],
    test: (f) => f.error === 'rejection' && /^AbortError\b/.test(f.message),
  },
  {
    id: 'favicon',
    kind: 'request',
    label: { fr: 'favicon', en: 'favicon' },
    matches: 'a failed request for /favicon.ico at the root of a site, other than a document',
    why: 'Firefox asks every site for /favicon.ico by itself when the page names no icon; a shop without one answers 404 on every page. The browser\'s request, and only the tab\'s icon depends on it.',
    sources: ['https://bugzilla.mozilla.org/show_bug.cgi?id=260500', 'https://github.com/youknowriad/blockbook/pull/40'],
    test: (f) => f.resource === 'other' && /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/favicon\.ico$/i.test(f.url),
  },
  {
    id: 'request-cancelled',
    kind: 'request',
    label: { fr: 'requête annulée', en: 'request cancelled' },
    matches: 'network errors net::ERR_ABORTED (Chrome) and NS_BINDING_ABORTED (Firefox)',
    why: 'the request was cancelled, not refused: the person left the page or stopped it, the page aborted its own fetch, a prefetch was dropped.',
    sources: ['https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h (ERR_ABORTED)', 'https://github.com/EFForg/privacybadger/issues/1368'],
    test: webRequestError(['net::ERR_ABORTED', 'NS_BINDING_ABORTED']),
  },
  {
    id: 'cache-only-read',
    kind: 'request',
    label: { fr: 'lecture du cache seul', en: 'cache-only read' },
    matches: 'a GET fetch that failed with net::ERR_CACHE_MISS (Chrome) or NS_ERROR_DOCUMENT_NOT_CACHED (Firefox)',
    why: 'a read of the browser\'s cache that never goes to the network (fetch with cache: "only-if-cached"), which fails by design when the copy is not there. Mystère reads the pictures it keeps for the replay that way (utils/assets/read-cached.ts), and a lazy picture below the fold is not in the cache yet; nothing the shop sent failed and the visitor saw nothing.',
    sources: ['https://developer.mozilla.org/en-US/docs/Web/API/Request/cache', 'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h (ERR_CACHE_MISS)'],
    test: (f) => f.resource === 'fetch' && f.method.toUpperCase() === 'GET' && webRequestError(['net::ERR_CACHE_MISS', 'NS_ERROR_DOCUMENT_NOT_CACHED'])(f),
  },
  {
    id: 'blocked-by-extension',
    kind: 'request',
    label: { fr: 'bloquée par une extension', en: 'blocked by an extension' },
    matches: 'network errors net::ERR_BLOCKED_BY_CLIENT (Chrome) and NS_ERROR_ABORT (Firefox: a webRequest listener cancelled it)',
    why: 'an ad or tracker blocker of the evaluator refused the request; the shop\'s visitors without one get it.',
    sources: ['https://github.com/brave/brave-browser/issues/47985', 'https://github.com/uBlockOrigin/uAssets/issues/14316'],
    test: webRequestError(['net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT']),
  },
  {
    id: 'tracking-protection',
    kind: 'request',
    label: { fr: 'bloquée par la protection contre le pistage', en: 'blocked by tracking protection' },
    matches: 'Firefox\'s Enhanced Tracking Protection errors NS_ERROR_TRACKING_URI, NS_ERROR_FINGERPRINTING_URI, NS_ERROR_CRYPTOMINING_URI, NS_ERROR_SOCIALTRACKING_URI, NS_ERROR_EMAILTRACKING_URI',
    why: 'the browser\'s privacy settings refused a tracker; a setting of the evaluator\'s browser, not a failure of the shop.',
    sources: ['https://github.com/mdn/content/pull/18524', 'https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/onErrorOccurred'],
    test: webRequestError(['NS_ERROR_TRACKING_URI', 'NS_ERROR_FINGERPRINTING_URI', 'NS_ERROR_CRYPTOMINING_URI', 'NS_ERROR_SOCIALTRACKING_URI', 'NS_ERROR_EMAILTRACKING_URI']),
  },
  {
    id: 'beacon',
    kind: 'request',
    label: { fr: 'balise (beacon)', en: 'beacon' },
    matches: 'a failed beacon: navigator.sendBeacon, <a ping>, a CSP report (webRequest types ping, beacon, csp_report)',
    why: 'fire-and-forget reports to analytics or the server; the page never waits for an answer, so the visitor sees nothing of a failure.',
    sources: ['https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/ResourceType', 'https://developer.mozilla.org/en-US/docs/Web/API/Navigator/sendBeacon'],
    test: (f) => f.resource === 'beacon',
  },
  {
    id: 'extension-resource',
    kind: 'request',
    label: { fr: 'extension du navigateur', en: 'browser extension' },
    matches: 'a failed request for an extension\'s own resource (chrome-extension:, moz-extension:, safari-web-extension: …)',
    why: 'a page probing for installed extensions, or an extension loading its files; not the shop\'s content.',
    sources: [RELAY_EXTENSIONS],
    test: (f) => EXTENSION_URL.test(f.url),
  },
] as const satisfies readonly BenignEntry[];

export type BenignId = (typeof BENIGN)[number]['id'];

/** The entry a fact matches, if any: only errors and failed requests can be benign. */
export function benignEntry(fact: FrictionFact): BenignEntry | undefined {
  if (fact.kind !== 'error' && fact.kind !== 'request') return undefined;
  for (const entry of BENIGN as readonly BenignEntry[]) {
    if (entry.kind === 'error' && fact.kind === 'error' && entry.test(fact)) return entry;
    if (entry.kind === 'request' && fact.kind === 'request' && entry.test(fact)) return entry;
  }
  return undefined;
}

/** Facts left to the detectors, and the benign ones with the entry each matched. */
export function splitBenign(facts: readonly FrictionFact[]): { kept: FrictionFact[]; ignored: { id: string; fact: FrictionFact }[] } {
  const kept: FrictionFact[] = [];
  const ignored: { id: string; fact: FrictionFact }[] = [];
  for (const fact of facts) {
    const entry = benignEntry(fact);
    if (entry) ignored.push({ id: entry.id, fact });
    else kept.push(fact);
  }
  return { kept, ignored };
}

/** Ignored facts per entry id. */
export type IgnoredCounts = Record<string, number>;

/** Adds counts together (a visit's pages, say). */
export function addIgnored(...all: IgnoredCounts[]): IgnoredCounts {
  const sum: IgnoredCounts = {};
  for (const counts of all) for (const [id, n] of Object.entries(counts)) sum[id] = (sum[id] ?? 0) + n;
  return sum;
}

/**
 * The counts in words, largest first, entries of the same label together: "3 ignored as benign
 * (ResizeObserver loop ×2, favicon ×1)"; empty when nothing was ignored.
 */
export function describeIgnored(counts: IgnoredCounts, lang: 'fr' | 'en' = 'en'): string {
  const byLabel = new Map<string, number>();
  for (const [id, n] of Object.entries(counts)) {
    if (n <= 0) continue;
    const label = BENIGN.find((e) => e.id === id)?.label[lang] ?? id;
    byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  }
  if (byLabel.size === 0) return '';
  const total = [...byLabel.values()].reduce((a, b) => a + b, 0);
  const parts = [...byLabel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], lang)).map(([label, n]) => `${label} ×${n}`);
  return lang === 'fr'
    ? `${total} ${total > 1 ? 'ignorés comme bénins' : 'ignoré comme bénin'} (${parts.join(', ')})`
    : `${total} ignored as benign (${parts.join(', ')})`;
}

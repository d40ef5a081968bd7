import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addIgnored, BENIGN, benignEntry, describeIgnored, splitBenign, type BenignId } from '../../../utils/friction/benign';
import type { ErrorFact, FrictionFact, RequestFact } from '../../../utils/friction/facts';

/** The benign list: each entry matches what it says, and a near miss stays friction. */

const T = 1_700_000_000_000;
const thrown = (message: string, over: Partial<ErrorFact> = {}): ErrorFact => ({ kind: 'error', t: T, error: 'error', message, ...over });
const rejected = (message: string): ErrorFact => ({ kind: 'error', t: T, error: 'rejection', message });
const failed = (url: string, status: number, over: Partial<RequestFact> = {}): RequestFact => ({
  kind: 'request',
  t: T,
  url,
  method: 'GET',
  status,
  resource: 'other',
  ...over,
});
const networkError = (error: string, over: Partial<RequestFact> = {}) => failed('https://shop.example/api/cart', 0, { error, resource: 'fetch', ...over });

/** Per entry: facts it must match, and near misses it must leave to the detectors. */
const CASES: Record<BenignId, { matched: FrictionFact[]; missed: FrictionFact[] }> = {
  'resize-observer-loop': {
    matched: [
      thrown('ResizeObserver loop completed with undelivered notifications.'),
      thrown('ResizeObserver loop limit exceeded'),
      thrown('Uncaught ResizeObserver loop completed with undelivered notifications'),
    ],
    missed: [thrown('Uncaught ReferenceError: ResizeObserver is not defined'), thrown("TypeError: Cannot read properties of undefined (reading 'observe') in ResizeObserver loop")],
  },
  'extension-script': {
    matched: [
      thrown('Uncaught TypeError: x is null', { source: 'chrome-extension://abcdefgh/content.js', line: 3 }),
      thrown('TypeError: x is null', { source: 'moz-extension://0f1e2d3c/inject.js' }),
      thrown('x', { source: 'safari-web-extension://id/script.js' }),
    ],
    missed: [thrown('Uncaught TypeError: x is null', { source: 'https://shop.example/js/chrome-extension-check.js' })],
  },
  'extension-message': {
    matched: [thrown('Uncaught Error: Extension context invalidated.'), thrown("TypeError: can't access dead object")],
    missed: [thrown("Uncaught TypeError: Cannot read properties of undefined (reading 'context')")],
  },
  'ad-blocker-googletag': {
    matched: [thrown('Uncaught TypeError: Cannot redefine property: googletag'), thrown('TypeError: can\'t redefine non-configurable property "googletag"')],
    missed: [thrown('Uncaught TypeError: Cannot redefine property: cart'), thrown('Uncaught ReferenceError: googletag is not defined')],
  },
  'wallet-extension': {
    matched: [thrown('Uncaught TypeError: Cannot redefine property: ethereum'), thrown('TypeError: can\'t redefine non-configurable property "solana"')],
    missed: [thrown('Uncaught TypeError: Cannot redefine property: checkout')],
  },
  'aborted-rejection': {
    matched: [
      rejected('AbortError: signal is aborted without reason'),
      rejected('AbortError: The operation was aborted. '),
      rejected('AbortError: The play() request was interrupted by a call to pause().'),
    ],
    missed: [rejected('TypeError: Failed to fetch'), thrown('Uncaught AbortError: signal is aborted without reason'), rejected('Error: AbortError in cart')],
  },
  favicon: {
    matched: [failed('https://shop.example/favicon.ico', 404), failed('http://127.0.0.1:8080/favicon.ico', 500)],
    missed: [
      failed('https://shop.example/img/produit-42.jpg', 404),
      failed('https://shop.example/assets/favicon.ico', 404),
      failed('https://shop.example/favicon.ico', 404, { resource: 'document' }),
    ],
  },
  'request-cancelled': {
    matched: [networkError('net::ERR_ABORTED'), networkError('NS_BINDING_ABORTED', { resource: 'document' })],
    missed: [networkError('net::ERR_CONNECTION_RESET'), networkError('NS_ERROR_NET_RESET'), failed('https://shop.example/cart/add', 500, { resource: 'fetch', error: 'net::ERR_ABORTED' })],
  },
  'cache-only-read': {
    matched: [networkError('net::ERR_CACHE_MISS'), networkError('NS_ERROR_DOCUMENT_NOT_CACHED', { url: 'https://shop.example/img/lazy-42.jpg' })],
    missed: [
      // Back to a page that was a form's answer: the browser's own document, still shown.
      networkError('net::ERR_CACHE_MISS', { resource: 'document' }),
      networkError('net::ERR_CACHE_MISS', { method: 'POST' }),
      failed('https://shop.example/img/produit-42.jpg', 404, { resource: 'fetch' }),
    ],
  },
  'blocked-by-extension': {
    matched: [networkError('net::ERR_BLOCKED_BY_CLIENT'), networkError('NS_ERROR_ABORT')],
    missed: [networkError('net::ERR_BLOCKED_BY_RESPONSE'), networkError('net::ERR_BLOCKED_BY_ORB')],
  },
  'tracking-protection': {
    matched: [networkError('NS_ERROR_TRACKING_URI'), networkError('NS_ERROR_FINGERPRINTING_URI')],
    missed: [networkError('NS_ERROR_UNKNOWN_HOST')],
  },
  beacon: {
    matched: [failed('https://analytics.example/collect', 0, { resource: 'beacon', error: 'net::ERR_NAME_NOT_RESOLVED' }), failed('https://shop.example/csp', 500, { resource: 'beacon' })],
    missed: [failed('https://shop.example/collect', 500, { resource: 'fetch' })],
  },
  'extension-resource': {
    matched: [failed('chrome-extension://abcdefgh/icon.png', 0, { error: 'net::ERR_FAILED' })],
    missed: [failed('https://shop.example/chrome-extension://x.png', 404)],
  },
};

describe('the benign list', () => {
  it('has one case per entry, with unique ids, each saying what, why and where from', () => {
    expect(Object.keys(CASES).sort()).toEqual(BENIGN.map((e) => e.id).sort());
    expect(new Set(BENIGN.map((e) => e.id)).size).toBe(BENIGN.length);
    for (const e of BENIGN) {
      expect(e.matches.length, e.id).toBeGreaterThan(10);
      expect(e.why.length, e.id).toBeGreaterThan(10);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
    }
  });

  describe.each(Object.entries(CASES))('%s', (id, { matched, missed }) => {
    it.each(matched.map((f) => [JSON.stringify(f), f] as const))('matches %s', (_, fact) => {
      expect(benignEntry(fact)?.id).toBe(id);
    });
    it.each(missed.map((f) => [JSON.stringify(f), f] as const))('leaves %s', (_, fact) => {
      expect(benignEntry(fact)?.id).not.toBe(id);
    });
  });

  it('never hides the shop’s own failures', () => {
    const real: FrictionFact[] = [
      thrown("Uncaught TypeError: Cannot read properties of null (reading 'price')", { source: 'https://shop.example/js/app.js', line: 120 }),
      rejected('Error: stock service unavailable'),
      thrown('Script error.'),
      failed('https://shop.example/img/produit-42.jpg', 404),
      failed('https://shop.example/cart/add', 500, { method: 'POST', resource: 'fetch' }),
      failed('https://shop.example/checkout', 503, { resource: 'document' }),
      networkError('net::ERR_CONNECTION_REFUSED'),
    ];
    expect(real.map((f) => benignEntry(f)?.id)).toEqual(real.map(() => undefined));
  });

  it('leaves clicks, waits and the other facts alone', () => {
    expect(benignEntry({ kind: 'shift', t: T, value: 0.5, sources: [] })).toBeUndefined();
  });
});

describe('splitBenign', () => {
  it('keeps friction in order and names the entry of each ignored fact', () => {
    const loop = thrown('ResizeObserver loop completed with undelivered notifications.');
    const real = thrown('Uncaught TypeError: x is undefined');
    const favicon = failed('https://shop.example/favicon.ico', 404);
    expect(splitBenign([loop, real, favicon])).toEqual({
      kept: [real],
      ignored: [
        { id: 'resize-observer-loop', fact: loop },
        { id: 'favicon', fact: favicon },
      ],
    });
  });
});

describe('describeIgnored', () => {
  it('says how many, largest first, entries of one label together', () => {
    expect(describeIgnored({ favicon: 1, 'resize-observer-loop': 2 })).toBe('3 ignored as benign (ResizeObserver loop ×2, favicon ×1)');
    expect(describeIgnored({ 'extension-script': 1, 'extension-message': 1, 'extension-resource': 1 })).toBe('3 ignored as benign (browser extension ×3)');
  });

  it('is empty when nothing was ignored, and names an unknown id as it is', () => {
    expect(describeIgnored({})).toBe('');
    expect(describeIgnored({ favicon: 0 })).toBe('');
    expect(describeIgnored({ retired: 2 })).toBe('2 ignored as benign (retired ×2)');
  });

  it('adds pages together', () => {
    expect(addIgnored({ favicon: 1 }, { favicon: 2, beacon: 1 }, {})).toEqual({ favicon: 3, beacon: 1 });
  });
});

describe('docs/signals.md', () => {
  const doc = readFileSync(new URL('../../../docs/signals.md', import.meta.url), 'utf8');

  it('explains every entry of the list, in its table', () => {
    expect(BENIGN.filter((e) => !doc.includes(`| \`${e.id}\` |`))).toEqual([]);
  });

  it('names every kind of signal', () => {
    for (const type of ['rage-click', 'dead-click', 'js-error', 'failed-request', 'form-error', 'long-wait', 'layout-shift']) expect(doc).toContain(`| \`${type}\` |`);
  });
});

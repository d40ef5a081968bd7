import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchFailedRequests } from '../../../entrypoints/background/requests';
import type { RequestFact } from '../../../utils/friction/facts';
import type { RequestDetails } from '../../../utils/friction/requests';

/** The browser's failed requests, as friction facts of their tab. */

type Listener = (details: RequestDetails) => void;

/** webRequest's two events, each keeping the listener and filter it was given. */
function fakeWebRequest() {
  const listeners: { completed?: Listener; error?: Listener; filters: unknown[] } = { filters: [] };
  vi.spyOn(fakeBrowser.webRequest.onCompleted, 'addListener').mockImplementation(((l: Listener, filter: unknown) => {
    listeners.completed = l;
    listeners.filters.push(filter);
  }) as never);
  vi.spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener').mockImplementation(((l: Listener, filter: unknown) => {
    listeners.error = l;
    listeners.filters.push(filter);
  }) as never);
  return listeners;
}

const details = (over: Partial<RequestDetails>): RequestDetails => ({
  tabId: 1,
  url: 'https://shop.example/api/stock?sku=42',
  method: 'GET',
  type: 'xmlhttprequest',
  timeStamp: 2_000,
  ...over,
});

let facts: [number, RequestFact][];
let events: ReturnType<typeof fakeWebRequest>;

beforeEach(() => {
  fakeBrowser.reset();
  events = fakeWebRequest();
  facts = [];
  watchFailedRequests((tabId, fact) => facts.push([tabId, fact]));
});
afterEach(() => vi.restoreAllMocks());

describe('watchFailedRequests', () => {
  it('listens to every URL’s completions and errors', () => {
    expect(events.filters).toEqual([{ urls: ['<all_urls>'] }, { urls: ['<all_urls>'] }]);
  });

  it('reports an HTTP error on completion, without the query string', () => {
    events.completed?.(details({ statusCode: 503 }));
    expect(facts).toEqual([[1, { kind: 'request', t: 2_000, url: 'https://shop.example/api/stock', method: 'GET', status: 503, resource: 'fetch' }]]);
  });

  it('reports a network error as status 0, with its message', () => {
    events.error?.(details({ tabId: 3, type: 'main_frame', error: 'net::ERR_CONNECTION_RESET' }));
    expect(facts).toEqual([[3, expect.objectContaining({ status: 0, error: 'net::ERR_CONNECTION_RESET', resource: 'document' })]]);
  });

  it('ignores successes and requests outside any tab', () => {
    events.completed?.(details({ statusCode: 200 }));
    events.completed?.(details({ statusCode: 302 }));
    events.completed?.(details({ tabId: -1, statusCode: 500 }));
    expect(facts).toEqual([]);
  });

  it('passes cancellations on, for the signal pipeline to count as benign', () => {
    events.error?.(details({ error: 'net::ERR_ABORTED' }));
    expect(facts).toEqual([[1, expect.objectContaining({ status: 0, error: 'net::ERR_ABORTED' })]]);
  });
});

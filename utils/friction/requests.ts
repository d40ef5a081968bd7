import { bareUrl } from '../privacy/urls';
import type { RequestFact } from './facts';

/**
 * The browser's own account of a failed request (webRequest), made into a friction fact. The
 * background sees every request of a tab, including those a page's scripts hide from it.
 */

/** What this mapping reads of `webRequest.onCompleted` and `onErrorOccurred` details. */
export interface RequestDetails {
  tabId: number;
  url: string;
  method: string;
  type: string;
  /** Epoch ms. */
  timeStamp: number;
  statusCode?: number;
  error?: string;
}

/**
 * Errors that are not failures of the site: the page or the person cancelled the request (a new
 * navigation, a closed tab, an aborted fetch), or another extension of the person (an ad blocker)
 * blocked it.
 */
const NOT_FAILURES = new Set(['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'net::ERR_BLOCKED_BY_CLIENT']);

const RESOURCES: Record<string, RequestFact['resource']> = {
  main_frame: 'document',
  sub_frame: 'frame',
  // webRequest reports fetch() and XMLHttpRequest alike as "xmlhttprequest": both are called fetch.
  xmlhttprequest: 'fetch',
};

/**
 * A fact for a request of a tab that failed: an HTTP status of 400 or more, or a network error
 * (status 0); undefined for a success, a cancellation, or a request outside any tab.
 */
export function failedRequestFact(d: RequestDetails): RequestFact | undefined {
  if (d.tabId < 0) return undefined;
  let status: number;
  if (d.error !== undefined) {
    if (NOT_FAILURES.has(d.error)) return undefined;
    status = 0;
  } else if (d.statusCode !== undefined && d.statusCode >= 400 && d.statusCode <= 999) {
    status = d.statusCode;
  } else {
    return undefined;
  }
  return {
    kind: 'request',
    t: d.timeStamp,
    url: bareUrl(d.url).slice(0, 2000),
    method: d.method.slice(0, 10),
    status,
    ...(d.error !== undefined ? { error: d.error.slice(0, 200) } : {}),
    resource: RESOURCES[d.type] ?? 'other',
  };
}


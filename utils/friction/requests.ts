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

const RESOURCES: Record<string, RequestFact['resource']> = {
  main_frame: 'document',
  sub_frame: 'frame',
  // webRequest reports fetch() and XMLHttpRequest alike as "xmlhttprequest": both are called fetch.
  xmlhttprequest: 'fetch',
  // Chrome calls sendBeacon and <a ping> "ping", Firefox "beacon".
  ping: 'beacon',
  beacon: 'beacon',
  csp_report: 'beacon',
};

/**
 * A fact for a request of a tab that failed: an HTTP status of 400 or more, or a network error
 * (status 0); undefined for a success or a request outside any tab. Cancelled and blocked requests
 * are facts too: the background counts them as benign (`benign.ts`) instead of showing them.
 */
export function failedRequestFact(d: RequestDetails): RequestFact | undefined {
  if (d.tabId < 0) return undefined;
  let status: number;
  if (d.error !== undefined) status = 0;
  else if (d.statusCode !== undefined && d.statusCode >= 400 && d.statusCode <= 999) status = d.statusCode;
  else return undefined;
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


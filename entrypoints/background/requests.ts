import { browser } from 'wxt/browser';
import type { RequestFact } from '../../utils/friction/facts';
import { failedRequestFact, type RequestDetails } from '../../utils/friction/requests';

/**
 * Failed requests of every tab, as the browser saw them: HTTP errors on completion, network errors
 * when they occur. The caller keeps those of the tabs in a visit.
 */
export function watchFailedRequests(onFact: (tabId: number, fact: RequestFact) => void): void {
  const filter = { urls: ['<all_urls>'] };
  const handle = (details: RequestDetails) => {
    const fact = failedRequestFact(details);
    if (fact) onFact(details.tabId, fact);
  };
  browser.webRequest.onCompleted.addListener(handle, filter);
  browser.webRequest.onErrorOccurred.addListener(handle, filter);
}

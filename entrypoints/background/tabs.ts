import { browser } from 'wxt/browser';
import { pageUrl } from '../../utils/privacy/urls';
import type { Page } from '../../utils/schema/page';

/** Two addresses of the same document (a fragment change is not a new page). */
export function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * Whether the page's tab still shows it: work on the tab (a probe, an audit) would else measure
 * another page. The page's address is stored bare (see `pageUrl`), the tab's is whole: both are
 * compared bare, so a search page still shows whatever its query, and a hash-routed shop's basket
 * (`#/basket`) is not its search results (`#/search`).
 */
export async function tabShows(page: Pick<Page, 'tabId' | 'url'>): Promise<boolean> {
  const tab = await browser.tabs.get(page.tabId).catch(() => undefined);
  return tab?.url !== undefined && pageUrl(tab.url) === pageUrl(page.url);
}

import { afterEach, beforeEach, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../../utils/db/database';
import { deleteVisit, putVisit, upsertPage } from '../../../utils/db/repository';
import { REVISION_KEY } from '../../../utils/messaging/revision';
import type { Page } from '../../../utils/schema/page';
import { page as fixturePage, visit } from '../db/fixtures';
import { errorCode } from '../../../utils/messaging/receive';

/** Small helpers shared by the background's handler tests (fake browser + fake-indexeddb). */

export const SHOP = 'https://shop.example';

/** Stores a page of visit v1 as given (fixture defaults otherwise). */
export async function storePage(over: Partial<Page>): Promise<Page> {
  const page = fixturePage(over);
  await upsertPage(await db(), page.id, () => page);
  return page;
}

/** The evaluator looks at `tabId`: the active tab of the last focused window. */
export function lookAt(tabId: number) {
  return vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: tabId } as Browser.tabs.Tab] as never);
}

/** `browser.tabs.get` answers with these tabs (by id); any other tab is closed. */
export function tabsShow(tabs: Record<number, Partial<Browser.tabs.Tab>>) {
  const get = (id: number): Promise<Browser.tabs.Tab> => {
    const tab = tabs[id];
    return tab
      ? Promise.resolve({ id, index: 0, highlighted: false, incognito: false, pinned: false, windowId: 1, active: true, ...tab } as Browser.tabs.Tab)
      : Promise.reject(new Error(`No tab with id: ${id}`));
  };
  // The fake's methods are typed by their callback overload: the promise is hidden from the spy.
  return vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((id: number) => get(id) as never);
}

/** What a session-storage key holds now. */
export async function sessionValue(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.session.get(key))[key];
}

/** Whether views were told that stored data changed (since the last reset). */
export async function viewsNotified(): Promise<boolean> {
  return (await sessionValue(REVISION_KEY)) !== undefined;
}

/** Waits for work the code under test started without awaiting it. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Page checks that found nothing and nothing wrong. */
export { NO_CHECKS } from '../../shared/check-facts';

/**
 * The error code a handler refused with, as its reply would carry it ("internal" for an error
 * without a code), or undefined when it did not refuse.
 */
export async function code(promise: Promise<unknown>): Promise<string | undefined> {
  const refused = await promise.then(() => undefined, (e: unknown) => ({ e }));
  return refused && errorCode(refused.e);
}

/**
 * Each test of the file starts with a fresh fake browser and the running visit `v1` (the tabs
 * given, tab 1 by default), and ends with the fakes undone and the visits named deleted.
 */
export function withVisit(o: { tabIds?: number[]; alsoDelete?: string[] } = {}): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    await putVisit(await db(), visit({ tabIds: o.tabIds ?? [1] }));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    for (const id of ['v1', ...(o.alsoDelete ?? [])]) await deleteVisit(await db(), id);
  });
}

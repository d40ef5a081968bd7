import { browser } from 'wxt/browser';

/**
 * Session storage is kept while the browser runs (across service-worker restarts) and cleared when it
 * closes. A running visit without this marker was therefore left running by a browser that closed.
 */
const KEY = 'aliveVisit';

export async function markSessionAlive(visitId: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: visitId });
}

export async function aliveVisitId(): Promise<string | undefined> {
  const value = (await browser.storage.session.get(KEY))[KEY];
  return typeof value === 'string' ? value : undefined;
}

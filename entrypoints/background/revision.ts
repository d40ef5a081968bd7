import { browser } from 'wxt/browser';
import { REVISION_KEY } from '../../utils/messaging/revision';

/** Tells open views that stored data changed (persist, then acknowledge, then notify). */
export async function notifyChanged(): Promise<void> {
  await browser.storage.session.set({ [REVISION_KEY]: Date.now() + Math.random() });
}

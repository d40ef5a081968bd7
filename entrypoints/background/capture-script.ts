import { browser } from 'wxt/browser';
import { withTimeout } from '../../utils/timeout';

/** The capture script, a WXT unlisted script injected on demand (entrypoints/capture/). */
export const CAPTURE_SCRIPT = '/capture.js';

/**
 * Injects the capture script into the tab's top frame (it guards itself against a second copy) and
 * asks it `message`; undefined when it does not answer within `timeoutMs`. Throws when the tab is
 * gone or refuses scripts.
 */
export async function askCapture(tabId: number, message: unknown, timeoutMs: number): Promise<unknown> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] });
  return withTimeout(browser.tabs.sendMessage<unknown, unknown>(tabId, message, { frameId: 0 }), timeoutMs, () => undefined);
}

import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseCaptureRequest } from '../../utils/screenshots/messages';
import { answerCapture } from './answer';

/**
 * Measures what a screenshot must hide, and scrolls for a full-page one. Injected by the background
 * into the top frame when a capture is asked for, not carried by every page: the recorder that runs
 * on every page stays small.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    // Once per page: each capture injects the script again.
    const g = globalThis as { __mystereCapture?: boolean };
    if (g.__mystereCapture) return;
    g.__mystereCapture = true;
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
      const request = parseCaptureRequest(message);
      if (!request) return undefined;
      answerCapture(request, window).then(sendResponse, (error: unknown) =>
        sendResponse({ ok: false, error: 'capture-failed', detail: String(error) }),
      );
      return true;
    });
  },
});

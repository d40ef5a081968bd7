import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageContext } from '../../utils/content/page-context';
import { isChecksRequest, parseAssetReadRequest, parseAssetsRequest, parseCaptureRequest, parseTextsRequest } from '../../utils/messaging/capture-page';
import { readCached } from '../../utils/assets/read-cached';
import { discoverAssets } from '../../utils/assets/discover';
import { answerCapture } from './answer';
import { pageWorld } from './page-world';
import { extractCheckFacts } from '../../utils/checklist/check-facts';
import { textsShown } from './texts';

/**
 * Measures what a screenshot must hide, scrolls for a full-page one, reads the page facts the
 * checklist's suggestions use, tells which of a mission's expected texts the page shows, and lists
 * the images, style sheets and fonts it displays and reads each from the browser's cache, never the
 * network, for the background to keep (utils/assets/read-cached.ts). Injected by the background
 * into the top frame when a capture is asked for, not carried by every page: the recorder that runs
 * on every page stays small.
 */
export default defineUnlistedScript({
  main() {
    // Once per page: each capture injects the script again. A copy left by a previous version of the
    // extension (updated or reloaded) no longer answers, so it does not count.
    const g = globalThis as { __mystereCapture?: PageContext };
    if (g.__mystereCapture?.isValid) return;
    const ctx = new PageContext(() => browser.runtime?.id != null);
    g.__mystereCapture = ctx;
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (r: unknown) => void) => {
      if (isChecksRequest(message)) {
        // What the checklist's automatic checks read on the page, once it is loaded.
        sendResponse({ ok: true, value: extractCheckFacts(document, location.href) });
        return undefined;
      }
      const texts = parseTextsRequest(message);
      if (texts) {
        // Which of the mission's expected texts the page shows: indices only, never the page's text.
        sendResponse({ ok: true, value: textsShown(document, texts) });
        return undefined;
      }
      const assets = parseAssetsRequest(message);
      if (assets) {
        // Addresses and displayed sizes only; read in slices, so a huge page keeps answering clicks.
        const pause = () => new Promise<void>((resume) => ctx.setTimeout(resume, 0));
        discoverAssets(document, { ...assets, pause }).then(
          (value) => sendResponse({ ok: true, value }),
          (error: unknown) => sendResponse({ ok: false, error: 'assets-failed', detail: String(error) }),
        );
        return true;
      }
      const read = parseAssetReadRequest(message);
      if (read) {
        // When the shop's own work is done (or a second has passed): the bytes are read from the cache off
        // the main thread; what is left here is handing them over.
        ctx.requestIdleCallback(
          () => {
            readCached(read.url, read.maxBytes, { origin: location.origin }).then(
              (value) => sendResponse({ ok: true, value }),
              (error: unknown) => sendResponse({ ok: false, error: 'asset-read-failed', detail: String(error) }),
            );
          },
          { timeout: 1000 },
        );
        return true;
      }
      const request = parseCaptureRequest(message);
      if (!request) return undefined;
      // Timers through ctx: a walk of a huge page left running by a reloaded extension stops there.
      const world = pageWorld(window, (resume) => ctx.setTimeout(resume, 0));
      answerCapture(request, window, world).then(sendResponse, (error: unknown) =>
        sendResponse({ ok: false, error: 'capture-failed', detail: String(error) }),
      );
      return true;
    });
  },
});

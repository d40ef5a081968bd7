import { defineContentScript } from 'wxt/utils/define-content-script';
import { takeInWorldPort } from '../utils/messaging/bridge-channel';
import { runInPageRecorder } from '../utils/recording/in-page-recorder';

/**
 * The recorder of a page already open when a visit starts on it, in the extension's isolated world.
 * That page's scripts ran before us: they may have replaced natives or listen for the channel's
 * event, so the page's own world cannot be trusted with the recording. Here the page cannot reach
 * rrweb, its patches or the port; the cost is that rules a script inserts into style sheets after
 * the recording starts are not seen (those present at each full snapshot are). Every later page of
 * the visit is recorded from its start in the page's world (`recorder-main.content.ts`).
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main() {
    runInPageRecorder({
      connect: (onPort) => takeInWorldPort(globalThis, onPort),
      patching(run) {
        run();
        return () => undefined;
      },
      post: (port, message) => port.postMessage(message),
      stringify: (value) => JSON.stringify(value),
    });
  },
});

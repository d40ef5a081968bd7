import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
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
export default defineUnlistedScript({
  main() {
    standInForCustomElements(globalThis);
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

/**
 * An isolated world has no custom element registry: `customElements` is null there (Chromium). rrweb
 * asks it about every element it serialises (`customElements.get(tagName)`, to mark custom elements
 * for the replay), inside a `try`: in this world every element threw, and each exception captured a
 * stack — on a page of 20,000 elements that changes all the time, most of the recording's cost
 * (`npm run profile -- --journey heavy --by-leaf`: 1.6 s in rrweb's element serialiser). A registry
 * that knows no element gives rrweb the same answer, "not custom", without the throw. It is defined
 * on this world's global only: the page's own `customElements` is another object, untouched.
 */
export function standInForCustomElements(world: typeof globalThis): void {
  if (world.customElements != null) return;
  const none = Object.freeze({ get: () => undefined });
  try {
    Object.defineProperty(world, 'customElements', { value: none, configurable: true });
  } catch {
    // Not definable here: rrweb's try/catch still copes, at the old cost.
  }
}

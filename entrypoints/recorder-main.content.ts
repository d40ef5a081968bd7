import { defineContentScript } from 'wxt/utils/define-content-script';
import { channelWorld, meetOtherWorld } from '../utils/messaging/bridge-channel';
import { runInPageRecorder } from '../utils/recording/in-page-recorder';
import { captureDescriptors, disguiseChanges, NativeMask } from '../utils/recording/native-mask';
import { patchTargets } from '../utils/recording/patch-targets';

/**
 * The recorder in the page's own world, from the start of each document, where rrweb sees CSS-in-JS
 * (`insertRule`), shadow roots and adopted style sheets. Its natives are captured before any script
 * of the page runs; rrweb's patches are disguised as the natives they replace; it meets the relay
 * once, over a private channel (`bridge-channel.ts`).
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    const mask = new NativeMask();
    mask.maskToString(Function.prototype);
    const world = channelWorld(window);
    const postToPort = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'postMessage')?.value as MessagePort['postMessage'];
    const stringify = JSON.stringify;
    const apply = Reflect.apply;
    runInPageRecorder({
      connect: (onPort) => meetOtherWorld(world, onPort),
      patching(run) {
        const before = captureDescriptors(patchTargets(window));
        run();
        return disguiseChanges(mask, before).undo;
      },
      post: (port, message) => apply(postToPort, port, [message]),
      stringify: (value) => apply(stringify, JSON, [value]),
    });
  },
});

import { record } from '@rrweb/record';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { MainChannelMessage } from '../utils/messaging/bridge';
import { channelWorld, meetOtherWorld } from '../utils/messaging/bridge-channel';
import { MAX_ERROR_MESSAGE_CHARS, MAX_ERROR_SOURCE_CHARS, parseRelayMessage } from '../utils/messaging/bridge-guards';
import { bareUrl } from '../utils/friction/requests';
import { rrwebOptions } from '../utils/recording/rrweb-options';
import { captureDescriptors, disguiseChanges, NativeMask } from '../utils/recording/native-mask';
import { patchTargets } from '../utils/recording/patch-targets';

/**
 * The recorder in the page's own world, where rrweb sees CSS-in-JS (`insertRule`), shadow roots and
 * adopted style sheets. It has no extension APIs: it masks as it records and hands events to the
 * isolated-world relay over a private MessagePort. It starts only when the relay says so.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    // Natives captured before the page can replace them (this runs before any script of the page).
    const mask = new NativeMask();
    mask.maskToString(Function.prototype);
    const world = channelWorld(window);
    const postToPort = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'postMessage')?.value as MessagePort['postMessage'];
    const stringify = JSON.stringify;
    const apply = Reflect.apply;
    let port: MessagePort | undefined;
    let stop: (() => void) | undefined;
    /** What rrweb patched, disguised as the natives it replaced; undone when it stops. */
    let undo: Array<() => void> = [];
    /** Runs what patches the page (rrweb's start, and its full snapshots, which patch again), then disguises the patches. */
    const disguised = (patching: () => void) => {
      const before = captureDescriptors(patchTargets(window));
      patching();
      undo.push(disguiseChanges(mask, before).undo);
    };

    const send = (message: MainChannelMessage) => {
      if (port) apply(postToPort, port, [message]);
    };

    const halt = () => {
      stop?.();
      stop = undefined;
      undo.reverse().forEach((u) => u());
      undo = [];
    };
    const record_ = (maskSelectors: string[], blockSelectors: string[]) => {
      halt();
      // rrweb's patches are made as it starts (at once, the document being parsed): bracket them.
      disguised(() => (stop = record({
        ...rrwebOptions({ maskSelectors, blockSelectors, doc: document }),
        emit(event) {
          send({ k: 'event', type: event.type, timestamp: event.timestamp, json: apply(stringify, JSON, [event]) });
        },
      })));
    };
    let pending: { maskSelectors: string[]; blockSelectors: string[] } | undefined;
    const start = (maskSelectors: string[], blockSelectors: string[]) => {
      if (document.readyState !== 'loading') return record_(maskSelectors, blockSelectors);
      // rrweb would wait for it too; waiting here keeps the page's own scripts out of the bracket.
      document.addEventListener('DOMContentLoaded', () => {
        if (pending) record_(pending.maskSelectors, pending.blockSelectors);
        pending = undefined;
      }, { once: true });
      pending = { maskSelectors, blockSelectors };
    };

    /** The page's own errors, for the friction detectors; listened to once the channel is open. */
    const listenForErrors = () => {
    // A loop that throws every frame would flood the visit: the same error is sent at most once every 10 s.
    const lastSent = new Map<string, number>();
    const sendError = (error: 'error' | 'rejection', text: string, source = '', line = 0, column = 0) => {
      // Errors of extensions (ours included) are no errors of the site.
      if (!stop || /^(chrome|moz)-extension:/.test(source)) return;
      const t = Date.now();
      const key = `${error}|${text}|${source}|${line}`;
      if (t - (lastSent.get(key) ?? -Infinity) < 10_000) return;
      if (lastSent.size > 100) lastSent.clear();
      lastSent.set(key, t);
      const known = (n: number) => Number.isSafeInteger(n) && n > 0;
      send({
        k: 'error',
        error,
        // Masked by the background's privacy pass, like everything from the page.
        message: text.slice(0, MAX_ERROR_MESSAGE_CHARS),
        ...(source ? { source: bareUrl(source).slice(0, MAX_ERROR_SOURCE_CHARS) } : {}),
        ...(known(line) ? { line } : {}),
        ...(known(column) ? { column } : {}),
        t,
      });
    };
    // Errors of scripts reach the window itself; failed loads of images and scripts do not bubble.
    window.addEventListener('error', (e) => {
      if (e instanceof ErrorEvent && e.target === window) sendError('error', e.message || describe(e.error), e.filename, e.lineno, e.colno);
    });
    window.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => sendError('rejection', describe(e.reason)));
    };

    // One private channel, met once (utils/messaging/bridge-channel.ts). Nothing runs before it.
    meetOtherWorld(world, (p) => {
      port = p;
      port.onmessage = (e: MessageEvent) => {
        const parsed = parseRelayMessage(e.data);
        if (!parsed) return;
        if (parsed.k === 'start') start(parsed.maskSelectors, parsed.blockSelectors);
        else if (parsed.k === 'snapshot') {
          if (stop) disguised(() => record.takeFullSnapshot());
        } else {
          pending = undefined;
          halt();
        }
      };
      listenForErrors();
    });
  },
});

/** A thrown value as text; the page's own `toString` may throw, or there may be none. */
function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

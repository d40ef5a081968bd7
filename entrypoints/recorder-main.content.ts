import { record } from '@rrweb/record';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { MainMessage } from '../utils/messaging/bridge';
import { BRIDGE_SOURCE, MAX_ERROR_MESSAGE_CHARS, MAX_ERROR_SOURCE_CHARS, parseRelayMessage } from '../utils/messaging/bridge-guards';
import { bareUrl } from '../utils/friction/requests';
import { rrwebOptions } from '../utils/recording/rrweb-options';
import { watchRoutes } from '../utils/recording/routes';

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
    const guard = Symbol.for('mystere.recorder');
    const w = window as unknown as Record<symbol, boolean>;
    if (w[guard]) return;
    Object.defineProperty(window, guard, { value: true });

    // Natives captured before the page can replace them.
    const postToPort = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'postMessage')?.value as MessagePort['postMessage'];
    const apply = Reflect.apply;
    let port: MessagePort | undefined;
    let stop: (() => void) | undefined;

    const send = (message: MainMessage) => {
      if (port) apply(postToPort, port, [message]);
    };

    const start = (maskSelectors: string[], blockSelectors: string[]) => {
      stop?.();
      stop = record({
        ...rrwebOptions({ maskSelectors, blockSelectors, doc: document }),
        emit(event) {
          send({ k: 'event', type: event.type, timestamp: event.timestamp, json: JSON.stringify(event) });
        },
      });
    };

    const offer = () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e: MessageEvent) => {
        port = channel.port1;
        const parsed = parseRelayMessage(e.data);
        if (!parsed) return;
        if (parsed.k === 'start') start(parsed.maskSelectors, parsed.blockSelectors);
        else {
          stop?.();
          stop = undefined;
        }
      };
      window.postMessage({ source: BRIDGE_SOURCE, kind: 'port' }, '*', [channel.port2]);
    };

    // A relay that arrives after us asks for the port again.
    window.addEventListener('message', (e) => {
      const data = e.data as { source?: unknown; kind?: unknown } | null;
      if (e.source === window && data?.source === BRIDGE_SOURCE && data.kind === 'ready' && !port) offer();
    });
    offer();

    // The page's own errors, for the friction detectors. A loop that throws every frame would flood
    // the visit: the same error is sent at most once every 10 s.
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

    watchRoutes(window, (url, toPaint) => {
      send({ k: 'route', url, toPaint });
      // The new route's recording starts with its own full snapshot.
      if (stop) record.takeFullSnapshot();
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

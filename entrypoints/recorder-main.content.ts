import { record } from '@rrweb/record';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { MainMessage } from '../utils/recording/bridge';
import { BRIDGE_SOURCE, parseRelayMessage } from '../utils/recording/bridge-guards';
import { rrwebOptions } from '../utils/recording/rrweb-options';
import { watchRoutes } from '../utils/recording/routes';
import { TypedValues } from '../utils/recording/typed-values';

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
    const typed = new TypedValues(document);
    let port: MessagePort | undefined;
    let stop: (() => void) | undefined;

    const send = (message: MainMessage) => {
      if (port) apply(postToPort, port, [message]);
    };

    const start = (maskSelectors: string[], blockSelectors: string[]) => {
      stop?.();
      stop = record({
        ...rrwebOptions({ maskSelectors, blockSelectors, typed: () => typed.values(), doc: document }),
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

    watchRoutes(window, (url, toPaint) => {
      send({ k: 'route', url, toPaint });
      // The new route's recording starts with its own full snapshot.
      if (stop) record.takeFullSnapshot();
    });
  },
});

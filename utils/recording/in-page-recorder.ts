import { record } from '@rrweb/record';
import type { MainChannelMessage } from '../messaging/bridge';
import { MAX_ERROR_MESSAGE_CHARS, MAX_ERROR_SOURCE_CHARS, parseRelayMessage } from '../messaging/bridge-guards';
import { bareUrl } from '../privacy/urls';
import { rrwebOptions } from './rrweb-options';

/**
 * The recorder's half that runs rrweb, in whichever world it is given: the page's own (from the
 * start of each document, where rrweb sees CSS-in-JS, shadow roots and adopted style sheets), or the
 * extension's isolated world (a page already open when a visit starts, whose scripts ran first and
 * may have replaced natives or be listening for our channel). It has no extension APIs: it records
 * when the relay says so and hands events to it over `port`, nothing before.
 */
export interface InPageRecorder {
  /** Calls `onPort` once, with the port to the relay. */
  connect(onPort: (port: MessagePort) => void): void;
  /** Runs what patches natives (rrweb's start, each full snapshot), disguising the patches if needed. */
  patching(run: () => void): () => void;
  /** Posts to the port with natives captured before the page could replace them. */
  post(port: MessagePort, message: MainChannelMessage): void;
  stringify(value: unknown): string;
}

export function runInPageRecorder(o: InPageRecorder): void {
  let port: MessagePort | undefined;
  let stop: (() => void) | undefined;
  /** What undoes rrweb's patches' disguises; run when it stops. */
  let undo: Array<() => void> = [];
  const send = (message: MainChannelMessage) => {
    if (port) o.post(port, message);
  };
  const halt = () => {
    stop?.();
    stop = undefined;
    undo.reverse().forEach((u) => u());
    undo = [];
  };
  const start = (maskSelectors: string[], blockSelectors: string[], lite?: boolean) => {
    halt();
    undo.push(
      o.patching(
        () =>
          (stop = record({
            ...rrwebOptions({ maskSelectors, blockSelectors, doc: document, lite }),
            emit(event) {
              send({ k: 'event', type: event.type, timestamp: event.timestamp, json: o.stringify(event) });
            },
          })),
      ),
    );
  };
  let pending: { maskSelectors: string[]; blockSelectors: string[]; lite?: boolean } | undefined;
  const startWhenParsed = (maskSelectors: string[], blockSelectors: string[], lite?: boolean) => {
    if (document.readyState !== 'loading') return start(maskSelectors, blockSelectors, lite);
    // rrweb would wait for it too; waiting here keeps the page's own scripts out of the bracket.
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        if (pending) start(pending.maskSelectors, pending.blockSelectors, pending.lite);
        pending = undefined;
      },
      { once: true },
    );
    pending = { maskSelectors, blockSelectors, lite };
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

  o.connect((p) => {
    port = p;
    port.onmessage = (e: MessageEvent) => {
      const parsed = parseRelayMessage(e.data);
      if (!parsed) return;
      if (parsed.k === 'start') startWhenParsed(parsed.maskSelectors, parsed.blockSelectors, parsed.lite);
      else if (parsed.k === 'snapshot') {
        if (stop) undo.push(o.patching(() => record.takeFullSnapshot()));
      } else {
        pending = undefined;
        halt();
      }
    };
    listenForErrors();
  });
}

/** A thrown value as text; the page's own `toString` may throw, or there may be none. */
function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

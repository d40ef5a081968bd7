import type { MainMessage, RelayMessage } from '../../utils/messaging/bridge';
import { BRIDGE_SOURCE, parseMainMessage } from '../../utils/messaging/bridge-guards';

export interface MainWorldBridge {
  post(message: RelayMessage): void;
  readonly connected: boolean;
}

/**
 * Takes the private port the main-world recorder offers through `window.postMessage`, and parses
 * everything that comes through it: the page can forge what the main world says.
 */
export function connectMainWorld(win: Window, onMessage: (message: MainMessage) => void): MainWorldBridge {
  let port: MessagePort | undefined;
  let queued: RelayMessage[] = [];

  win.addEventListener('message', (e: MessageEvent) => {
    const data = e.data as { source?: unknown; kind?: unknown } | null;
    if (port || e.source !== win || data?.source !== BRIDGE_SOURCE || data.kind !== 'port') return;
    const offered = e.ports[0];
    if (!offered) return;
    port = offered;
    port.onmessage = (m: MessageEvent) => {
      const parsed = parseMainMessage(m.data);
      if (parsed) onMessage(parsed);
    };
    queued.forEach((q) => port?.postMessage(q));
    queued = [];
  });
  // If the main-world script ran first, its offer is gone: ask for another.
  win.postMessage({ source: BRIDGE_SOURCE, kind: 'ready' }, '*');

  return {
    post(message) {
      if (port) port.postMessage(message);
      else queued.push(message);
    },
    get connected() {
      return port !== undefined;
    },
  };
}

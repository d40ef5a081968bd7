import type { MainMessage, RelayMessage } from '../../utils/messaging/bridge';
import { ChannelGate } from '../../utils/messaging/bridge-caps';
import { channelWorld, meetOtherWorld, offerInWorldPort } from '../../utils/messaging/bridge-channel';
import { parseMainMessage } from '../../utils/messaging/bridge-guards';

export interface MainWorldBridge {
  post(message: RelayMessage): void;
  readonly connected: boolean;
  /** What the gate dropped so far in this document. */
  readonly gate: ChannelGate;
}

/**
 * The relay's end of the private channel to the in-page recorder: in the page's world from the start
 * of a document (met once, see `bridge-channel.ts`), or in this world for a page already open when
 * the visit started (met on this world's global). Everything that comes through is parsed (the page can reach the main world
 * and forge what it says) and held to the caps of `bridge-caps.ts`; what fails either is dropped and
 * counted. Once events were dropped, a new full snapshot is asked for when the flood is over, so the
 * replay starts afresh.
 */
export function connectMainWorld(win: Window & typeof globalThis, onMessage: (message: MainMessage) => void): MainWorldBridge {
  let port: MessagePort | undefined;
  let queued: RelayMessage[] = [];
  const gate = new ChannelGate();
  let asking: ReturnType<typeof setTimeout> | undefined;
  const post = (message: RelayMessage) => {
    if (port) port.postMessage(message);
    else queued.push(message);
  };
  const askSnapshotWhenCalm = () => {
    if (asking !== undefined) return;
    asking = setTimeout(function check() {
      if (!gate.needsSnapshot) return void (asking = undefined);
      if (!gate.calm()) return void (asking = setTimeout(check, 1000));
      asking = undefined;
      post({ k: 'snapshot' });
    }, 1000);
  };

  const onPort = (p: MessagePort) => {
    // One recorder per document: the page's world from its start, or ours for a page already open.
    if (port) return p.close();
    port = p;
    port.onmessage = (m: MessageEvent) => {
      const parsed = parseMainMessage(m.data);
      if (!parsed) return gate.forged();
      if (!gate.admit(parsed)) return askSnapshotWhenCalm();
      onMessage(parsed);
    };
    queued.forEach((q) => port?.postMessage(q));
    queued = [];
  };
  // Injected into a page already open (a visit starting on it), the page's scripts ran first and may
  // listen for the channel's event: the recorder then runs in this world, met on its global only.
  if (win.document.readyState === 'loading') meetOtherWorld(channelWorld(win), onPort);
  offerInWorldPort(globalThis, onPort);

  return {
    post,
    get connected() {
      return port !== undefined;
    },
    gate,
  };
}

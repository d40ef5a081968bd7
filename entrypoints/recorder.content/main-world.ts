import type { MainMessage, RelayMessage } from '../../utils/messaging/bridge';
import { ChannelGate } from '../../utils/messaging/bridge-caps';
import { channelWorld, meetOtherWorld } from '../../utils/messaging/bridge-channel';
import { parseMainMessage } from '../../utils/messaging/bridge-guards';

export interface MainWorldBridge {
  post(message: RelayMessage): void;
  readonly connected: boolean;
  /** What the gate dropped so far in this document. */
  readonly gate: ChannelGate;
}

/**
 * The relay's end of the private channel to the main-world recorder (met once, see
 * `bridge-channel.ts`). Everything that comes through is parsed (the page can reach the main world
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

  meetOtherWorld(channelWorld(win), (p) => {
    port = p;
    port.onmessage = (m: MessageEvent) => {
      const parsed = parseMainMessage(m.data);
      if (!parsed) return gate.forged();
      if (!gate.admit(parsed)) return askSnapshotWhenCalm();
      onMessage(parsed);
    };
    queued.forEach((q) => port?.postMessage(q));
    queued = [];
  });

  return {
    post,
    get connected() {
      return port !== undefined;
    },
    gate,
  };
}

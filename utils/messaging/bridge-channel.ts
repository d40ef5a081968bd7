/* eslint-disable @typescript-eslint/unbound-method -- natives are taken apart on purpose, to be called later with Reflect.apply on the right object */
/**
 * The event type both recorder worlds meet on. It names nothing: a page that looks for it must know
 * it from this source.
 */
export const CHANNEL_EVENT = 'xc-7f3a91';

/** The natives the handshake uses, captured by the caller before the page can replace them. */
export interface ChannelWorld {
  addEventListener(type: string, listener: (e: Event) => void, capture: boolean): void;
  removeEventListener(type: string, listener: (e: Event) => void, capture: boolean): void;
  dispatchEvent(event: Event): boolean;
  newChannel(): MessageChannel;
  newEvent(type: string, init: MessageEventInit): MessageEvent;
}

/** The world's window as a ChannelWorld, its natives taken now. */
export function channelWorld(win: Window & typeof globalThis): ChannelWorld {
  const target = win as unknown as EventTarget;
  const { addEventListener, removeEventListener, dispatchEvent } = EventTarget.prototype;
  const apply = Reflect.apply;
  const Channel = win.MessageChannel;
  const Message = win.MessageEvent;
  return {
    addEventListener: (type, listener, capture) => apply(addEventListener, target, [type, listener, capture]),
    removeEventListener: (type, listener, capture) => apply(removeEventListener, target, [type, listener, capture]),
    dispatchEvent: (event) => apply(dispatchEvent, target, [event]),
    newChannel: () => new Channel(),
    newEvent: (type, init) => new Message(type, init),
  };
}

/**
 * Meets the other world once, on the window both share, without `window.postMessage` (whose
 * messages every listener of the page receives) and without any mark on the page.
 *
 * This side makes a channel and dispatches a cancelable event carrying one end. If the other side
 * is listening already, it takes the port, cancels the event (so `dispatchEvent` returns false here)
 * and stops it before any listener of the page. If nobody took it, this side listens once for the
 * other's offer. Either way the meeting happens once: no listener stays, nothing is offered again,
 * and a later event of that type (sent by the page) reaches nobody of ours.
 *
 * The scripts run at `document_start`, before any script of the page, so the page has no listener
 * yet. Injected into a page already open (a visit starting on it), that is no longer true: see
 * docs/recording.md, "What a site can still detect".
 */
export function meetOtherWorld(world: ChannelWorld, onPort: (port: MessagePort) => void): void {
  const channel = world.newChannel();
  const taken = !world.dispatchEvent(world.newEvent(CHANNEL_EVENT, { cancelable: true, ports: [channel.port2] }));
  if (taken) {
    onPort(channel.port1);
    return;
  }
  const take = (e: Event) => {
    const port = (e as MessageEvent).ports[0];
    if (!port) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    world.removeEventListener(CHANNEL_EVENT, take, true);
    // Our own offer found nobody: its other end is left unused.
    channel.port1.close();
    onPort(port);
  };
  world.addEventListener(CHANNEL_EVENT, take, true);
}

/**
 * The relay and an in-page recorder that both run in the extension's isolated world (a page already
 * open when a visit starts) meet on a key of that world's global, which the page cannot see.
 */
const IN_WORLD_KEY = '__mystereRecorderPort';
type InWorld = { [IN_WORLD_KEY]?: (port: MessagePort) => void };

/** The relay's side: takes the first port an in-world recorder hands over. */
export function offerInWorldPort(global: object, onPort: (port: MessagePort) => void): void {
  (global as InWorld)[IN_WORLD_KEY] = (port) => {
    delete (global as InWorld)[IN_WORLD_KEY];
    onPort(port);
  };
}

/** The in-world recorder's side: makes a channel, hands one end to the relay, keeps the other. */
export function takeInWorldPort(global: object, onPort: (port: MessagePort) => void): void {
  const give = (global as InWorld)[IN_WORLD_KEY];
  if (!give) return;
  const channel = new MessageChannel();
  give(channel.port1);
  onPort(channel.port2);
}

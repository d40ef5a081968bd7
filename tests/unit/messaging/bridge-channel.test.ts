import { describe, expect, it } from 'vitest';
import { offerInWorldPort, takeInWorldPort } from '../../../utils/messaging/bridge-channel';

const received = (port: MessagePort) => new Promise((resolve) => (port.onmessage = (e) => resolve(e.data)));

// The meeting through the channel's event needs a browser's MessageEvent (Node's drops the ports):
// tests/e2e/stealth.test.ts covers it in Chromium and Firefox.

describe('the in-world meeting (a page already open when the visit starts)', () => {
  it('hands the relay one end of a channel and the recorder the other, once', async () => {
    const global = {};
    const relay: MessagePort[] = [];
    offerInWorldPort(global, (p) => relay.push(p));
    const recorder: MessagePort[] = [];
    takeInWorldPort(global, (p) => recorder.push(p));
    takeInWorldPort(global, (p) => recorder.push(p));
    expect([relay.length, recorder.length]).toEqual([1, 1]);
    expect(Object.keys(global)).toEqual([]);
    const got = received(relay[0]!);
    recorder[0]!.postMessage('événement');
    expect(await got).toBe('événement');
    [...relay, ...recorder].forEach((p) => p.close());
  });

  it('does nothing without a relay to meet', () => {
    const recorder: MessagePort[] = [];
    takeInWorldPort({}, (p) => recorder.push(p));
    expect(recorder).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CAPS, ChannelGate } from '../../../utils/messaging/bridge-caps';
import type { MainChannelMessage } from '../../../utils/messaging/bridge';

const event = (type = 3, json = '{}'): MainChannelMessage => ({ k: 'event', type, timestamp: 1, json });
const error = (): MainChannelMessage => ({ k: 'error', error: 'error', message: 'x', t: 1 });

/** A gate on a clock the test moves. */
function gate() {
  let now = 0;
  const g = new ChannelGate(() => now);
  return { g, tick: (ms: number) => (now += ms) };
}

describe('ChannelGate', () => {
  it('takes a burst, then drops and counts the excess', () => {
    const { g } = gate();
    let taken = 0;
    for (let i = 0; i < CAPS.eventBurst + 50; i++) if (g.admit(event())) taken++;
    expect(taken).toBe(CAPS.eventBurst);
    expect(g.dropped).toEqual({ forged: 0, excess: 50 });
    expect(g.needsSnapshot).toBe(true);
  });

  it('refills at the sustained rate', () => {
    const { g, tick } = gate();
    for (let i = 0; i < CAPS.eventBurst; i++) g.admit(event());
    expect(g.admit(event())).toBe(false);
    tick(1000);
    let taken = 0;
    for (let i = 0; i < CAPS.eventsPerSecond + 10; i++) if (g.admit(event())) taken++;
    expect(taken).toBe(CAPS.eventsPerSecond);
  });

  it('never drops a full snapshot or a Meta event, even in a flood', () => {
    const { g } = gate();
    for (let i = 0; i < CAPS.eventBurst * 2; i++) g.admit(event());
    expect(g.admit(event(4))).toBe(true);
    expect(g.admit(event(2))).toBe(true);
    expect(g.needsSnapshot).toBe(false);
  });

  it('caps the characters of a page, and starts afresh on a new page', () => {
    const { g, tick } = gate();
    const big = 'x'.repeat(CAPS.charsPerPage / 4 + 1);
    expect([1, 2, 3, 4].map(() => g.admit(event(3, big)))).toEqual([true, true, true, false]);
    g.newPage();
    tick(10_000);
    expect(g.admit(event(3, big))).toBe(true);
  });

  it('caps the errors of a page', () => {
    const { g } = gate();
    let taken = 0;
    for (let i = 0; i < CAPS.errorsPerPage + 5; i++) if (g.admit(error())) taken++;
    expect(taken).toBe(CAPS.errorsPerPage);
    expect(g.dropped.excess).toBe(5);
    g.newPage();
    expect(g.admit(error())).toBe(true);
  });

  it('counts forged messages', () => {
    const { g } = gate();
    g.forged();
    g.forged();
    expect(g.dropped).toEqual({ forged: 2, excess: 0 });
  });

  it('is calm again once the bucket has refilled', () => {
    const { g, tick } = gate();
    for (let i = 0; i < CAPS.eventBurst + 1; i++) g.admit(event());
    expect(g.calm()).toBe(false);
    tick(((CAPS.eventBurst / 2) / CAPS.eventsPerSecond) * 1000 + 1);
    expect(g.calm()).toBe(true);
  });
});

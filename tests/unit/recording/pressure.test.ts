import { describe, expect, it } from 'vitest';
import { Pressure } from '../../../utils/recording/pressure';

/** Feeds `perSecond` events of `chars` characters and `changes` changes, evenly, for `seconds`. */
function feed(p: Pressure, from: number, seconds: number, perSecond: number, chars: number, changes: number) {
  const steps = [];
  for (let i = 0; i < seconds * perSecond; i++) {
    const change = p.observe(from + (i * 1000) / perSecond, chars, changes);
    if (change) steps.push(change);
  }
  return steps;
}

describe('Pressure', () => {
  it('stays at step 0 for a busy shop (mouse, scroll, a route re-render)', () => {
    const p = new Pressure(0);
    expect(feed(p, 0, 60, 30, 800, 5)).toEqual([]);
    expect(p.observe(60_000, 400_000, 900)).toBeUndefined();
    expect(feed(p, 60_001, 10, 30, 800, 5)).toEqual([]);
    expect(p.step).toBe(0);
  });

  it('pauses a storm of 100,000 mutations in 10 s after five hot seconds, counting what it saw', () => {
    const p = new Pressure(0);
    // rrweb emits one mutation event a task: 100 events a second of 100 changes each.
    const steps = feed(p, 0, 10, 100, 4000, 100);
    // Sampling would not thin DOM changes: no step 1 (and no full snapshot) on the way.
    expect(steps.map((s) => [s.step, s.reason])).toEqual([[2, 'mutations']]);
    expect(steps[0]!.counts).toMatchObject({ events: 500, changes: 50_000, ms: 5000 });
    expect(p.step).toBe(2);
  });

  it('samples a flood of events first, then pauses it', () => {
    const p = new Pressure(0);
    const steps = feed(p, 0, 10, 200, 50, 0);
    expect(steps.map((s) => [s.step, s.reason])).toEqual([
      [1, 'events'],
      [2, 'events'],
    ]);
    expect(steps[0]!.counts).toMatchObject({ events: 400, ms: 2000 });
    expect(steps[1]!.counts).toMatchObject({ events: 600, ms: 3000 });
  });

  it('retries a paused page after 5 s, then 10 s, 20 s… from step 1', () => {
    const p = new Pressure(0);
    const [pause] = feed(p, 0, 10, 100, 100, 100);
    const at = pause!.at;
    expect(p.tick(at + 4999)).toBeUndefined();
    expect(p.tick(at + 5000)).toMatchObject({ step: 1, reason: 'retry', counts: { ms: 5000 } });
    // The storm goes on: paused again (from step 1, after three hot seconds), and the next retry waits longer.
    const again = feed(p, at + 5000, 4, 100, 100, 100).at(-1)!;
    expect(again.step).toBe(2);
    expect(p.tick(again.at + 9999)).toBeUndefined();
    expect(p.tick(again.at + 10_000)?.step).toBe(1);
  });

  it('forgives past retries after a calm minute at step 1', () => {
    const p = new Pressure(0);
    const [pause] = feed(p, 0, 10, 100, 100, 100);
    const resumed = p.tick(pause!.at + 5000)!;
    feed(p, resumed.at, 70, 5, 100, 1);
    const next = feed(p, resumed.at + 70_000, 5, 100, 100, 100).at(-1)!;
    expect(next.step).toBe(2);
    expect(p.tick(next.at + 5000)?.step).toBe(1);
  });

  it('tells volume and event floods apart from mutations', () => {
    const volume = new Pressure(0);
    expect(feed(volume, 0, 6, 10, 200_000, 0)[0]).toMatchObject({ step: 2, reason: 'volume' });
    const events = new Pressure(0);
    expect(feed(events, 0, 3, 200, 50, 0)[0]).toMatchObject({ step: 1, reason: 'events' });
  });

  it('a second without events between two hot ones breaks the streak', () => {
    const p = new Pressure(0);
    feed(p, 0, 1, 100, 100, 100);
    expect(feed(p, 2500, 1, 100, 100, 100)).toEqual([]);
    expect(p.step).toBe(0);
  });

  it('pauses at once on a full backlog, and halts for good on the budget', () => {
    const p = new Pressure(0);
    expect(p.backlog(10, { events: 3, changes: 0, chars: 9, ms: 0 })).toMatchObject({ step: 2, reason: 'backlog' });
    expect(p.halt(20)).toMatchObject({ step: 2, reason: 'budget' });
    expect(p.halt(30)).toBeUndefined();
    expect(p.tick(1_000_000)).toBeUndefined();
    expect(p.step).toBe(2);
  });
});

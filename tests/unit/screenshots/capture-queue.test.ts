import { describe, expect, it } from 'vitest';
import { CaptureQueue } from '../../../utils/screenshots/capture-queue';

/** A clock that only moves when someone sleeps or a call takes time; it records every call. */
function fakeWorld(callMs = 120) {
  let now = 1_000_000;
  const calls: { start: number; end: number; label: string }[] = [];
  const sleeps: number[] = [];
  const queue = new CaptureQueue({
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
  });
  /** Stands for captureVisibleTab: takes `callMs`, fails when asked to. */
  const captureVisibleTab = async (label: string, fail = false): Promise<string> => {
    const start = now;
    await Promise.resolve();
    now += callMs;
    calls.push({ start, end: now, label });
    if (fail) throw new Error(`quota ${label}`);
    return `image ${label}`;
  };
  return { queue, calls, sleeps, captureVisibleTab, advance: (ms: number) => void (now += ms) };
}

describe('CaptureQueue', () => {
  it('runs three jobs queued at once, in order, each call ≥ 550 ms after the previous ended', async () => {
    const w = fakeWorld();
    const order: string[] = [];
    const job = (label: string) =>
      w.queue.run(async (capture) => {
        order.push(`start ${label}`);
        const image = await capture(() => w.captureVisibleTab(label));
        order.push(`end ${label}`);
        return image;
      });
    const results = await Promise.all([job('a'), job('b'), job('c')]);
    expect(results).toEqual(['image a', 'image b', 'image c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(w.calls.map((c) => c.label)).toEqual(['a', 'b', 'c']);
    for (let i = 1; i < w.calls.length; i++) expect(w.calls[i]!.start - w.calls[i - 1]!.end).toBeGreaterThanOrEqual(550);
  });

  it('never lets three calls fall in one second, within a job of several captures', async () => {
    const w = fakeWorld(10);
    await w.queue.run(async (capture) => {
      for (const label of ['1', '2', '3', '4', '5']) await capture(() => w.captureVisibleTab(label));
    });
    expect(w.calls).toHaveLength(5);
    for (let i = 2; i < w.calls.length; i++) expect(w.calls[i]!.start - w.calls[i - 2]!.start).toBeGreaterThan(1000);
  });

  it('spaces calls a job makes at the same time, too', async () => {
    const w = fakeWorld();
    await w.queue.run((capture) => Promise.all([capture(() => w.captureVisibleTab('x')), capture(() => w.captureVisibleTab('y'))]));
    expect(w.calls[1]!.start - w.calls[0]!.end).toBeGreaterThanOrEqual(550);
  });

  it('waits only for what is left of the gap: time spent scrolling and measuring counts', async () => {
    const w = fakeWorld();
    await w.queue.run(async (capture) => {
      await capture(() => w.captureVisibleTab('a'));
      w.advance(200);
      await capture(() => w.captureVisibleTab('b'));
      w.advance(2000);
      await capture(() => w.captureVisibleTab('c'));
    });
    expect(w.sleeps).toEqual([350]);
  });

  it('rejects a failed job with its own error and goes on with the next', async () => {
    const w = fakeWorld();
    const failing = w.queue.run((capture) => capture(() => w.captureVisibleTab('a', true)));
    const thrower = w.queue.run(() => Promise.reject(new Error('no recorder')));
    const next = w.queue.run((capture) => capture(() => w.captureVisibleTab('b')));
    await expect(failing).rejects.toThrow('quota a');
    await expect(thrower).rejects.toThrow('no recorder');
    await expect(next).resolves.toBe('image b');
    // A failed call still counted with the browser: the next one kept its distance.
    expect(w.calls[1]!.start - w.calls[0]!.end).toBeGreaterThanOrEqual(550);
  });

  it('uses the real clock by default', async () => {
    const queue = new CaptureQueue({ minGapMs: 30 });
    const starts: number[] = [];
    await queue.run(async (capture) => {
      await capture(() => Promise.resolve(starts.push(performance.now())));
      await capture(() => Promise.resolve(starts.push(performance.now())));
    });
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(25);
  });
});

import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../utils/recording/outbox';

/** Lets every pending promise callback run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Timers that run only when the test says so. */
function manualTimers() {
  const due: Array<{ fn: () => void; ms: number }> = [];
  return {
    delays: () => due.map((t) => t.ms),
    setTimer: (fn: () => void, ms: number) => void due.push({ fn, ms }),
    runAll: () => due.splice(0).forEach((t) => t.fn()),
  };
}

/** A send whose calls the test answers one by one. */
function manualSend() {
  const calls: Array<{ message: unknown; ok: () => void; fail: (e: unknown) => void }> = [];
  const send = (message: unknown) =>
    new Promise<void>((ok, fail) => {
      calls.push({ message, ok, fail });
    });
  return { calls, send };
}

const immediate = (fn: () => void) => fn();

describe('Outbox', () => {
  it('sends in order, one message at a time', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    outbox.enqueue(() => 'a');
    outbox.enqueue(() => 'b');
    outbox.enqueue(() => 'c');
    await settle();
    expect(calls.map((c) => c.message)).toEqual(['a']);
    calls[0]!.ok();
    await settle();
    expect(calls.map((c) => c.message)).toEqual(['a', 'b']);
    calls[1]!.ok();
    await settle();
    calls[2]!.ok();
    await settle();
    expect(calls.map((c) => c.message)).toEqual(['a', 'b', 'c']);
  });

  it('waits for an async build before sending', async () => {
    const sent: unknown[] = [];
    const outbox = new Outbox({ send: (m) => (sent.push(m), Promise.resolve()), setTimer: immediate });
    outbox.enqueue(async () => {
      await settle();
      return 'slow';
    });
    outbox.enqueue(() => 'fast');
    await outbox.idle();
    expect(sent).toEqual(['slow', 'fast']);
  });

  it('retries a failing send until it succeeds, without dropping or reordering messages', async () => {
    let failures = 3;
    const sent: unknown[] = [];
    const errors: Array<[unknown, number]> = [];
    const outbox = new Outbox({
      send: (m) => {
        if (m === 'a' && failures-- > 0) return Promise.reject(new Error('worker stopped'));
        sent.push(m);
        return Promise.resolve();
      },
      setTimer: immediate,
      onError: (e, attempt) => errors.push([(e as Error).message, attempt]),
    });
    outbox.enqueue(() => 'a');
    outbox.enqueue(() => 'b');
    await outbox.idle();
    expect(sent).toEqual(['a', 'b']);
    expect(errors).toEqual([
      ['worker stopped', 1],
      ['worker stopped', 2],
      ['worker stopped', 3],
    ]);
  });

  it('waits longer after each failure, repeating the last delay', async () => {
    const timers = manualTimers();
    const outbox = new Outbox({ send: () => Promise.reject(new Error('down')), backoff: [10, 20, 40], setTimer: timers.setTimer });
    outbox.enqueue(() => 'a');
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await settle();
      delays.push(...timers.delays());
      timers.runAll();
    }
    expect(delays).toEqual([10, 20, 40, 40, 40]);
    expect(outbox.pending).toBe(1);
  });

  it('starts the delays over once a send succeeds', async () => {
    const timers = manualTimers();
    let fail = true;
    const outbox = new Outbox({
      send: () => {
        const result = fail ? Promise.reject(new Error('down')) : Promise.resolve();
        fail = !fail;
        return result;
      },
      backoff: [10, 20],
      setTimer: timers.setTimer,
    });
    outbox.enqueue(() => 'a');
    outbox.enqueue(() => 'b');
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await settle();
      delays.push(...timers.delays());
      timers.runAll();
    }
    expect(delays).toEqual([10, 10]);
    expect(outbox.pending).toBe(0);
  });

  it('builds a message once across retries', async () => {
    let builds = 0;
    let failures = 2;
    const outbox = new Outbox({
      send: () => (failures-- > 0 ? Promise.reject(new Error('down')) : Promise.resolve()),
      setTimer: immediate,
    });
    outbox.enqueue(() => ++builds);
    await outbox.idle();
    expect(builds).toBe(1);
  });

  it('does not build a message before its turn', async () => {
    const { calls, send } = manualSend();
    const built: string[] = [];
    const outbox = new Outbox({ send, setTimer: immediate });
    outbox.enqueue(() => (built.push('a'), 'A'));
    outbox.enqueue(() => (built.push('b'), 'B'));
    await settle();
    expect(built).toEqual(['a']);
    calls[0]!.ok();
    await settle();
    expect(built).toEqual(['a', 'b']);
    expect(calls.map((c) => c.message)).toEqual(['A', 'B']);
  });

  it('hands every pending message, in order, to sendAllNow at once, and keeps them queued', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    for (const m of ['a', 'b', 'c']) outbox.enqueue(() => m);
    await settle();
    const now: unknown[] = [];
    outbox.sendAllNow((m) => now.push(m));
    // 'b' and 'c' were not built yet: built and handed over within the call (the page may be unloading).
    expect(now).toEqual(['b', 'c']);
    await settle();
    expect(now).toEqual(['b', 'c', 'a']);
    expect(outbox.pending).toBe(3);
    calls[0]!.ok();
    await settle();
    expect(calls.map((c) => c.message)).toEqual(['a', 'b']);
  });

  it('hands nothing to sendAllNow once everything is acknowledged', async () => {
    const outbox = new Outbox({ send: () => Promise.resolve() });
    outbox.enqueue(() => 'a');
    await outbox.idle();
    const now: unknown[] = [];
    outbox.sendAllNow((m) => now.push(m));
    expect(now).toEqual([]);
  });

  it('counts the messages not yet acknowledged', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    expect(outbox.pending).toBe(0);
    outbox.enqueue(() => 'a');
    outbox.enqueue(() => 'b');
    expect(outbox.pending).toBe(2);
    await settle();
    calls[0]!.fail(new Error('down'));
    await settle();
    expect(outbox.pending).toBe(2);
    calls[1]!.ok(); // the retry of 'a'
    await settle();
    expect(outbox.pending).toBe(1);
  });

  it('resolves idle() only after everything is acknowledged', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    outbox.enqueue(() => 'a');
    outbox.enqueue(() => 'b');
    let idle = false;
    void outbox.idle().then(() => (idle = true));
    await settle();
    calls[0]!.ok();
    await settle();
    expect(idle).toBe(false);
    calls[1]!.ok();
    await settle();
    expect(idle).toBe(true);
    expect(outbox.pending).toBe(0);
  });

  it('resolves idle() at once when nothing is queued', async () => {
    const outbox = new Outbox({ send: () => Promise.resolve() });
    await expect(outbox.idle()).resolves.toBeUndefined();
  });

  it('sends messages queued after it went idle', async () => {
    const sent: unknown[] = [];
    const outbox = new Outbox({ send: (m) => (sent.push(m), Promise.resolve()) });
    outbox.enqueue(() => 'a');
    await outbox.idle();
    outbox.enqueue(() => 'b');
    await outbox.idle();
    expect(sent).toEqual(['a', 'b']);
  });
});

describe('Outbox: refusals no retry can change', () => {
  it('drops a message refused for good and goes on with the next', async () => {
    const sent: unknown[] = [];
    const outbox = new Outbox({
      send: (message) => {
        sent.push(message);
        return message === 'gone' ? Promise.reject(new Error('not-in-visit')) : Promise.resolve();
      },
      setTimer: immediate,
      isFinal: (e) => e instanceof Error && e.message === 'not-in-visit',
    });
    outbox.enqueue(() => 'gone');
    outbox.enqueue(() => 'next');
    await outbox.idle();
    expect(sent).toEqual(['gone', 'next']);
    expect(outbox.pending).toBe(0);
  });

  it('still retries a refusal that is not final', async () => {
    let tries = 0;
    const outbox = new Outbox({
      send: () => (++tries < 3 ? Promise.reject(new Error('no-answer')) : Promise.resolve()),
      setTimer: immediate,
      isFinal: (e) => e instanceof Error && e.message === 'not-in-visit',
    });
    outbox.enqueue(() => 'batch');
    await outbox.idle();
    expect(tries).toBe(3);
  });

  it('sheds the oldest tagged messages, never the one being sent, to stay under a weight', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    outbox.enqueue(() => 'a', 100, 'p1');
    outbox.enqueue(() => 'b', 100, 'p1');
    outbox.enqueue(() => 'page', 10);
    outbox.enqueue(() => 'c', 100, 'p1');
    outbox.enqueue(() => 'd', 100, 'p1');
    await settle();
    expect(outbox.weight).toBe(410);
    expect(outbox.shed('p1', 250)).toEqual({ messages: 2, chars: 200 });
    expect(outbox.weight).toBe(210);
    for (let i = 0; i < 3; i++) {
      calls[i]!.ok();
      await settle();
    }
    expect(calls.map((c) => c.message)).toEqual(['a', 'page', 'd']);
    expect(outbox.weight).toBe(0);
  });
});

describe('Outbox: a path that keeps failing', () => {
  it('goes by the fallback after three failures of the first path, and counts it', async () => {
    const sent: string[] = [];
    const outbox = new Outbox({
      send: (m) => (sent.push(`send ${String(m)}`), Promise.reject(new Error('Permission denied'))),
      fallback: (m) => (sent.push(`fallback ${String(m)}`), Promise.resolve()),
      setTimer: immediate,
    });
    outbox.enqueue(() => 'batch');
    outbox.enqueue(() => 'next');
    await outbox.idle();
    expect(sent).toEqual(['send batch', 'send batch', 'send batch', 'fallback batch', 'send next', 'send next', 'send next', 'fallback next']);
    expect(outbox.health).toEqual({ retried: 2, fellBack: 2, lost: 0 });
  });

  it('gives a message up after its attempts in all, counts it lost, says so, and goes on', async () => {
    const dropped: Array<[unknown, string]> = [];
    let fail = true;
    const outbox = new Outbox({
      send: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve()),
      fallback: () => Promise.reject(new Error('storage full')),
      maxAttempts: 5,
      setTimer: immediate,
      onDrop: (m, _e, why) => dropped.push([m, why]),
    });
    outbox.enqueue(() => 'doomed');
    await outbox.idle();
    fail = false;
    outbox.enqueue(() => 'fine');
    await outbox.idle();
    expect(dropped).toEqual([['doomed', 'exhausted']]);
    expect(outbox.health).toEqual({ retried: 0, fellBack: 0, lost: 1 });
    expect(outbox.pending).toBe(0);
  });

  it('does not count a final refusal as lost (the sender decides), but tells of it', async () => {
    const dropped: string[] = [];
    const outbox = new Outbox({
      send: () => Promise.reject(new Error('not-in-visit')),
      isFinal: () => true,
      setTimer: immediate,
      onDrop: (_m, _e, why) => dropped.push(why),
    });
    outbox.enqueue(() => 'gone');
    await outbox.idle();
    expect(dropped).toEqual(['final']);
    expect(outbox.health.lost).toBe(0);
  });
});

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

  it('builds the compact form once, however many times it is sent, and sends it rather than the plain one', async () => {
    let builds = 0;
    let failures = 2;
    const sent: unknown[] = [];
    const outbox = new Outbox({
      send: (m) => {
        sent.push(m);
        return failures-- > 0 ? Promise.reject(new Error('down')) : Promise.resolve();
      },
      setTimer: immediate,
    });
    outbox.enqueue(
      () => 'plain',
      () => Promise.resolve({ n: ++builds }),
    );
    await outbox.idle();
    expect(builds).toBe(1);
    expect(sent).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
  });

  it('sends the plain form at once when the compact form cannot be built, and says so', async () => {
    const sent: unknown[] = [];
    const fallbacks: unknown[] = [];
    const outbox = new Outbox({
      send: (m) => {
        sent.push(m);
        return Promise.resolve();
      },
      setTimer: immediate,
      onFallback: (e) => fallbacks.push(e),
    });
    outbox.enqueue(
      () => 'plain',
      () => Promise.reject(new Error('Permission denied to access property "constructor"')),
    );
    outbox.enqueue(() => 'next');
    await outbox.idle();
    expect(sent).toEqual(['plain', 'next']);
    expect(fallbacks).toHaveLength(1);
  });

  it('falls back to the plain form after the compact form is refused three times', async () => {
    const sent: unknown[] = [];
    const outbox = new Outbox({
      send: (m) => {
        sent.push(m);
        return m === 'plain' ? Promise.resolve() : Promise.reject(new Error('too big'));
      },
      setTimer: immediate,
    });
    outbox.enqueue(
      () => 'plain',
      () => Promise.resolve('compact'),
    );
    await outbox.idle();
    expect(sent).toEqual(['compact', 'compact', 'compact', 'plain']);
  });

  it('builds the plain form once across retries when there is no compact form', async () => {
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

  it('does not build a compact form before its turn', async () => {
    const { calls, send } = manualSend();
    const built: string[] = [];
    const outbox = new Outbox({ send, setTimer: immediate });
    outbox.enqueue(
      () => 'a',
      () => (built.push('a'), Promise.resolve('A')),
    );
    outbox.enqueue(
      () => 'b',
      () => (built.push('b'), Promise.resolve('B')),
    );
    await settle();
    expect(built).toEqual(['a']);
    calls[0]!.ok();
    await settle();
    expect(built).toEqual(['a', 'b']);
    expect(calls.map((c) => c.message)).toEqual(['A', 'B']);
  });

  it('hands every pending message, plain and in order, to sendAllNow, and keeps them queued', async () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox({ send, setTimer: immediate });
    for (const m of ['a', 'b', 'c']) outbox.enqueue(() => m, () => Promise.resolve(m.toUpperCase()));
    await settle();
    const now: unknown[] = [];
    outbox.sendAllNow((m) => now.push(m));
    expect(now).toEqual(['a', 'b', 'c']);
    expect(outbox.pending).toBe(3);
    calls[0]!.ok();
    await settle();
    expect(calls.map((c) => c.message)).toEqual(['A', 'B']);
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
    outbox.enqueue(() => 'a', undefined, 100, 'p1');
    outbox.enqueue(() => 'b', undefined, 100, 'p1');
    outbox.enqueue(() => 'page', undefined, 10);
    outbox.enqueue(() => 'c', undefined, 100, 'p1');
    outbox.enqueue(() => 'd', undefined, 100, 'p1');
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

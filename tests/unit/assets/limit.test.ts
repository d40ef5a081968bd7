import { describe, expect, it } from 'vitest';
import { limiter } from '../../../utils/assets/limit';

/** A job that ends when told, noting how many ran at once. */
function gate(log: { now: number; max: number }) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  const job = async () => {
    log.now++;
    log.max = Math.max(log.max, log.now);
    await done;
    log.now--;
    return 'ok';
  };
  return { job, open };
}

describe('limiter', () => {
  it('runs two at a time, in the order asked, and the next starts as one ends', async () => {
    const run = limiter(2);
    const log = { now: 0, max: 0 };
    const gates = [gate(log), gate(log), gate(log), gate(log)];
    const results = gates.map((g) => run(g.job));
    await Promise.resolve();
    expect(log.now).toBe(2);
    gates[0]!.open();
    gates[1]!.open();
    await results[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(log.now).toBe(2);
    gates[2]!.open();
    gates[3]!.open();
    expect(await Promise.all(results)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(log.max).toBe(2);
  });

  it('frees the place of a job that fails', async () => {
    const run = limiter(1);
    await expect(run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await run(() => Promise.resolve(3))).toBe(3);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTimeout } from '../../utils/timeout';

describe('withTimeout', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('gives the promise’s value when it comes in time, and clears its timer', async () => {
    const onTimeout = vi.fn(() => 'late');
    const result = withTimeout(Promise.resolve(7), 100, onTimeout);
    await expect(result).resolves.toBe(7);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('passes the promise’s rejection on, and clears its timer', async () => {
    const result = withTimeout(Promise.reject(new Error('no recorder')), 100, () => 'late');
    await expect(result).rejects.toThrow('no recorder');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives what onTimeout returns once the time is up', async () => {
    const never = new Promise<number>(() => undefined);
    const result = withTimeout(never, 100, () => 'timed-out' as const);
    await vi.advanceTimersByTimeAsync(99);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('timed-out');
  });

  it('rejects with what onTimeout throws', async () => {
    const result = withTimeout(new Promise(() => undefined), 50, () => {
      throw new Error('no answer in 50 ms');
    });
    const caught = result.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(await caught).toEqual(new Error('no answer in 50 ms'));
  });

  it('waits for a promise onTimeout returns', async () => {
    const result = withTimeout(new Promise(() => undefined), 10, () => Promise.resolve('cleaned up'));
    await vi.advanceTimersByTimeAsync(10);
    await expect(result).resolves.toBe('cleaned up');
  });
});

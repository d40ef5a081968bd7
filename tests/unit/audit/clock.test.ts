// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageClock } from '../../../entrypoints/audit/clock';

// The audit begins at the page's next idle moment, and says the longest task it saw (none here).

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pageClock', () => {
  it('resolves at the next idle moment, and reports no long task where none was seen', async () => {
    const clock = pageClock(window);
    let began = false;
    void clock.idle().then(() => (began = true));
    expect(began).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(began).toBe(true);
    expect(clock.longestTask()).toBe(0);
    clock.stop();
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageClock, QUIET_MS } from '../../../entrypoints/audit.content/calm';

// The audit begins only when the shopper has been still a moment: never in the middle of an interaction.

function input(type: string): void {
  const event = new Event(type, { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  window.dispatchEvent(event);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pageClock', () => {
  it('begins at once on a still page, and only a moment after the last input otherwise', async () => {
    const clock = pageClock(window);
    let began = false;
    void clock.calm().then(() => (began = true));
    await vi.advanceTimersByTimeAsync(5);
    expect(began).toBe(true);

    began = false;
    input('keydown');
    void clock.calm().then(() => (began = true));
    await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
    input('pointerdown');
    await vi.advanceTimersByTimeAsync(QUIET_MS - 10);
    expect(began).toBe(false);
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(began).toBe(true);
    clock.stop();
  });

  it('does not count what a page script dispatches as the shopper', async () => {
    const clock = pageClock(window);
    window.dispatchEvent(new Event('keydown'));
    let began = false;
    void clock.calm().then(() => (began = true));
    await vi.advanceTimersByTimeAsync(5);
    expect(began).toBe(true);
    expect(clock.longestTask()).toBe(0);
    clock.stop();
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, watchPanelWork } from '../../../entrypoints/sidepanel/use-panel-work';

/** The panel's share of the customer's clock: when the evaluator works in it. */
describe('watchPanelWork', () => {
  let t = 0;
  let focused = false;
  let sent: Array<{ from: number; to: number }>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    t = 1_000_000;
    focused = false;
    sent = [];
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
    stop = watchPanelWork({ win: window, now: () => t, send: (s) => sent.push(s) });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const wait = (ms: number) => {
    t += ms;
    vi.advanceTimersByTime(ms);
  };
  const last = () => sent.at(-1);

  it('counts from the focus to the blur, sending the span as it grows', () => {
    focused = true;
    window.dispatchEvent(new Event('focus'));
    wait(6000);
    expect(last()).toEqual({ from: 1_000_000, to: 1_006_000 });
    wait(34_000);
    focused = false;
    window.dispatchEvent(new Event('blur'));
    expect(last()).toEqual({ from: 1_000_000, to: 1_040_000 });
    const count = sent.length;
    wait(10_000);
    expect(sent).toHaveLength(count);
  });

  it('without focus news, counts from the first press to a few seconds after the last', () => {
    document.dispatchEvent(new Event('pointerdown'));
    wait(3000);
    document.dispatchEvent(new Event('keydown'));
    wait(3000);
    document.dispatchEvent(new Event('input'));
    wait(IDLE_MS + 2000);
    expect(last()).toEqual({ from: 1_000_000, to: 1_006_000 + IDLE_MS });
  });

  it('ends a span when the panel is hidden', () => {
    focused = true;
    window.dispatchEvent(new Event('focus'));
    wait(2000);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(last()).toEqual({ from: 1_000_000, to: 1_002_000 });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});

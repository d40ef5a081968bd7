import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageContext } from '../../../utils/content/page-context';

describe('PageContext', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs timers and listeners while the extension is there, and none once it is gone', () => {
    vi.useFakeTimers();
    let alive = true;
    const ctx = new PageContext(() => alive);
    const ran: string[] = [];
    const target = new EventTarget();
    ctx.setTimeout(() => ran.push('timeout'), 10);
    ctx.setInterval(() => ran.push('interval'), 10);
    ctx.addEventListener(target as Window, 'pagehide', () => ran.push('event'));
    vi.advanceTimersByTime(10);
    target.dispatchEvent(new Event('pagehide'));
    expect(ran).toEqual(['timeout', 'interval', 'event']);
    alive = false;
    vi.advanceTimersByTime(50);
    expect(ctx.isValid).toBe(false);
    target.dispatchEvent(new Event('pagehide'));
    expect(ran).toEqual(['timeout', 'interval', 'event']);
  });

  it('announces nothing: no event reaches the document or the window when a script starts', () => {
    const dispatched = vi.fn();
    const doc = { dispatchEvent: dispatched, addEventListener: dispatched };
    vi.stubGlobal('document', doc);
    vi.stubGlobal('window', { postMessage: dispatched, addEventListener: dispatched });
    try {
      const ctx = new PageContext(() => true);
      ctx.setTimeout(() => undefined, 0);
      expect(dispatched).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('waits for an idle moment, or for a timer where there are no idle callbacks (as here, in Node)', () => {
    vi.useFakeTimers();
    const ctx = new PageContext(() => true);
    const ran: string[] = [];
    ctx.requestIdleCallback(() => ran.push('idle'), { timeout: 100 });
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['idle']);
  });
});

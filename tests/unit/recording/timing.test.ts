import { describe, expect, it } from 'vitest';
import { navigationBreakdown, navTypeOf } from '../../../utils/recording/timing';

type Entry = Parameters<typeof navigationBreakdown>[0];

const noRedirect: Entry = {
  redirectStart: 0,
  redirectEnd: 0,
  domainLookupStart: 5.2,
  domainLookupEnd: 17.26,
  connectStart: 17.3,
  connectEnd: 60,
  requestStart: 61,
  responseStart: 180.04,
  domContentLoadedEventEnd: 640.55,
  loadEventEnd: 1210,
  transferSize: 48_000,
  type: 'navigate',
};

describe('navigationBreakdown', () => {
  it('gives each phase as a duration to a tenth of a ms, and ttfb, DCL and load from the start', () => {
    expect(navigationBreakdown(noRedirect)).toEqual({
      redirect: 0,
      dns: 12.1,
      connect: 42.7,
      ttfb: 180,
      domContentLoaded: 640.6,
      load: 1210,
      transferSize: 48_000,
    });
  });

  it('measures a redirect', () => {
    const entry = { ...noRedirect, redirectStart: 2, redirectEnd: 95.5 };
    expect(navigationBreakdown(entry).redirect).toBe(93.5);
  });

  it('leaves out load while the load event has not ended', () => {
    const timing = navigationBreakdown({ ...noRedirect, loadEventEnd: 0 });
    expect(timing).not.toHaveProperty('load');
    expect(timing.domContentLoaded).toBe(640.6);
  });

  it('leaves out a zero transfer size (served from cache)', () => {
    expect(navigationBreakdown({ ...noRedirect, transferSize: 0 })).not.toHaveProperty('transferSize');
  });

  it('never gives a negative duration', () => {
    const timing = navigationBreakdown({ ...noRedirect, domainLookupStart: 20, domainLookupEnd: 0, connectStart: 30, connectEnd: 10 });
    expect([timing.dns, timing.connect]).toEqual([0, 0]);
  });
});

describe('navTypeOf', () => {
  it.each([
    ['navigate', 'navigate'],
    ['reload', 'reload'],
    ['back_forward', 'back_forward'],
    ['prerender', 'prerender'],
  ] as const)('%s → %s', (type, expected) => {
    expect(navTypeOf({ type })).toBe(expected);
  });

  it('calls a missing entry a navigation', () => {
    expect(navTypeOf(undefined)).toBe('navigate');
  });
});

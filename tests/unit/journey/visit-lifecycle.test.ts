import { describe, expect, it } from 'vitest';
import { addOrigin, addTab, interrupt, newVisit, originPattern, pause, resume, stop } from '../../../utils/journey/visit-lifecycle';
import { activeDuration, isActive, visitSchema, type Visit, type VisitStatus } from '../../../utils/schema/visit';

const start = () => newVisit({ id: 'v1', origin: 'http://127.0.0.1:8080', tabId: 4, pattern: 'http://127.0.0.1/*', now: 1000 });

describe('newVisit', () => {
  it('starts recording in its tab, on its origin', () => {
    expect(start()).toEqual({
      id: 'v1',
      origin: 'http://127.0.0.1:8080',
      site: '127.0.0.1:8080',
      startedAt: 1000,
      status: 'recording',
      tabIds: [4],
      origins: ['http://127.0.0.1/*'],
      pauses: [],
    });
    expect(visitSchema.safeParse(start()).success).toBe(true);
  });

  it('keeps the user agent when given', () => {
    const v = newVisit({ id: 'v', origin: 'https://shop.example', tabId: 1, pattern: 'https://shop.example/*', now: 0, userAgent: 'UA/1' });
    expect(v).toMatchObject({ site: 'shop.example', userAgent: 'UA/1' });
  });
});

describe('pause and resume', () => {
  it('opens a pause, then closes it', () => {
    const paused = pause(start(), 2000);
    expect(paused).toMatchObject({ status: 'paused', pauses: [{ from: 2000 }] });
    expect(resume(paused, 2500)).toMatchObject({ status: 'recording', pauses: [{ from: 2000, to: 2500 }] });
  });

  it('keeps earlier pauses closed as they were', () => {
    const v = resume(pause(resume(pause(start(), 2000), 2500), 3000), 3100);
    expect(v.pauses).toEqual([
      { from: 2000, to: 2500 },
      { from: 3000, to: 3100 },
    ]);
  });

  it('does not add a tab it already has, nor one when none is given', () => {
    expect(resume(pause(start(), 2000), 2500, 4).tabIds).toEqual([4]);
    expect(resume(pause(start(), 2000), 2500).tabIds).toEqual([4]);
  });

  it('leaves the given visit unchanged', () => {
    const v = start();
    pause(v, 2000);
    expect(v).toEqual(start());
  });
});

describe('stop', () => {
  it('ends a recording visit', () => {
    expect(stop(start(), 9000)).toMatchObject({ status: 'ended', endedAt: 9000, pauses: [] });
  });

  it('closes an open pause', () => {
    expect(stop(pause(start(), 2000), 9000)).toMatchObject({ status: 'ended', endedAt: 9000, pauses: [{ from: 2000, to: 9000 }] });
  });

  it('closes the pause of an interrupted visit', () => {
    expect(stop(interrupt(start(), 3000), 9000).pauses).toEqual([{ from: 3000, to: 9000 }]);
  });
});

describe('interrupt', () => {
  it('counts the time since the last thing recorded as a pause', () => {
    expect(interrupt(start(), 3000)).toMatchObject({ status: 'interrupted', pauses: [{ from: 3000 }] });
  });

  it('keeps the open pause of a paused visit rather than adding one', () => {
    expect(interrupt(pause(start(), 2000), 3000)).toMatchObject({ status: 'interrupted', pauses: [{ from: 2000 }] });
  });

  it('adds a pause after closed ones', () => {
    const v = interrupt(resume(pause(start(), 2000), 2500), 3000);
    expect(v.pauses).toEqual([{ from: 2000, to: 2500 }, { from: 3000 }]);
  });

  it('resumes in the given tab only, closing the pause', () => {
    // The tabs of the closed browser are gone; their ids may be given to new, unrelated tabs.
    expect(resume(interrupt(start(), 3000), 8000, 9)).toMatchObject({
      status: 'recording',
      tabIds: [9],
      pauses: [{ from: 3000, to: 8000 }],
    });
  });
});

describe('invalid transitions', () => {
  const inState = (status: VisitStatus): Visit => {
    const v = start();
    if (status === 'paused') return pause(v, 2000);
    if (status === 'interrupted') return interrupt(v, 2000);
    if (status === 'ended') return stop(v, 2000);
    return v;
  };

  it.each([
    ['pause', 'paused', (v: Visit) => pause(v, 5000)],
    ['pause', 'interrupted', (v: Visit) => pause(v, 5000)],
    ['pause', 'ended', (v: Visit) => pause(v, 5000)],
    ['resume', 'recording', (v: Visit) => resume(v, 5000, 7)],
    ['resume', 'ended', (v: Visit) => resume(v, 5000, 7)],
    ['stop', 'ended', (v: Visit) => stop(v, 5000)],
    ['interrupt', 'interrupted', (v: Visit) => interrupt(v, 5000)],
    ['interrupt', 'ended', (v: Visit) => interrupt(v, 5000)],
  ] as const)('%s of a %s visit returns the same visit', (_, status, change) => {
    const v = inState(status);
    expect(change(v)).toBe(v);
  });
});

describe('addTab and addOrigin', () => {
  it('add once', () => {
    const v = addOrigin(addOrigin(addTab(addTab(start(), 5), 5), 'https://pay.example/*'), 'https://pay.example/*');
    expect(v.tabIds).toEqual([4, 5]);
    expect(v.origins).toEqual(['http://127.0.0.1/*', 'https://pay.example/*']);
  });

  it('return the same visit when nothing is added', () => {
    const v = start();
    expect(addTab(v, 4)).toBe(v);
    expect(addOrigin(v, 'http://127.0.0.1/*')).toBe(v);
  });
});

describe('originPattern', () => {
  it.each([
    ['https://shop.example/panier?x=1#y', 'https://shop.example/*'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1/*'],
    ['https://shop.example:8443/a', 'https://shop.example/*'],
    ['HTTPS://Shop.Example/', 'https://shop.example/*'],
    ['http://[::1]:3000/', 'http://[::1]/*'],
    ['https://user:pw@shop.example/', 'https://shop.example/*'],
    ['file:///home/me/page.html', undefined],
    ['chrome://extensions', undefined],
    ['chrome-extension://abc/sidepanel.html', undefined],
    ['about:blank', undefined],
    ['ftp://files.example/', undefined],
    ['not a url', undefined],
    ['', undefined],
  ])('%s → %s', (url, expected) => {
    expect(originPattern(url)).toBe(expected);
  });
});

describe('isActive', () => {
  it.each([
    ['recording', true],
    ['paused', true],
    ['interrupted', false],
    ['ended', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(isActive({ status })).toBe(expected);
  });
});

describe('activeDuration', () => {
  it.each([
    ['running, no pause', { startedAt: 1000, pauses: [] }, 5000, 4000],
    ['ended: counts to the end, not now', { startedAt: 1000, endedAt: 3000, pauses: [] }, 9000, 2000],
    ['closed pauses left out', { startedAt: 0, pauses: [{ from: 100, to: 300 }, { from: 500, to: 600 }] }, 1000, 700],
    ['an open pause counts until now', { startedAt: 0, pauses: [{ from: 400 }] }, 1000, 400],
    ['an open pause of an ended visit counts until the end', { startedAt: 0, endedAt: 800, pauses: [{ from: 600 }] }, 5000, 600],
    ['a pause running past the end is cut at the end', { startedAt: 0, endedAt: 800, pauses: [{ from: 600, to: 2000 }] }, 5000, 600],
    ['never negative', { startedAt: 5000, pauses: [] }, 1000, 0],
  ])('%s', (_, visit, now, expected) => {
    expect(activeDuration(visit, now)).toBe(expected);
  });

  it('follows the lifecycle', () => {
    const v = stop(resume(pause(start(), 2000), 2600), 4000);
    expect(activeDuration(v, 99_000)).toBe(3000 - 600);
  });
});

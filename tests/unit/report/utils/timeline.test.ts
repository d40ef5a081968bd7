import { describe, expect, it } from 'vitest';
import { replayAt, timelineOf, type Timeline } from '../../../../utils/report/timeline';
import type { RecordingPart } from '../../../../utils/report/visit-data';

const T0 = Date.UTC(2026, 10, 24, 9, 30);

const part = (pageId: string, seq: number, firstTs: number, lastTs: number, count = 1): RecordingPart => ({
  visitId: 'v1',
  pageId,
  seq,
  count,
  firstTs,
  lastTs,
});

describe('timelineOf', () => {
  it.each<[string, RecordingPart[], { start: number | null; pageStarts: [string, number][]; durationMs: number }]>([
    ['no recording', [], { start: null, pageStarts: [], durationMs: 0 }],
    ['only empty parts', [part('p1', 0, T0, T0 + 100, 0)], { start: null, pageStarts: [], durationMs: 0 }],
    ['one part', [part('p1', 0, T0, T0 + 900)], { start: T0, pageStarts: [['p1', T0]], durationMs: 900 }],
    ['one event', [part('p1', 0, T0, T0)], { start: T0, pageStarts: [['p1', T0]], durationMs: 0 }],
    [
      'two pages',
      [part('p1', 0, T0, T0 + 5000), part('p1', 1, T0 + 5000, T0 + 9000), part('p2', 0, T0 + 10_000, T0 + 25_000)],
      { start: T0, pageStarts: [['p1', T0], ['p2', T0 + 10_000]], durationMs: 25_000 },
    ],
    [
      'parts out of order (a page starts at its earliest batch)',
      [part('p2', 1, T0 + 12_000, T0 + 14_000), part('p2', 0, T0 + 10_000, T0 + 11_000), part('p1', 0, T0 + 1000, T0 + 2000)],
      { start: T0 + 1000, pageStarts: [['p2', T0 + 10_000], ['p1', T0 + 1000]], durationMs: 13_000 },
    ],
    [
      'an empty part with earlier and later times (ignored)',
      [part('p1', 0, T0 - 60_000, T0 + 60_000, 0), part('p1', 1, T0, T0 + 1000), part('p2', 0, T0 - 5, T0 + 99_999, 0)],
      { start: T0, pageStarts: [['p1', T0]], durationMs: 1000 },
    ],
    [
      'a batch that ends before an earlier one',
      [part('p1', 0, T0, T0 + 30_000), part('p1', 1, T0 + 10_000, T0 + 12_000)],
      { start: T0, pageStarts: [['p1', T0]], durationMs: 30_000 },
    ],
    ['a part whose last time is before its first', [part('p1', 0, T0, T0 - 500)], { start: T0, pageStarts: [['p1', T0]], durationMs: 0 }],
  ])('reads %s', (_, recording, expected) => {
    const timeline = timelineOf(recording);
    expect(timeline.start).toBe(expected.start);
    expect([...timeline.pageStarts]).toEqual(expected.pageStarts);
    expect(timeline.durationMs).toBe(expected.durationMs);
  });
});

describe('replayAt', () => {
  const timeline: Timeline = timelineOf([part('p1', 0, T0, T0 + 9000), part('p2', 0, T0 + 10_000, T0 + 25_000), part('p3', 0, T0 + 30_000, T0 + 30_000, 0)]);

  it.each<[string, string, number, number | null]>([
    ['the first page’s start', 'p1', 0, 0],
    ['an offset into the first page', 'p1', 4200, 4200],
    ['the second page’s start', 'p2', 0, 10_000],
    ['an offset into the second page', 'p2', 1500, 11_500],
    ['an offset past the page’s end', 'p1', 12_000, 12_000],
    ['a page without recording', 'p3', 0, null],
    ['an unknown page', 'nope', 100, null],
  ])('places %s', (_, pageId, offset, expected) => {
    expect(replayAt(timeline, pageId, offset)).toBe(expected);
  });

  it('is null for every page of a visit that recorded nothing', () => {
    expect(replayAt(timelineOf([]), 'p1', 0)).toBeNull();
    expect(replayAt({ start: null, pageStarts: new Map([['p1', T0]]), durationMs: 0 }, 'p1', 0)).toBeNull();
  });

  it('never places a moment before the start of the replay', () => {
    expect(replayAt(timeline, 'p1', -500)).toBe(0);
  });
});

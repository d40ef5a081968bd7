import { describe, expect, it } from 'vitest';
import { coveredMs, customerMs, mergeSpans } from '../../../utils/journey/customer-time';

describe('mergeSpans', () => {
  it('sorts, merges overlapping and touching spans, drops empty and reversed ones', () => {
    expect(
      mergeSpans([
        { from: 50, to: 60 },
        { from: 0, to: 10 },
        { from: 10, to: 20 },
        { from: 15, to: 18 },
        { from: 30, to: 30 },
        { from: 40, to: 35 },
      ]),
    ).toEqual([
      { from: 0, to: 20 },
      { from: 50, to: 60 },
    ]);
  });

  it('keeps a growing span sent again and again as one (the panel resends its open span)', () => {
    expect(mergeSpans([{ from: 100, to: 105 }, { from: 100, to: 110 }, { from: 100, to: 120 }])).toEqual([{ from: 100, to: 120 }]);
  });

  it('stays within its bound by joining the closest neighbours', () => {
    const spans = [
      { from: 0, to: 1 },
      { from: 100, to: 101 },
      { from: 103, to: 104 },
      { from: 300, to: 301 },
    ];
    expect(mergeSpans(spans, 3)).toEqual([
      { from: 0, to: 1 },
      { from: 100, to: 104 },
      { from: 300, to: 301 },
    ]);
  });
});

describe('customer time', () => {
  it('leaves out panel work and pauses, counting an overlap once', () => {
    const off = {
      panelWork: [
        { from: 10_000, to: 50_000 },
        { from: 45_000, to: 55_000 },
      ],
      pauses: [{ from: 50_000, to: 60_000 }],
    };
    // 0–100 s on the page, 10–60 s off the clock.
    expect(customerMs(0, 100_000, off, 200_000)).toBe(50_000);
    expect(coveredMs(0, 100_000, off.panelWork)).toBe(45_000);
  });

  it('counts only what falls inside the span, and a pause still open until now', () => {
    expect(customerMs(20_000, 30_000, { panelWork: [{ from: 0, to: 25_000 }] }, 0)).toBe(5_000);
    expect(customerMs(0, 100_000, { pauses: [{ from: 90_000 }] }, 95_000)).toBe(95_000);
  });

  it('is never negative, and zero for an empty span', () => {
    expect(customerMs(10, 5, {}, 0)).toBe(0);
    expect(customerMs(0, 10, { panelWork: [{ from: -5, to: 50 }] }, 0)).toBe(0);
  });
});

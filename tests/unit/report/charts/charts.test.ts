import { describe, expect, it } from 'vitest';
import { linearAxis, timeAxis } from '../../../../utils/report/charts/axis';
import { funnelChart, stageTimes } from '../../../../utils/report/charts/funnel-chart';
import { scoresChart } from '../../../../utils/report/charts/scores-chart';
import { timelineChart } from '../../../../utils/report/charts/timeline-chart';
import { vitalsChart } from '../../../../utils/report/charts/vitals-chart';
import type { JourneyPage, ReportModel, ReportSpeedPage } from '../../../../utils/report/model-types';
import { reportModel } from '../../components/report/model-fixture';

const page = (id: string, type: JourneyPage['type'], customerMs: number): JourneyPage => ({
  id,
  url: `https://shop.test/${id}`,
  title: id,
  type,
  typeLabel: type,
  startedAt: 0,
  durationMs: customerMs,
  customerMs,
  replayAt: null,
  refinements: 0,
  signals: [],
});

describe('chart axes', () => {
  it('round the end up and tick on round values', () => {
    const a = linearAxis(87, 0, 100, 5);
    expect(a.max).toBe(100);
    expect(a.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(a.at(50)).toBe(50);
    // Clamped: a value past the end stays on the chart.
    expect(a.at(1000)).toBe(100);
  });

  it('tick durations on whole seconds, then minutes, then hours', () => {
    expect(timeAxis(45_000, 0, 100).ticks.map((t) => t.value)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    const minutes = timeAxis(31 * 60_000, 0, 100).ticks.map((t) => t.value / 60_000);
    expect(minutes).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(timeAxis(5 * 3_600_000, 0, 100).ticks.every((t) => t.value % 3_600_000 === 0)).toBe(true);
  });
});

describe('funnel chart', () => {
  const model = (pages: JourneyPage[], outcome: ReportModel['summary']['outcome']) => ({
    journey: { ...reportModel.journey, stages: [], pages },
    summary: { ...reportModel.summary, outcome },
  });

  it('adds up customer time per stage; an account page counts for the stage the shopper was in', () => {
    const m = model([page('h', 'home', 5_000), page('p', 'product', 20_000), page('c', 'cart', 10_000), page('a', 'account', 7_000), page('p2', 'product', 4_000)], {
      kind: 'unknown',
      text: '',
      evidence: [],
    });
    const { times, stop } = stageTimes(m);
    expect(Object.fromEntries(times)).toEqual({ landing: { ms: 5_000, pages: 1 }, product: { ms: 24_000, pages: 2 }, cart: { ms: 17_000, pages: 2 } });
    // Outcome unknown: the visit stopped where its last page was.
    expect(stop).toBe('product');
  });

  it('draws every stage, the unreached empty, the longest stage the longest bar, and marks where the visit stopped', () => {
    const chart = funnelChart(model([page('h', 'home', 5_000), page('c', 'cart', 30_000)], { kind: 'abandoned', stage: 'cart', text: '', evidence: [] }));
    expect(chart.rows.map((r) => r.stage)).toEqual(['landing', 'browse', 'product', 'cart', 'checkout', 'payment', 'confirmation']);
    expect(chart.rows.filter((r) => r.reached).map((r) => r.stage)).toEqual(['landing', 'cart']);
    expect(chart.rows.filter((r) => r.stop).map((r) => r.stage)).toEqual(['cart']);
    const [landing, , , cart] = chart.rows;
    expect(cart!.width).toBeGreaterThan(landing!.width);
    expect(chart.rows.filter((r) => !r.reached).every((r) => r.width === 0)).toBe(true);
    // Bars are proportional to time from the axis' start.
    expect(cart!.width / landing!.width).toBeCloseTo(6, 5);
    expect(chart.axis.ticks.at(-1)!.value).toBeGreaterThanOrEqual(30_000);
    // Rows do not overlap and the axis is under the last.
    const ys = chart.rows.map((r) => r.y);
    expect(ys.every((y, i) => i === 0 || y - ys[i - 1]! >= chart.barHeight)).toBe(true);
    expect(chart.axisY).toBeGreaterThan(ys.at(-1)! + chart.barHeight);
  });

  it('stops at confirmation when the order was placed', () => {
    const chart = funnelChart(model([page('h', 'home', 5_000), page('k', 'confirmation', 2_000)], { kind: 'converted', text: '', evidence: [] }));
    expect(chart.stop).toBe('confirmation');
  });
});

describe('timeline chart', () => {
  it('places pages as bands end to end and each mark in its lane on the replay’s clock', () => {
    const chart = timelineChart({
      replay: { ...reportModel.replay, durationMs: 100_000 },
      markers: [
        { at: 0, kind: 'page', label: 'Home', refId: 'p1' },
        { at: 10_000, kind: 'answer', label: 'C1: No', refId: 'C1' },
        { at: 40_000, kind: 'page', label: 'Cart', refId: 'p2' },
        { at: 50_000, kind: 'signal', label: 'Rage click', refId: 'g1' },
        { at: 60_000, kind: 'screenshot', label: 'Shot', refId: 's1' },
        { at: 70_000, kind: 'note', label: 'Note', refId: 'n1' },
        { at: 90_000, kind: 'abandonment', label: 'Extra costs', refId: 'ab1' },
      ],
    })!;
    expect(chart.pages.map((p) => [p.n, p.pageId])).toEqual([
      [1, 'p1'],
      [2, 'p2'],
    ]);
    expect(chart.pages[0]!.x + chart.pages[0]!.width).toBeCloseTo(chart.pages[1]!.x, 6);
    expect(chart.pages[1]!.x + chart.pages[1]!.width).toBeCloseTo(chart.x1, 6);
    expect(chart.marks.map((m) => [m.lane, m.at])).toEqual([
      ['answer', 10_000],
      ['signal', 50_000],
      ['evidence', 60_000],
      ['evidence', 70_000],
    ]);
    expect(chart.stops.map((s) => s.at)).toEqual([90_000]);
    // One axis for all: a mark at 40 s sits where the second page starts.
    expect(chart.axis.at(40_000)).toBeCloseTo(chart.pages[1]!.x, 6);
    expect(chart.marks[0]!.x).toBeLessThan(chart.marks[1]!.x);
  });

  it('is not drawn without a recording', () => {
    expect(timelineChart({ replay: { ...reportModel.replay, available: false }, markers: [] })).toBeNull();
  });
});

describe('vitals chart', () => {
  const speed = (id: string, vitals: ReportSpeedPage['vitals']): ReportSpeedPage => ({ pageId: id, url: '', title: id, verdict: null, verdictLabel: '', vitals, reasons: [] });

  it('cuts the axis at Google’s thresholds (LCP 2.5 s / 4 s) and places each page’s value', () => {
    const chart = vitalsChart([speed('a', { LCP: { value: 1200, rating: 'good' } }), speed('b', { CLS: { value: 0.3, rating: 'poor' } }), speed('c', { LCP: { value: 4800, rating: 'poor' } })], 'LCP')!;
    expect(chart.thresholds).toEqual([2500, 4000]);
    expect(chart.zones.map((z) => [z.rating, z.from, z.to])).toEqual([
      ['good', 0, 2500],
      ['needs-improvement', 2500, 4000],
      ['poor', 4000, chart.axis.max],
    ]);
    // Pages without the metric are left out; the others keep their place in the speed section.
    expect(chart.rows.map((r) => [r.n, r.pageId, r.rating])).toEqual([
      [1, 'a', 'good'],
      [3, 'c', 'poor'],
    ]);
    expect(chart.rows[1]!.x).toBeGreaterThan(chart.zones[2]!.x);
    expect(chart.rows[0]!.x).toBeLessThan(chart.zones[1]!.x);
  });

  it('uses INP’s and CLS’s own thresholds, and shows the poor zone even when every page is good', () => {
    expect(vitalsChart([speed('a', { INP: { value: 80, rating: 'good' } })], 'INP')!.thresholds).toEqual([200, 500]);
    const cls = vitalsChart([speed('a', { CLS: { value: 0.01, rating: 'good' } })], 'CLS')!;
    expect(cls.thresholds).toEqual([0.1, 0.25]);
    expect(cls.zones[2]!.width).toBeGreaterThan(0);
    expect(cls.axis.max).toBeGreaterThan(0.25);
  });

  it('is not drawn when no page measured the metric', () => {
    expect(vitalsChart([speed('a', { LCP: { value: 1, rating: 'good' } })], 'INP')).toBeNull();
  });
});

describe('scores chart', () => {
  it('puts the overall score first, then each part, bars proportional to the score out of 100', () => {
    const chart = scoresChart({
      score: 72,
      sections: [
        { id: 'trust', title: 'Trust', score: 80, answered: 4, total: 5 },
        { id: 'delivery', title: 'Delivery', score: null, answered: 0, total: 3 },
        { id: 'pay', title: 'Payment', score: 100, answered: 2, total: 2 },
      ],
    });
    expect(chart.bars.map((b) => [b.id, b.score, b.answered, b.total])).toEqual([
      ['overall', 72, 6, 10],
      ['trust', 80, 4, 5],
      ['delivery', null, 0, 3],
      ['pay', 100, 2, 2],
    ]);
    const full = chart.x1 - chart.x0;
    expect(chart.bars[3]!.width).toBeCloseTo(full, 6);
    expect(chart.bars[1]!.width).toBeCloseTo(full * 0.8, 6);
    expect(chart.bars[2]!.width).toBe(0);
    expect(chart.axis.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

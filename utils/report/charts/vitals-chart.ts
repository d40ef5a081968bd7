import { VITAL_THRESHOLDS } from '../../audit/speed';
import type { Rating, VitalName } from '../../schema/page';
import type { ReportSpeedPage } from '../model-types';
import { CHART_WIDTH, linearAxis, type Axis } from './axis';

/**
 * One Core Web Vital across the visit's pages, against Google's thresholds (web-vitals' own, as the
 * speed audit rates them: `VITAL_THRESHOLDS`): the axis is cut into good, needs-improvement and poor
 * zones, each drawn with its own pattern and named, and each page's value is a dot with its figure.
 */

/** The vitals charted: the three Core Web Vitals. */
export const CHARTED_VITALS = ['LCP', 'INP', 'CLS'] as const satisfies readonly VitalName[];
export type ChartedVital = (typeof CHARTED_VITALS)[number];

export interface VitalZone {
  rating: Rating;
  from: number;
  to: number;
  x: number;
  width: number;
}

export interface VitalRow {
  /** From 1, the page's place among the speed section's pages. */
  n: number;
  pageId: string;
  title: string;
  value: number;
  rating: Rating;
  x: number;
  y: number;
}

export interface VitalsChart {
  metric: ChartedVital;
  width: number;
  height: number;
  axis: Axis;
  /** [good up to, poor above]. */
  thresholds: readonly [number, number];
  zones: VitalZone[];
  rows: VitalRow[];
  x0: number;
  x1: number;
  top: number;
  axisY: number;
}

const X0 = 150;
const X1 = CHART_WIDTH - 70;
const ROW = 24;
/** Room above the rows for the zones' names. */
const TOP = 22;

/** The chart of `metric` over the pages that measured it; null when none did. */
export function vitalsChart(pages: readonly ReportSpeedPage[], metric: ChartedVital): VitalsChart | null {
  const measured = pages.flatMap((p, i) => {
    const v = p.vitals[metric];
    return v ? [{ n: i + 1, page: p, value: v.value, rating: v.rating }] : [];
  });
  if (measured.length === 0) return null;
  const [good = 0, poor = 0] = VITAL_THRESHOLDS[metric];
  // Past the poor threshold by a quarter, or to the worst value: both zones always show.
  const axis = linearAxis(Math.max(poor * 1.25, ...measured.map((m) => m.value)), X0, X1, 5);
  const zone = (rating: Rating, from: number, to: number) => ({ rating, from, to, x: axis.at(from), width: axis.at(to) - axis.at(from) });
  const rows = measured.map((m, i) => ({
    n: m.n,
    pageId: m.page.pageId,
    title: m.page.title,
    value: m.value,
    rating: m.rating,
    x: axis.at(m.value),
    y: TOP + i * ROW + ROW / 2,
  }));
  const axisY = TOP + measured.length * ROW + 4;
  return {
    metric,
    width: CHART_WIDTH,
    height: axisY + 22,
    axis,
    thresholds: [good, poor],
    zones: [zone('good', 0, good), zone('needs-improvement', good, poor), zone('poor', poor, axis.max)],
    rows,
    x0: X0,
    x1: X1,
    top: TOP,
    axisY,
  };
}

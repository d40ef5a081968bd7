import type { ReportSummary } from '../model-types';
import { CHART_WIDTH, linearAxis, type Axis } from './axis';

/** The scores of the checklist's parts as bars out of 100, the overall score first. */

export interface ScoreBar {
  /** `overall`, or the part's id. */
  id: string;
  /** The part's title; empty for the overall score (the component names it). */
  title: string;
  score: number | null;
  answered: number;
  total: number;
  /** Baseline of the bar's title. */
  labelY: number;
  /** Top of the bar. */
  y: number;
  /** 0 when not scored. */
  width: number;
}

export interface ScoresChart {
  width: number;
  height: number;
  axis: Axis;
  barHeight: number;
  bars: ScoreBar[];
  /** Left and right ends of the bars' track. */
  x0: number;
  x1: number;
  axisY: number;
}

const ROW = 42;
const BAR = 16;
const TOP = 16;
const X0 = 4;
/** Room on the right for the value written after the longest bar. */
const VALUE_ROOM = 110;

/** The bars' geometry: each part's title above its bar, the score written at the bar's end. */
export function scoresChart(summary: Pick<ReportSummary, 'score' | 'sections'>): ScoresChart {
  const x1 = CHART_WIDTH - VALUE_ROOM;
  const axis = linearAxis(100, X0, x1, 5);
  const rows = [
    { id: 'overall', title: '', score: summary.score, answered: summary.sections.reduce((n, s) => n + s.answered, 0), total: summary.sections.reduce((n, s) => n + s.total, 0) },
    ...summary.sections,
  ];
  const bars = rows.map((r, i) => ({
    id: r.id,
    title: r.title,
    score: r.score,
    answered: r.answered,
    total: r.total,
    labelY: TOP + i * ROW,
    y: TOP + i * ROW + 6,
    width: r.score === null ? 0 : axis.at(Math.max(0, Math.min(100, r.score))) - X0,
  }));
  const axisY = TOP + rows.length * ROW;
  return { width: CHART_WIDTH, height: axisY + 22, axis, barHeight: BAR, bars, x0: X0, x1, axisY };
}

import type { MarkerKind, ReportModel } from '../model-types';
import { CHART_WIDTH, timeAxis, type Axis } from './axis';

/**
 * The visit on one time axis, the replay's (the same times as the report's ▶ links): the pages one
 * after the other as numbered bands, and in lanes below them the answers, the friction signals and
 * the evaluator's notes and screenshots, each lane with its own mark shape so that it reads in black
 * and white. An abandonment is a rule across every lane.
 */

export type TimelineLane = 'answer' | 'signal' | 'evidence';
export const TIMELINE_LANES: readonly TimelineLane[] = ['answer', 'signal', 'evidence'];

export interface TimelinePage {
  /** From 1, in the visit's order. */
  n: number;
  pageId: string;
  label: string;
  at: number;
  x: number;
  width: number;
}

export interface TimelineMark {
  lane: TimelineLane;
  kind: MarkerKind;
  at: number;
  x: number;
  label: string;
}

export interface TimelineChart {
  width: number;
  height: number;
  axis: Axis;
  x0: number;
  x1: number;
  pagesY: number;
  bandHeight: number;
  lanes: { lane: TimelineLane; y: number }[];
  pages: TimelinePage[];
  marks: TimelineMark[];
  stops: TimelineMark[];
  axisY: number;
}

const LANE_OF: Partial<Record<MarkerKind, TimelineLane>> = { answer: 'answer', signal: 'signal', note: 'evidence', screenshot: 'evidence' };
/** Room on the left for the lanes' names. */
const X0 = 110;
const X1 = CHART_WIDTH - 12;
const BAND = 26;
const LANE = 26;
/** Room above the pages' band for the abandonment's label, clear of every lane's marks. */
const TOP = 22;

/** The timeline's geometry; null when the visit has no recording (nothing is placed on its clock). */
export function timelineChart(model: Pick<ReportModel, 'markers' | 'replay'>): TimelineChart | null {
  if (!model.replay.available) return null;
  const last = Math.max(model.replay.durationMs, ...model.markers.map((m) => m.at));
  const axis = timeAxis(last, X0, X1, 6);
  const starts = model.markers.filter((m) => m.kind === 'page');
  const pages = starts.map((m, i) => {
    const end = starts[i + 1]?.at ?? axis.max;
    return { n: i + 1, pageId: m.refId, label: m.label, at: m.at, x: axis.at(m.at), width: Math.max(1, axis.at(end) - axis.at(m.at)) };
  });
  const marks = model.markers.flatMap((m) => {
    const lane = LANE_OF[m.kind];
    return lane ? [{ lane, kind: m.kind, at: m.at, x: axis.at(m.at), label: m.label }] : [];
  });
  const stops = model.markers.filter((m) => m.kind === 'abandonment').map((m) => ({ lane: 'evidence' as const, kind: m.kind, at: m.at, x: axis.at(m.at), label: m.label }));
  const pagesY = TOP;
  const lanes = TIMELINE_LANES.map((lane, i) => ({ lane, y: TOP + BAND + 8 + i * LANE }));
  const axisY = TOP + BAND + 8 + TIMELINE_LANES.length * LANE;
  return { width: CHART_WIDTH, height: axisY + 22, axis, x0: X0, x1: X1, pagesY, bandHeight: BAND, lanes, pages, marks, stops, axisY };
}

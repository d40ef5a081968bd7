import { stageOfType } from '../../journey/funnel';
import { FUNNEL_STAGES, type FunnelStage } from '../../schema/evidence';
import type { ReportModel } from '../model-types';
import { CHART_WIDTH, timeAxis, type Axis } from './axis';

/**
 * The purchase funnel as bars: every stage from landing to confirmation, each with the customer
 * time spent on its pages, the stages never reached left empty, and the stage where the visit
 * stopped marked. A page belongs to a stage as the journey counts it (`stageOfType`: an account page
 * met during checkout is checkout time).
 */

export interface FunnelRow {
  stage: FunnelStage;
  reached: boolean;
  /** Customer time on the stage's pages. */
  customerMs: number;
  pages: number;
  /** The visit stopped here (abandoned, converted, or its last stage when the outcome is unknown). */
  stop: boolean;
  /** When the visit reached it, on the replay's timeline (null without a recording or when not reached). */
  replayAt: number | null;
  y: number;
  width: number;
}

export interface FunnelChart {
  width: number;
  height: number;
  rows: FunnelRow[];
  axis: Axis;
  x0: number;
  rowHeight: number;
  barHeight: number;
  axisY: number;
  stop: FunnelStage | null;
}

/** Room on the left for the stage's name. */
const X0 = 130;
const VALUE_ROOM = 150;
const ROW = 30;
const BAR = 18;
const TOP = 8;

/** Customer time per funnel stage, and where the visit stopped. */
export function stageTimes(model: Pick<ReportModel, 'journey' | 'summary'>): { times: Map<FunnelStage, { ms: number; pages: number }>; stop: FunnelStage | null } {
  const times = new Map<FunnelStage, { ms: number; pages: number }>();
  let stage: FunnelStage | undefined;
  for (const page of model.journey.pages) {
    stage = stageOfType(page.type, stage);
    const t = times.get(stage) ?? { ms: 0, pages: 0 };
    times.set(stage, { ms: t.ms + page.customerMs, pages: t.pages + 1 });
  }
  const outcome = model.summary.outcome;
  const stop = outcome.stage ?? (outcome.kind === 'converted' ? 'confirmation' : (stage ?? null));
  return { times, stop };
}

/** The funnel's geometry. */
export function funnelChart(model: Pick<ReportModel, 'journey' | 'summary'>): FunnelChart {
  const { times, stop } = stageTimes(model);
  const reachedAt = new Map(model.journey.stages.map((s) => [s.stage, s.replayAt]));
  const longest = Math.max(0, ...[...times.values()].map((t) => t.ms));
  const axis = timeAxis(longest, X0, CHART_WIDTH - VALUE_ROOM, 4);
  const rows = FUNNEL_STAGES.map((stage, i) => {
    const t = times.get(stage);
    const reached = reachedAt.has(stage) || t !== undefined;
    return {
      stage,
      reached,
      customerMs: t?.ms ?? 0,
      pages: t?.pages ?? 0,
      stop: stage === stop,
      replayAt: reachedAt.get(stage) ?? null,
      y: TOP + i * ROW,
      width: reached ? Math.max(2, axis.at(t?.ms ?? 0) - X0) : 0,
    };
  });
  const axisY = TOP + FUNNEL_STAGES.length * ROW;
  return { width: CHART_WIDTH, height: axisY + 22, rows, axis, x0: X0, rowHeight: ROW, barHeight: BAR, axisY, stop };
}

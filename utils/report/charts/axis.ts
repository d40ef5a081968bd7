import { scaleLinear } from 'd3-scale';

/**
 * The axes of the report's charts. The charts are SVG drawn once at render time (the exported file
 * runs no script in them), so their geometry is plain numbers in a fixed coordinate space that the
 * `viewBox` scales to the page's width. d3-scale picks the round tick values; this only places them.
 */

/** Every chart's width in its own units; at the report's width a unit is about 1.5 CSS pixels. */
export const CHART_WIDTH = 640;

export interface Tick {
  value: number;
  x: number;
}

export interface Axis {
  /** Where a value falls, clamped to the axis (a value past the end sits at the end). */
  at: (value: number) => number;
  ticks: Tick[];
  /** The axis' end value, rounded up to a tick. */
  max: number;
}

/** A linear axis from 0 to at least `max` over [from, to], with about `count` round ticks. */
export function linearAxis(max: number, from: number, to: number, count = 5): Axis {
  const scale = scaleLinear()
    .domain([0, max > 0 && Number.isFinite(max) ? max : 1])
    .range([from, to])
    .nice(count)
    .clamp(true);
  return { at: (value) => scale(value), ticks: scale.ticks(count).map((value) => ({ value, x: scale(value) })), max: scale.domain()[1] ?? max };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * An axis of durations in ms whose ticks fall on whole seconds, minutes or hours (whichever keeps
 * about `count` of them), so that they read as times ("2:00", "4:00"), not as 120 000 ms.
 */
export function timeAxis(durationMs: number, from: number, to: number, count = 6): Axis {
  const unit = durationMs > 3 * HOUR ? HOUR : durationMs > 3 * MINUTE ? MINUTE : SECOND;
  const axis = linearAxis(durationMs / unit, from, to, count);
  return {
    at: (ms) => axis.at(ms / unit),
    ticks: axis.ticks.filter((t) => Number.isInteger(t.value)).map((t) => ({ value: t.value * unit, x: t.x })),
    max: axis.max * unit,
  };
}

/**
 * The customer's clock (issue 14): a mystery visit is judged on the time a customer would spend on
 * the shop, so the minutes the evaluator works in the panel — answering, writing, capturing,
 * annotating — and the visit's pauses are left out of the durations blamed on the shop. Wall time
 * is kept beside it; the report says which one each figure is.
 */

/** A stretch of time, in ms since the epoch; `to` ≥ `from`. */
export type Span = { from: number; to: number };

/** Spans kept on a visit at most; the oldest are merged into their neighbours beyond it. */
export const MAX_SPANS = 2000;

/** The union of `spans`, sorted, overlapping or touching ones merged; empty or reversed ones dropped. */
export function mergeSpans(spans: readonly Span[], cap = MAX_SPANS): Span[] {
  const sorted = spans.filter((s) => Number.isFinite(s.from) && Number.isFinite(s.to) && s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  // Bounded: the two closest neighbours are joined (the gap between them counts as panel time)
  // until the list fits. A visit of hours with thousands of glances at the panel stays small.
  while (out.length > cap) {
    let best = 0;
    for (let i = 1; i < out.length - 1; i++) if (out[i + 1]!.from - out[i]!.to < out[best + 1]!.from - out[best]!.to) best = i;
    out.splice(best, 2, { from: out[best]!.from, to: out[best + 1]!.to });
  }
  return out;
}

/** How much of [from, to) the spans cover, in ms (the spans need not be merged). */
export function coveredMs(from: number, to: number, spans: readonly Span[]): number {
  if (!(to > from)) return 0;
  let covered = 0;
  for (const s of mergeSpans(spans, Infinity)) {
    const a = Math.max(from, s.from);
    const b = Math.min(to, s.to);
    if (b > a) covered += b - a;
  }
  return covered;
}

/** What the customer's clock leaves out: panel work and pauses (a pause still open runs until `now`). */
export interface OffClock {
  panelWork?: readonly Span[];
  pauses?: ReadonlyArray<{ from: number; to?: number }>;
}

/** The spans the customer's clock does not count, merged. */
export function offClockSpans(off: OffClock, now: number): Span[] {
  return mergeSpans(
    [...(off.panelWork ?? []), ...(off.pauses ?? []).map((p) => ({ from: p.from, to: p.to ?? now }))],
    Infinity,
  );
}

/** Customer time in [from, to): wall time less the evaluator's panel work and the pauses, in ms. */
export function customerMs(from: number, to: number, off: OffClock, now: number): number {
  if (!(to > from)) return 0;
  return Math.max(0, to - from - coveredMs(from, to, offClockSpans(off, now)));
}

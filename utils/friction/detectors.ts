import type { SignalFacts, SignalType } from '../schema/evidence';
import type { ClickFact, ErrorFact, FormErrorFact, FrictionFact, RequestFact, ShiftFact, WaitFact } from './facts';

/**
 * The friction detectors: pure functions from one fact the recorder collected to the signals it
 * shows. A fact carries its own context (a click, the clicks just before it and what followed), so
 * each decision needs nothing but the fact.
 */

/** Clicks that make a rage click, counting the last one. */
export const RAGE_CLICKS = 3;
/** ...all within this long of the last one... */
export const RAGE_WINDOW_MS = 1000;
/** ...and this close to it. */
export const RAGE_RADIUS_PX = 30;
/** The first HTTP status that counts as a failure; 0 is a network error. */
export const FAILED_STATUS = 400;
/** A wait longer than this is a long wait. */
export const LONG_WAIT_MS = 3000;
/** A layout shift larger than this is shown (the "good" CLS limit of one whole page). */
export const LAYOUT_SHIFT_MIN = 0.1;

/** Stored signal values are at most this long. */
const MAX_VALUE = 500;

export interface SignalDraft {
  type: SignalType;
  at: number;
  selector?: string;
  facts: SignalFacts;
}

type Point = { t: number; x: number; y: number };

/** The clicks of `earlier` within the rage window and radius of `last`, with `last` itself. */
function burst(last: Point, earlier: Point[]): { points: Point[]; radius: number } {
  let radius = 0;
  const points = [last];
  for (const p of earlier) {
    const distance = Math.hypot(p.x - last.x, p.y - last.y);
    if (p.t <= last.t && last.t - p.t <= RAGE_WINDOW_MS && distance <= RAGE_RADIUS_PX) {
      points.push(p);
      radius = Math.max(radius, distance);
    }
  }
  return { points, radius };
}

/**
 * A rage click: three clicks or more within a second, close together. It fires on the click that
 * completes the burst only, not again on each click that follows in the same burst.
 */
export function detectRageClick(fact: ClickFact): SignalDraft[] {
  // Double and triple clicks in a text field select a word or a line.
  if (fact.editable) return [];
  const previous = [...fact.previous].sort((a, b) => a.t - b.t);
  const now = burst(fact, previous);
  if (now.points.length < RAGE_CLICKS) return [];
  const last = previous.at(-1);
  if (last && burst(last, previous.slice(0, -1)).points.length >= RAGE_CLICKS) return [];
  const first = Math.min(...now.points.map((p) => p.t));
  return [
    {
      type: 'rage-click',
      at: fact.t,
      selector: fact.selector,
      facts: { clicks: now.points.length, spanMs: fact.t - first, radiusPx: Math.round(now.radius), label: fact.label },
    },
  ];
}

/**
 * A dead click: something that looks clickable did nothing the page could show within a second (no
 * change, no request, no navigation, no scroll, no window opened).
 */
export function detectDeadClick(fact: ClickFact): SignalDraft[] {
  const { navigated, mutated, requested, scrolled } = fact.after;
  if (!fact.actionable || navigated || mutated || requested || scrolled === true) return [];
  const facts: SignalFacts = { label: fact.label };
  if (fact.cue !== undefined) facts.cue = fact.cue;
  return [{ type: 'dead-click', at: fact.t, selector: fact.selector, facts }];
}

/** Every uncaught error or unhandled rejection is a signal. */
export function detectJsError(fact: ErrorFact): SignalDraft[] {
  const facts: SignalFacts = { error: fact.error, message: fact.message };
  if (fact.source !== undefined) facts.source = fact.source;
  if (fact.line !== undefined) facts.line = fact.line;
  return [{ type: 'js-error', at: fact.t, facts }];
}

/** A request answered with an HTTP error, or not answered at all (status 0). */
export function detectFailedRequest(fact: RequestFact): SignalDraft[] {
  if (fact.status !== 0 && fact.status < FAILED_STATUS) return [];
  const facts: SignalFacts = {
    url: fact.url.slice(0, MAX_VALUE),
    method: fact.method,
    status: fact.status,
    resource: fact.resource,
  };
  if (fact.error !== undefined) facts.error = fact.error;
  return [{ type: 'failed-request', at: fact.t, facts }];
}

/** Every error message a form showed is a signal. */
export function detectFormError(fact: FormErrorFact): SignalDraft[] {
  return [{ type: 'form-error', at: fact.t, selector: fact.selector, facts: { text: fact.text, via: fact.via } }];
}

/** A long wait after an action, whether the page finally answered or not. */
export function detectLongWait(fact: WaitFact): SignalDraft[] {
  if (fact.waited <= LONG_WAIT_MS) return [];
  return [
    {
      type: 'long-wait',
      at: fact.t,
      ...(fact.selector !== undefined ? { selector: fact.selector } : {}),
      facts: { action: fact.action, waitedMs: Math.round(fact.waited), resolved: fact.resolved },
    },
  ];
}

/** A large layout shift, attributed to the element that moved most. */
export function detectLayoutShift(fact: ShiftFact): SignalDraft[] {
  if (fact.value <= LAYOUT_SHIFT_MIN) return [];
  const first = fact.sources[0];
  return [
    {
      type: 'layout-shift',
      at: fact.t,
      ...(first !== undefined ? { selector: first } : {}),
      facts: { value: Math.round(fact.value * 1000) / 1000, sources: fact.sources.join(', ').slice(0, MAX_VALUE) },
    },
  ];
}

/** The signals one fact makes: none, one, or (a click) both a rage click and a dead click. */
export function detectSignals(fact: FrictionFact): SignalDraft[] {
  switch (fact.kind) {
    case 'click':
      return [...detectRageClick(fact), ...detectDeadClick(fact)];
    case 'error':
      return detectJsError(fact);
    case 'request':
      return detectFailedRequest(fact);
    case 'form-error':
      return detectFormError(fact);
    case 'wait':
      return detectLongWait(fact);
    case 'shift':
      return detectLayoutShift(fact);
  }
}

/**
 * Closes a wait whose action unloaded the document: the person waited until the next page first
 * painted (`nextPaintAt`, epoch ms).
 */
export function resolveWaitAfterLoad(pending: WaitFact, nextPaintAt: number): WaitFact {
  return { ...pending, waited: Math.max(0, nextPaintAt - pending.t), resolved: true };
}

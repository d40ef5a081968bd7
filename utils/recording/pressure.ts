/**
 * The recorder's degradation ladder, decided from what the relay already sees: each serialised event
 * (its length, and for DOM mutations the number of changes it carries). A page that keeps the
 * recorder busier than a shop ever does steps down instead of freezing:
 *
 *   0 normal → 1 sampled (rrweb restarted with coarser sampling) → 2 paused (rrweb stopped);
 *
 * a flood of events (mouse, scroll) is sampled first; a storm of DOM changes, which sampling does not
 * thin, pauses directly after as many hot seconds as the two steps together;
 * paused, the page is retried after 5 s, 10 s, 20 s, 40 s then every 60 s: recording resumes at
 * step 1 from a fresh full snapshot, and pauses again if the storm goes on. A page that stays calm
 * for a minute at step 1 has its retries reset. `halt` stops for good (the visit's storage budget).
 * Pure: time is a parameter.
 */

import type { DegradeReason } from '../schema/page';

export type Step = 0 | 1 | 2;

/** What the page did during the hot seconds that made the ladder step (or since the pause, on a retry). */
export interface PressureCounts {
  events: number;
  changes: number;
  chars: number;
  ms: number;
}

export interface StepChange {
  at: number;
  step: Step;
  reason: DegradeReason;
  counts: PressureCounts;
}

export interface PressureLimits {
  /** A second is hot when any of these is reached in it. */
  hot: { events: number; changes: number; chars: number };
  /** Consecutive hot seconds that take step 0 to 1, and step 1 to 2. */
  toSample: number;
  toPause: number;
  /** Delays before each retry of a paused page; the last repeats. */
  retryMs: number[];
  /** Calm time at step 1 after which the retry delays start again from the first. */
  forgiveMs: number;
}

/**
 * A shop's busiest moments stay far below: a page load's snapshot is not counted, a client-side
 * route re-renders a few hundred nodes at once, rrweb samples the mouse (100 ms) and scroll (150 ms);
 * a live ticker replacing the text of 300 nodes ten times a second (3,000 changes a second, the
 * bench's heavy journey) is recorded in full: rrweb keeps up with it. 100,000 mutations in 10 s is
 * 10,000 changes a second.
 */
export const DEFAULT_LIMITS: PressureLimits = {
  hot: { events: 150, changes: 6000, chars: 1_000_000 },
  toSample: 2,
  toPause: 3,
  retryMs: [5000, 10_000, 20_000, 40_000, 60_000],
  forgiveMs: 60_000,
};

const zero = (): PressureCounts => ({ events: 0, changes: 0, chars: 0, ms: 0 });

export class Pressure {
  step: Step = 0;
  /** Stopped for good: no retry. */
  halted = false;
  private windowStart: number;
  private window = zero();
  private streak = 0;
  /** Totals of the current run of hot seconds. */
  private hotTotals = zero();
  private retries = 0;
  private resumeAt = 0;
  private steppedAt: number;

  constructor(
    now: number,
    private readonly limits: PressureLimits = DEFAULT_LIMITS,
  ) {
    this.windowStart = now;
    this.steppedAt = now;
  }

  /** One recorded event of `chars` characters carrying `changes` DOM changes; a step change, if any. */
  observe(now: number, chars: number, changes: number): StepChange | undefined {
    const change = this.tick(now);
    this.window.events++;
    this.window.chars += chars;
    this.window.changes += changes;
    return change;
  }

  /** Time passes: closes finished seconds, retries a paused page when its delay is over. */
  tick(now: number): StepChange | undefined {
    if (this.halted) return undefined;
    if (this.step === 2) return now >= this.resumeAt ? this.to(now, 1, 'retry', { ...zero(), ms: now - this.steppedAt }) : undefined;
    if (now - this.windowStart < 1000) return undefined;
    // Seconds without a single event in between were calm.
    const gap = now - this.windowStart >= 2000;
    const reason = this.hotIn(this.window);
    this.windowStart = gap ? now : this.windowStart + 1000;
    const window = this.window;
    this.window = zero();
    if (!reason || gap) {
      this.streak = 0;
      this.hotTotals = zero();
      if (this.step === 1 && now - this.steppedAt >= this.limits.forgiveMs) this.retries = 0;
      return undefined;
    }
    this.streak++;
    this.hotTotals = {
      events: this.hotTotals.events + window.events,
      changes: this.hotTotals.changes + window.changes,
      chars: this.hotTotals.chars + window.chars,
      ms: this.hotTotals.ms + 1000,
    };
    // Sampling only thins mouse and scroll events; against DOM changes, restarting rrweb for it would
    // cost a full snapshot in the middle of the storm and save nothing: those pause directly, as late.
    if (this.step === 0 && reason === 'events' && this.streak >= this.limits.toSample) return this.to(now, 1, reason, this.hotTotals);
    if (this.step === 0 && this.streak >= this.limits.toSample + this.limits.toPause) return this.to(now, 2, reason, this.hotTotals);
    if (this.step === 1 && this.streak >= this.limits.toPause) return this.to(now, 2, reason, this.hotTotals);
    return undefined;
  }

  /** The relay could not keep up (its backlog is full): pause at once. */
  backlog(now: number, counts: PressureCounts): StepChange | undefined {
    return this.halted ? undefined : this.to(now, 2, 'backlog', counts);
  }

  /** Stops for good (the visit's storage budget is reached); undefined if already halted. */
  halt(now: number): StepChange | undefined {
    if (this.halted) return undefined;
    const change = this.to(now, 2, 'budget', zero());
    this.halted = true;
    return change;
  }

  private hotIn(w: PressureCounts): DegradeReason | undefined {
    const { hot } = this.limits;
    if (w.changes >= hot.changes) return 'mutations';
    if (w.chars >= hot.chars) return 'volume';
    if (w.events >= hot.events) return 'events';
    return undefined;
  }

  private to(now: number, step: Step, reason: DegradeReason, counts: PressureCounts): StepChange {
    if (step === 2) {
      const delays = this.limits.retryMs;
      this.resumeAt = now + (delays[Math.min(this.retries, delays.length - 1)] ?? 60_000);
      this.retries++;
    }
    this.step = step;
    this.steppedAt = now;
    this.streak = 0;
    this.hotTotals = zero();
    this.window = zero();
    this.windowStart = now;
    return { at: now, step, reason, counts: { ...counts } };
  }
}

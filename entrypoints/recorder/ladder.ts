import type { PageContext } from '../../utils/content/page-context';
import type { RelayMessage } from '../../utils/messaging/bridge';
import { Pressure, type StepChange } from '../../utils/recording/pressure';
import type { DegradedStep } from '../../utils/schema/page';
import type { MainWorldBridge } from './main-world';

/** The rrweb custom event that marks each step in the recording itself. */
export const DEGRADED_TAG = 'mystere/degraded';

export interface LadderOptions {
  ctx: PageContext;
  bridge: MainWorldBridge;
  /** Puts a serialised event in the current page's recording. */
  mark: (type: number, timestamp: number, json: string) => void;
  /** Adds the step to the current page's record. */
  noted: (step: DegradedStep) => void;
}

/**
 * The degradation ladder's shell in the relay (`utils/recording/pressure.ts` decides): it sits
 * between the page session and the main world, so that a visit's "start" becomes a start with
 * coarser sampling at step 1 and nothing at step 2, and it restarts or stops rrweb when the step
 * changes. Each change is marked in the recording (an rrweb custom event) and on the page.
 */
export class Ladder {
  private readonly pressure = new Pressure(Date.now());
  /** The visit's own wish: recording (the last word was "start") or not. */
  private start: Extract<RelayMessage, { k: 'start' }> | undefined;

  constructor(private readonly o: LadderOptions) {
    o.ctx.setInterval(() => {
      if (this.start) this.apply(this.pressure.tick(Date.now()));
    }, 1000);
  }

  get step() {
    return this.pressure.step;
  }

  /** What the session sends to the main world, adjusted to the step. */
  post(message: RelayMessage): void {
    if (message.k === 'start') {
      this.start = message;
      if (this.pressure.step === 2) return;
      return this.o.bridge.post(this.pressure.step === 1 ? { ...message, lite: true } : message);
    }
    if (message.k === 'stop') this.start = undefined;
    this.o.bridge.post(message);
  }

  /** One recorded event: its characters and the DOM changes it carries. */
  observe(chars: number, changes: number): void {
    this.apply(this.pressure.observe(Date.now(), chars, changes));
  }

  /** Too much waits to be sent: paused at once. */
  backlog(events: number, chars: number): void {
    this.apply(this.pressure.backlog(Date.now(), { events, changes: 0, chars, ms: 0 }));
  }

  /** The visit's storage budget is reached: stopped for good in this document. */
  halt(): void {
    this.apply(this.pressure.halt(Date.now()));
  }

  private apply(change: StepChange | undefined): void {
    if (!change) return;
    const { at, step, reason, counts } = change;
    const entry: DegradedStep = { at, step, reason, ...counts };
    // Before rrweb restarts: the mark comes ahead of the fresh snapshot.
    this.o.mark(5, at, JSON.stringify({ type: 5, timestamp: at, data: { tag: DEGRADED_TAG, payload: entry } }));
    this.o.noted(entry);
    if (!this.start) return;
    this.o.bridge.post(step === 2 ? { k: 'stop' } : { ...this.start, lite: true });
  }
}

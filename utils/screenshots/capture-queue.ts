/**
 * Runs screenshot jobs one at a time, and spaces their calls to the capture API. Chrome refuses more
 * than two `captureVisibleTab` calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); a full page
 * makes several, so the limit is applied per call, not per job.
 *
 * A job receives `capture(call)`: `call` is run once the previous call settled at least `minGapMs`
 * ago. It should make exactly one `captureVisibleTab` call (and may measure around it). The gap is
 * counted from the previous call's end, not its start: Chrome counts a call when it reaches the
 * browser, which is no later than its end, so a delayed message cannot bunch three into one second.
 */

/** Spaces one call to the capture API from the previous one. */
export type Capture = <T>(call: () => Promise<T>) => Promise<T>;

export type CaptureQueueOptions = {
  /** Least time between the end of a call and the start of the next; 550 ms keeps under 2 a second. */
  minGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const settled = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

export class CaptureQueue {
  private readonly minGapMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The last job queued, settled either way: the next one starts after it. */
  private jobs: Promise<void> = Promise.resolve();
  /** The last capture call, settled either way; calls of one job are serial too. */
  private calls: Promise<void> = Promise.resolve();
  private lastEnd = -Infinity;

  constructor(o: CaptureQueueOptions = {}) {
    this.minGapMs = o.minGapMs ?? 550;
    this.now = o.now ?? (() => Date.now());
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Queues a job; it starts when every job queued before it has settled. Its promise carries its
   * own result or error; a failed job does not stop the ones after it.
   */
  run<R>(job: (capture: Capture) => Promise<R>): Promise<R> {
    const result = this.jobs.then(() => job(this.capture));
    this.jobs = settled(result);
    return result;
  }

  private readonly capture: Capture = <T>(call: () => Promise<T>): Promise<T> => {
    const result = this.calls.then(async () => {
      // A loop: a timer may fire a millisecond early.
      for (let wait = this.lastEnd + this.minGapMs - this.now(); wait > 0; wait = this.lastEnd + this.minGapMs - this.now()) {
        await this.sleep(wait);
      }
      try {
        return await call();
      } finally {
        this.lastEnd = this.now();
      }
    });
    this.calls = settled(result);
    return result;
  };
}

/**
 * Messages that must reach the background, sent one at a time in order and kept until acknowledged.
 * A send that fails (the service worker was stopped, restarted, or answered an error) is retried
 * with a growing delay; nothing is dropped while the page lives. The background's writes are
 * idempotent, so a message resent after a lost acknowledgement does no harm.
 */

export interface OutboxOptions {
  send: (message: unknown) => Promise<void>;
  /** Delays between retries, in ms; the last one repeats. */
  backoff?: number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  onError?: (error: unknown, attempt: number) => void;
}

export class Outbox {
  private readonly queue: Array<() => Promise<unknown> | unknown> = [];
  private running = false;
  private attempt = 0;
  private readonly backoff: number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: OutboxOptions) {
    this.backoff = options.backoff ?? [100, 250, 500, 1000, 2000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  /** Messages not yet acknowledged. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Queues a message. `build` runs when its turn comes (so compression happens off the caller's path)
   * and its result is reused for every retry.
   */
  enqueue(build: () => Promise<unknown> | unknown): void {
    let built: Promise<unknown> | undefined;
    this.queue.push(() => (built ??= Promise.resolve(build())));
    void this.drain();
  }

  /** Resolves when everything queued so far has been acknowledged. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      try {
        await this.options.send(await head());
        this.queue.shift();
        this.attempt = 0;
      } catch (error) {
        this.attempt++;
        this.options.onError?.(error, this.attempt);
        const delay = this.backoff[Math.min(this.attempt - 1, this.backoff.length - 1)] ?? 1000;
        await new Promise<void>((resolve) => this.setTimer(resolve, delay));
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}

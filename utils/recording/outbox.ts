/**
 * Messages that must reach the background, sent one at a time in order and kept until acknowledged.
 * A send that fails (the service worker was stopped, restarted, or answered an error) is retried
 * with a growing delay; nothing is dropped while the page lives. The background's writes are
 * idempotent, so a message resent after a lost acknowledgement does no harm.
 *
 * Each message has a plain form, ready at once, and may have a slower compact form (compressed),
 * built when its turn comes. When the page is going away there is no time to wait for
 * acknowledgements or compression: `sendAllNow` hands every pending message, in its plain form, to
 * the browser at once.
 */

export interface OutboxOptions {
  send: (message: unknown) => Promise<void>;
  /** Delays between retries, in ms; the last one repeats. */
  backoff?: number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  onError?: (error: unknown, attempt: number) => void;
  /** A refusal that no retry can change (the visit was deleted, say): the message is dropped. */
  isFinal?: (error: unknown) => boolean;
  /**
   * A message whose compact form could not be built, or was refused this many times, is sent in
   * its plain form from then on: a form that fails one way must not hold the queue (default 3).
   */
  compactAttempts?: number;
  /** Told each time a message falls back to its plain form, with why. */
  onFallback?: (error: unknown) => void;
}

interface Item {
  plain: () => unknown;
  /** Characters the message holds, for the bound on what waits (see `shed`). */
  weight: number;
  /** A message that may be dropped when too much waits (a recorded batch of `tag`'s page). */
  tag?: string;
  compact?: () => Promise<unknown>;
  built?: Promise<unknown>;
  /** Sends of the compact form that failed. */
  failures: number;
}

export class Outbox {
  private readonly queue: Item[] = [];
  private running = false;
  private attempt = 0;
  private readonly backoff: number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private idleWaiters: Array<() => void> = [];
  private waiting = 0;

  constructor(private readonly options: OutboxOptions) {
    this.backoff = options.backoff ?? [100, 250, 500, 1000, 2000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  /** Messages not yet acknowledged. */
  get pending(): number {
    return this.queue.length;
  }

  /** Characters of the messages not yet acknowledged (as declared to `enqueue`). */
  get weight(): number {
    return this.waiting;
  }

  /**
   * Queues a message: its plain form, and optionally a compact form built once, when its turn comes.
   * `weight` (its characters) and `tag` let `shed` drop it when too much waits.
   */
  enqueue(plain: () => unknown, compact?: () => Promise<unknown>, weight = 0, tag?: string): void {
    this.queue.push({ plain, weight, failures: 0, ...(compact ? { compact } : {}), ...(tag ? { tag } : {}) });
    this.waiting += weight;
    void this.drain();
  }

  /**
   * Drops the oldest messages tagged `tag`, never the one being sent, until what waits weighs at
   * most `limit`; returns how many messages and characters were dropped.
   */
  shed(tag: string, limit: number): { messages: number; chars: number } {
    const dropped = { messages: 0, chars: 0 };
    for (let i = 1; i < this.queue.length && this.waiting > limit; ) {
      const item = this.queue[i]!;
      if (item.tag !== tag) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.waiting -= item.weight;
      dropped.messages++;
      dropped.chars += item.weight;
    }
    return dropped;
  }

  private done(): void {
    this.waiting -= this.queue.shift()?.weight ?? 0;
    this.attempt = 0;
  }

  /**
   * The page is going away: hands every pending message, plain, to `send` at once and in order,
   * without waiting. They stay queued, so if the page lives on they are still confirmed.
   */
  sendAllNow(send: (message: unknown) => void): void {
    for (const item of this.queue) send(item.plain());
  }

  /** Resolves when everything queued so far has been acknowledged. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The plain form, from now on, for a message whose compact form failed. */
  private plainInstead(item: Item, error: unknown): unknown {
    item.compact = undefined;
    this.options.onFallback?.(error);
    return item.plain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      try {
        head.built ??= head.compact ? head.compact().catch((error: unknown) => this.plainInstead(head, error)) : Promise.resolve(head.plain());
        await this.options.send(await head.built);
        this.done();
      } catch (error) {
        this.options.onError?.(error, this.attempt + 1);
        if (this.options.isFinal?.(error)) {
          this.done();
          continue;
        }
        this.attempt++;
        if (head.compact && head.built && ++head.failures >= (this.options.compactAttempts ?? 3)) {
          head.built = Promise.resolve(this.plainInstead(head, error));
        }
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

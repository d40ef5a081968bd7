/**
 * Messages that must reach the background, sent one at a time in order and kept until acknowledged.
 * A send that fails (the service worker was stopped, restarted, or answered an error) is retried
 * with a growing delay. After `firstPathAttempts` failures a message goes by the `fallback` path,
 * which does not fail the same way (it hands the message over through the extension's storage, see
 * `storage-handover.ts`); after `maxAttempts` in all it is given up, counted as lost. The
 * background's writes are idempotent, so a message resent after a lost acknowledgement does no harm.
 *
 * When the page is going away there is no time to wait for acknowledgements: `sendAllNow` hands every
 * pending message to the browser at once.
 */

export interface OutboxOptions {
  send: (message: unknown) => Promise<void>;
  /** Another way to deliver a message, used once the first has failed `firstPathAttempts` times. */
  fallback?: (message: unknown) => Promise<void>;
  /** Failed sends by the first path before the fallback is used (default 3). */
  firstPathAttempts?: number;
  /** Failed sends in all, both paths, before a message is given up as lost (default 12). */
  maxAttempts?: number;
  /** Delays between retries, in ms; the last one repeats. */
  backoff?: number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  onError?: (error: unknown, attempt: number) => void;
  /** A refusal that no retry can change (the visit was deleted, say): the message is dropped. */
  isFinal?: (error: unknown) => boolean;
  /** Told of each message dropped: refused for good (`final`), or out of attempts (`exhausted`). */
  onDrop?: (message: unknown, error: unknown, why: 'final' | 'exhausted') => void;
}

/** What delivery took so far: messages that needed a retry, went by the fallback path, were lost. */
export interface DeliveryHealth {
  retried: number;
  fellBack: number;
  lost: number;
}

interface Item {
  message: () => unknown;
  /** Characters the message holds, for the bound on what waits (see `shed`). */
  weight: number;
  /** A message that may be dropped when too much waits (a recorded batch of `tag`'s page). */
  tag?: string;
  built?: Promise<unknown>;
  /** Sends that failed, both paths. */
  failures: number;
}

export class Outbox {
  private readonly queue: Item[] = [];
  private running = false;
  private readonly backoff: number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private idleWaiters: Array<() => void> = [];
  private waiting = 0;
  private readonly counts: DeliveryHealth = { retried: 0, fellBack: 0, lost: 0 };

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

  /** Totals since the outbox was made. */
  get health(): DeliveryHealth {
    return { ...this.counts };
  }

  /**
   * Queues a message (built when its turn comes, once). `weight` (its characters) and `tag` let
   * `shed` drop it when too much waits.
   */
  enqueue(message: () => unknown, weight = 0, tag?: string): void {
    this.queue.push({ message, weight, failures: 0, ...(tag ? { tag } : {}) });
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
    const item = this.queue.shift();
    this.waiting -= item?.weight ?? 0;
  }

  /**
   * The page is going away: hands every pending message to `send` at once and in order, without
   * waiting. They stay queued, so if the page lives on they are still confirmed.
   */
  sendAllNow(send: (message: unknown) => void): void {
    for (const item of this.queue) {
      if (item.built) {
        void item.built.then(send, () => undefined);
        continue;
      }
      // Built now, and handed over within this call when it can be: the page may be unloading.
      const message = item.message();
      item.built = Promise.resolve(message);
      if (message instanceof Promise) void message.then(send, () => undefined);
      else send(message);
    }
  }

  /** Resolves when everything queued so far has been acknowledged (or dropped). */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const firstPath = this.options.firstPathAttempts ?? 3;
    const max = this.options.maxAttempts ?? 12;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      let message: unknown;
      try {
        head.built ??= Promise.resolve(head.message());
        message = await head.built;
        const byFallback = this.options.fallback !== undefined && head.failures >= firstPath;
        await (byFallback ? this.options.fallback!(message) : this.options.send(message));
        if (head.failures > 0) this.counts.retried++;
        if (byFallback) this.counts.fellBack++;
        this.done();
      } catch (error) {
        head.failures++;
        this.options.onError?.(error, head.failures);
        const final = this.options.isFinal?.(error) ?? false;
        if (final || head.failures >= max) {
          if (!final) this.counts.lost++;
          this.options.onDrop?.(message, error, final ? 'final' : 'exhausted');
          this.done();
          continue;
        }
        const delay = this.backoff[Math.min(head.failures - 1, this.backoff.length - 1)] ?? 1000;
        await new Promise<void>((resolve) => this.setTimer(resolve, delay));
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }
}

import type { MainMessage } from './bridge';

/** rrweb's Meta and FullSnapshot events: a page's recording cannot be replayed without them. */
export const META = 4;
const FULL_SNAPSHOT = 2;

/**
 * What the page side of the channel may push. A real page stays far below: rrweb sends the DOM's
 * changes once per task and samples the mouse (every 100 ms) and scroll (150 ms). A flood is a page
 * attacking the recorder, or one so busy that its recording would be useless anyway.
 */
export const CAPS = {
  /** Sustained events a second, and the burst allowed on top. */
  eventsPerSecond: 200,
  eventBurst: 2000,
  /** Characters of events per page (a document load or a route), snapshots aside. */
  charsPerPage: 64 * 1024 * 1024,
  /** Page errors per page (the main world already sends each distinct error once every 10 s). */
  errorsPerPage: 100,
} as const;

export interface DroppedCounts {
  /** Messages that were not any message of the channel. */
  forged: number;
  /** Messages over a cap. */
  excess: number;
}

/**
 * Decides, for each message the main world sends, whether the relay takes it or drops it, and
 * counts what it drops. Full snapshots and Meta events always pass (they are never so frequent that
 * they matter, and the replay needs each one); they do not use up the page's budget either.
 */
export class ChannelGate {
  readonly dropped: DroppedCounts = { forged: 0, excess: 0 };
  private tokens: number = CAPS.eventBurst;
  private last: number;
  private chars = 0;
  private errors = 0;
  /** Set when an event was dropped: the replay needs a new full snapshot once the flood is over. */
  needsSnapshot = false;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** A new page (a route change): its own budget of bytes and errors. */
  newPage(): void {
    this.chars = 0;
    this.errors = 0;
  }

  forged(): void {
    this.dropped.forged++;
  }

  /** True if the message may go on. */
  admit(message: MainMessage): boolean {
    if (message.k === 'error') {
      if (this.errors >= CAPS.errorsPerPage) return this.drop();
      this.errors++;
      return true;
    }
    if (message.k !== 'event') return true;
    if (message.type === META || message.type === FULL_SNAPSHOT) {
      if (message.type === FULL_SNAPSHOT) this.needsSnapshot = false;
      return true;
    }
    this.refill();
    if (this.tokens < 1 || this.chars + message.json.length > CAPS.charsPerPage) {
      this.needsSnapshot = true;
      return this.drop();
    }
    this.tokens--;
    this.chars += message.json.length;
    return true;
  }

  /** True when the flood is over: the bucket has filled up again. */
  calm(): boolean {
    this.refill();
    return this.tokens >= CAPS.eventBurst / 2 && this.chars < CAPS.charsPerPage;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(CAPS.eventBurst, this.tokens + ((t - this.last) / 1000) * CAPS.eventsPerSecond);
    this.last = t;
  }

  private drop(): false {
    this.dropped.excess++;
    return false;
  }
}

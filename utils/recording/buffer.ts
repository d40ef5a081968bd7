/**
 * The recorder's buffer policy: serialised events of the current page wait here until a flush, which
 * happens on a timer, at once on a full snapshot (so a page's first chunk is whole), when the buffer
 * grows large, and when the page is hidden. Each flush becomes a batch with the page's next sequence
 * number.
 */

export const FULL_SNAPSHOT = 2;
const META = 4;

export interface PendingBatch {
  pageId: string;
  seq: number;
  /** JSON array of the events. */
  json: string;
  count: number;
  firstTs: number;
  lastTs: number;
  /** Holds a full snapshot (or a page's first events): the replay cannot do without it. */
  essential: boolean;
}

export interface BufferPolicy {
  intervalMs: number;
  maxEvents: number;
  maxChars: number;
}

export const DEFAULT_POLICY: BufferPolicy = { intervalMs: 2000, maxEvents: 400, maxChars: 2_000_000 };

export class EventBuffer {
  private pieces: string[] = [];
  private chars = 0;
  private firstTs = 0;
  private lastTs = 0;
  private essential = false;
  private readonly nextSeq = new Map<string, number>();

  constructor(readonly policy: BufferPolicy = DEFAULT_POLICY) {}

  /** Adds one serialised event; true when the buffer should be flushed now. */
  push(type: number, timestamp: number, json: string): boolean {
    if (this.pieces.length === 0) this.firstTs = timestamp;
    this.lastTs = timestamp;
    this.pieces.push(json);
    this.chars += json.length;
    if (type === FULL_SNAPSHOT || type === META) this.essential = true;
    return type === FULL_SNAPSHOT || this.pieces.length >= this.policy.maxEvents || this.chars >= this.policy.maxChars;
  }

  /** Characters buffered. */
  get weight(): number {
    return this.chars;
  }

  get size(): number {
    return this.pieces.length;
  }

  /** Takes what is buffered as the next batch of `pageId`, or undefined when empty. */
  take(pageId: string): PendingBatch | undefined {
    if (this.pieces.length === 0) return undefined;
    const seq = this.nextSeq.get(pageId) ?? 0;
    this.nextSeq.set(pageId, seq + 1);
    const batch = {
      pageId,
      seq,
      json: `[${this.pieces.join(',')}]`,
      count: this.pieces.length,
      firstTs: this.firstTs,
      lastTs: this.lastTs,
      essential: this.essential || seq === 0,
    };
    this.clear();
    return batch;
  }

  /** Drops what is buffered (the visit was paused or stopped). */
  clear(): void {
    this.pieces = [];
    this.chars = 0;
    this.essential = false;
  }
}

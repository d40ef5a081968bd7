import type { ReplayMarker } from './model-types';
import { timelineOf } from './timeline';
import type { RecordingPart } from './visit-data';
import { chunkKey } from './visit-data';

/** An rrweb event as the replay needs it; anything else in a recording is dropped. */
export interface ReplayEvent {
  type: number;
  timestamp: number;
  data: unknown;
}

/**
 * Limits on what a recording may inflate to. A bundle is untrusted: each batch is gzip inside the
 * zip, so it gets its own budget (a "gzip bomb" inside a valid bundle stops here).
 */
export const REPLAY_LIMITS = { batchBytes: 64 * 1024 * 1024, totalBytes: 400 * 1024 * 1024, events: 2_000_000 } as const;

export class ReplayDataError extends Error {
  constructor(readonly code: 'replay-too-large' | 'replay-unreadable') {
    super(code);
  }
}

/** gunzip with a byte budget: stops reading, and throws, once the output passes `max`. */
export async function gunzipCapped(data: Uint8Array, max: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ReplayDataError('replay-unreadable');
    });
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new ReplayDataError('replay-too-large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const isEvent = (e: unknown): e is ReplayEvent =>
  typeof e === 'object' &&
  e !== null &&
  Number.isInteger((e as ReplayEvent).type) &&
  (e as ReplayEvent).type >= 0 &&
  (e as ReplayEvent).type <= 6 &&
  Number.isFinite((e as ReplayEvent).timestamp);

/** The marker kinds as rrweb custom-event tags, with the colour rrweb-player draws them in. */
export const MARKER_COLOURS: Record<ReplayMarker['kind'], string> = {
  page: '#1d4ed8',
  answer: '#047857',
  note: '#7c3aed',
  screenshot: '#0369a1',
  signal: '#b45309',
  abandonment: '#b91c1c',
};

/** The visit's recorded events, every page's batches in order (gzip-decoded within the limits). */
export async function decodeRecording(recording: readonly RecordingPart[], chunks: ReadonlyMap<string, Uint8Array>): Promise<ReplayEvent[]> {
  const events: ReplayEvent[] = [];
  let total = 0;
  for (const part of recording) {
    const bytes = chunks.get(chunkKey(part.pageId, part.seq));
    if (!bytes) continue;
    const text = await gunzipCapped(bytes, REPLAY_LIMITS.batchBytes);
    total += text.length;
    if (total > REPLAY_LIMITS.totalBytes) throw new ReplayDataError('replay-too-large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(text));
    } catch {
      throw new ReplayDataError('replay-unreadable');
    }
    if (!Array.isArray(parsed)) throw new ReplayDataError('replay-unreadable');
    let meta: ReplayEvent | undefined;
    for (const e of parsed) {
      if (!isEvent(e)) continue;
      if (e.type === 4) meta = e;
      // A page's full snapshot is stamped once serialised, some ms after its Meta event; seeking to
      // the page's start (its Meta) would show the page before. Stamp it with its Meta's time.
      const close = e.type === 2 && meta && meta.timestamp <= e.timestamp && e.timestamp - meta.timestamp < 5000;
      events.push({ type: e.type, timestamp: close ? meta!.timestamp : e.timestamp, data: e.data });
    }
    if (events.length > REPLAY_LIMITS.events) throw new ReplayDataError('replay-too-large');
  }
  return events;
}

/**
 * The whole visit as one rrweb event stream: the decoded events plus the report's markers as custom
 * events (rrweb-player draws them on its progress bar), sorted by time.
 */
export function withMarkers(events: readonly ReplayEvent[], recording: readonly RecordingPart[], markers: readonly ReplayMarker[]): ReplayEvent[] {
  const start = timelineOf(recording).start;
  const all = [...events];
  if (start !== null && events.length > 0) {
    for (const m of markers) all.push({ type: 5, timestamp: start + m.at, data: { tag: m.kind, payload: { label: m.label } } });
  }
  // Stable: a page's own events keep their order when two share a timestamp.
  return all.map((e, i) => [e, i] as const).sort((a, b) => a[0].timestamp - b[0].timestamp || a[1] - b[1]).map(([e]) => e);
}

/** The viewport of the first recorded page (rrweb's Meta event), for the report's cover. */
export function firstViewport(events: readonly ReplayEvent[]): { width: number; height: number } | undefined {
  const meta = events.find((e) => e.type === 4);
  const data = meta?.data as { width?: unknown; height?: unknown } | undefined;
  return typeof data?.width === 'number' && typeof data.height === 'number' ? { width: data.width, height: data.height } : undefined;
}

import type { RecordingPart } from './visit-data';

/**
 * The visit's replay plays every page's recording one after the other, on one timeline that starts
 * at the first recorded event. A piece of evidence stores its `offset` from its page's first event;
 * this places it on that timeline.
 */
export interface Timeline {
  /** Epoch ms of the first recorded event of the visit; null when nothing was recorded. */
  start: number | null;
  /** Epoch ms of the first event of each recorded page. */
  pageStarts: Map<string, number>;
  /** From the first to the last recorded event. */
  durationMs: number;
}

/** Reads the timeline from the recording's batches. */
export function timelineOf(recording: readonly RecordingPart[]): Timeline {
  const pageStarts = new Map<string, number>();
  let start: number | null = null;
  let end: number | null = null;
  for (const part of recording) {
    if (part.count === 0) continue;
    const known = pageStarts.get(part.pageId);
    if (known === undefined || part.firstTs < known) pageStarts.set(part.pageId, part.firstTs);
    start = start === null ? part.firstTs : Math.min(start, part.firstTs);
    end = end === null ? part.lastTs : Math.max(end, part.lastTs);
  }
  return { start, pageStarts, durationMs: start !== null && end !== null ? Math.max(0, end - start) : 0 };
}

/** Where `offset` ms into page `pageId` falls on the visit's replay; null when the page has no recording. */
export function replayAt(timeline: Timeline, pageId: string, offset: number): number | null {
  const pageStart = timeline.pageStarts.get(pageId);
  if (pageStart === undefined || timeline.start === null) return null;
  return Math.max(0, pageStart - timeline.start + offset);
}

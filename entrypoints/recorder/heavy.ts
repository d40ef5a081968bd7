import { MAX_DEGRADED_STEPS } from '../../utils/recording/degraded-limit';
import type { DegradedStep } from '../../utils/schema/page';

/**
 * Characters of recorded events that may wait in one document to be sent (about 2 bytes each in
 * memory), the buffer's own 2 MB aside. Beyond, the oldest batches of the page that the replay can
 * do without are dropped, and the page's recording pauses (`ladder.ts`).
 */
export const MAX_BACKLOG_CHARS = 6_000_000;

/** A page's steps with one more: the first ones and the latest are kept, up to the schema's bound. */
export function noteDegraded(steps: DegradedStep[] | undefined, step: DegradedStep): DegradedStep[] {
  const all = [...(steps ?? []), step];
  if (all.length <= MAX_DEGRADED_STEPS) return all;
  const head = MAX_DEGRADED_STEPS / 2;
  return [...all.slice(0, head), ...all.slice(all.length - (MAX_DEGRADED_STEPS - head))];
}

/** How near a mission's deadline is: far, within the hour (warned), or past (alerted). */
export type DeadlineState = 'ok' | 'soon' | 'past';

/** Under this much time left, the panel warns. */
export const DEADLINE_WARNING_MS = 60 * 60 * 1000;

/**
 * Where `now` (epoch ms) stands against an ISO 8601 deadline with its time zone, and the whole
 * minutes left (0 once past).
 */
export function deadlineState(deadline: string, now: number): { state: DeadlineState; at: number; minutesLeft: number } {
  const at = Date.parse(deadline);
  const left = at - now;
  const state: DeadlineState = left <= 0 ? 'past' : left < DEADLINE_WARNING_MS ? 'soon' : 'ok';
  return { state, at, minutesLeft: Math.max(0, Math.ceil(left / 60_000)) };
}

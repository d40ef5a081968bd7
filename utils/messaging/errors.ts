/**
 * Every error code a reply of the background can carry. The interface's catalogues are checked
 * against this list (`satisfies`), so a code without words in French and English does not compile.
 */
export const ERROR_CODES = [
  // The message itself
  'bad-message',
  'no-answer',
  'internal',
  'disk-full',
  'budget-reached',
  // Visits and pages
  'permission-denied',
  'visit-running',
  'visit-not-running',
  'not-a-website',
  'no-such-visit',
  'not-in-visit',
  'no-such-page',
  'no-page-yet',
  'page-not-shown',
  'verdict-empty',
  // Checklists
  'bad-checklist',
  'checklist-id-taken',
  'no-such-checklist',
  'checklist-set-by-mission',
  // Missions
  'bad-mission',
  'mission-id-taken',
  'no-such-mission',
  'not-a-mission-site',
  'checklist-conflict',
  'no-such-step',
  'no-such-item',
  'comment-required',
  // Evidence
  'no-such-note',
  'no-such-screenshot',
  'capture-failed',
  'no-recorder',
  'tab-hidden',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A code as it came over the wire: one of ours, else "internal". */
export function errorCodeOf(code: unknown): ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code) ? (code as ErrorCode) : 'internal';
}

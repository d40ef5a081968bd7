import { z } from 'zod';

/**
 * What a recorder observes on its page, in small facts; the background turns them into friction
 * signals with the pure detectors of `detectors.ts`. Times are epoch milliseconds, positions CSS
 * pixels in the viewport. Texts are short and already masked by the page side (no typed value, no
 * e-mail, no long number); the background parses every fact before use.
 */

const selector = z.string().max(500);
const t = z.number();

/** A click, with the clicks shortly before it and what followed it within a second. */
export const clickFactSchema = z.object({
  kind: z.literal('click'),
  t,
  x: z.number(),
  y: z.number(),
  selector,
  /** Visible text or accessible name of the target, short and masked. */
  label: z.string().max(80),
  /** Whether the target looks actionable (a link, a button, a control, a pointer cursor), and why. */
  actionable: z.boolean(),
  cue: z.string().max(40).optional(),
  /** A text field: clicking it again and again selects a word or a line, it is not impatience. */
  editable: z.boolean().optional(),
  /** Clicks within the 2 s before this one, oldest first. */
  previous: z.array(z.object({ t, x: z.number(), y: z.number() })).max(20),
  /** What happened in the second after the click. */
  after: z.object({
    navigated: z.boolean(),
    mutated: z.boolean(),
    requested: z.boolean(),
    /** The page began to scroll at once (the click's answer was a scroll). */
    scrolled: z.boolean().optional(),
  }),
});

/** An uncaught error or unhandled promise rejection in the page's own scripts. */
export const errorFactSchema = z.object({
  kind: z.literal('error'),
  t,
  error: z.enum(['error', 'rejection']),
  message: z.string().max(300),
  source: z.string().max(500).optional(),
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
});

/** A request the page made that did not succeed: status 0 means a network error. */
export const requestFactSchema = z.object({
  kind: z.literal('request'),
  t,
  /** Without its query string, which may carry what the person typed. */
  url: z.string().max(2000),
  method: z.string().max(10),
  status: z.number().int().min(0).max(999),
  error: z.string().max(200).optional(),
  /** `beacon`: sendBeacon, <a ping>, a CSP report, which no one waits for (see `benign.ts`). */
  resource: z.enum(['document', 'frame', 'fetch', 'xhr', 'beacon', 'other']),
});

/** An error message a form showed the person (or a field the browser refused). */
export const formErrorFactSchema = z.object({
  kind: z.literal('form-error'),
  t,
  selector,
  /** The message as shown, masked. */
  text: z.string().max(200),
  via: z.enum(['alert', 'invalid-event', 'aria-invalid', 'error-class']),
});

/**
 * A person's action (click, submit, Enter) and how long the page took to change visibly after it.
 * `resolved: false` means nothing changed before the observation ended (`waited` is then how long
 * it was watched); `leaving: true` means the document unloaded first, so the wait ends on the next
 * page's first paint.
 */
export const waitFactSchema = z.object({
  kind: z.literal('wait'),
  t,
  action: z.enum(['click', 'submit', 'key']),
  selector: selector.optional(),
  waited: z.number().nonnegative(),
  resolved: z.boolean(),
  leaving: z.boolean().optional(),
});

/** One layout shift not caused by the person's input. */
export const shiftFactSchema = z.object({
  kind: z.literal('shift'),
  t,
  value: z.number().nonnegative(),
  /** Selectors of the elements that moved, largest first. */
  sources: z.array(selector).max(5),
});

export const frictionFactSchema = z.discriminatedUnion('kind', [
  clickFactSchema,
  errorFactSchema,
  requestFactSchema,
  formErrorFactSchema,
  waitFactSchema,
  shiftFactSchema,
]);
export type FrictionFact = z.infer<typeof frictionFactSchema>;
export type ClickFact = z.infer<typeof clickFactSchema>;
export type ErrorFact = z.infer<typeof errorFactSchema>;
export type RequestFact = z.infer<typeof requestFactSchema>;
export type FormErrorFact = z.infer<typeof formErrorFactSchema>;
export type WaitFact = z.infer<typeof waitFactSchema>;
export type ShiftFact = z.infer<typeof shiftFactSchema>;

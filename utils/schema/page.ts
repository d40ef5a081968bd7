import { MAX_REFINEMENTS } from '../recording/routes';
import { z } from 'zod';
import { landingSchema } from './evidence';
import { checkFactsSchema } from '../checklist/check-facts-schema';
import { pageTypeSchema } from './page-type';
import { MAX_DEGRADED_STEPS } from '../recording/degraded-limit';

/** How the page came to be: a full document load or a client-side (history API) route change. */
export const NAV_TYPES = ['navigate', 'reload', 'back_forward', 'prerender', 'route-change', 'restore'] as const;
export const navTypeSchema = z.enum(NAV_TYPES);
export type NavType = z.infer<typeof navTypeSchema>;

/** Navigation Timing breakdown in milliseconds, each phase a duration. */
export const navigationTimingSchema = z.object({
  redirect: z.number().nonnegative(),
  dns: z.number().nonnegative(),
  connect: z.number().nonnegative(),
  ttfb: z.number().nonnegative(),
  domContentLoaded: z.number().nonnegative(),
  load: z.number().nonnegative().optional(),
  transferSize: z.number().nonnegative().optional(),
});
export type NavigationTiming = z.infer<typeof navigationTimingSchema>;

export const VITAL_NAMES = ['LCP', 'CLS', 'INP', 'FCP', 'TTFB'] as const;
export const vitalNameSchema = z.enum(VITAL_NAMES);
export type VitalName = z.infer<typeof vitalNameSchema>;
export const ratingSchema = z.enum(['good', 'needs-improvement', 'poor']);
export type Rating = z.infer<typeof ratingSchema>;

export const vitalSchema = z.object({
  value: z.number().nonnegative(),
  rating: ratingSchema,
  /** CSS selector of the element the metric is attributed to, when known. */
  target: z.string().max(500).optional(),
});
export type Vital = z.infer<typeof vitalSchema>;
export const vitalsSchema = z.partialRecord(vitalNameSchema, vitalSchema);
export type Vitals = z.infer<typeof vitalsSchema>;

/** Who told the background of a page. */
export const pageSourceSchema = z.enum(['navigation', 'recorder']);

/**
 * A page the visit's tab showed without a stored recording: `waiting` while it is on screen and its
 * recorder has not delivered yet; once it has ended, `left-early` (left before its recording could
 * start) or `no-recorder` (on screen long enough, and still nothing came).
 */
export const UNRECORDED_REASONS = ['waiting', 'left-early', 'no-recorder'] as const;
export const unrecordedSchema = z.enum(UNRECORDED_REASONS);
export type Unrecorded = z.infer<typeof unrecordedSchema>;

/** Timing of a client-side route change: from the history call to the next paint. */
export const routeTimingSchema = z.object({ toPaint: z.number().nonnegative() });

/**
 * The page on screen sorted, filtered or paged without becoming another page: when, and the names
 * of the address's parameters that changed (never their values).
 */
export { MAX_REFINEMENTS };
export const refinementSchema = z.object({ at: z.number(), names: z.array(z.string().max(100)).max(20) });

/**
 * Why the recording of a page stepped down (`utils/recording/pressure.ts`): too many DOM changes,
 * bytes or events a second, a backlog the recorder could not send, the visit's storage budget; or
 * a retry after a pause.
 */
export const DEGRADE_REASONS = ['mutations', 'events', 'volume', 'backlog', 'budget', 'retry'] as const;
export const degradeReasonSchema = z.enum(DEGRADE_REASONS);
export type DegradeReason = z.infer<typeof degradeReasonSchema>;

/**
 * One step of a page's recording: 1 sampled (mouse and scroll less often), 2 paused (nothing recorded
 * until a fresh snapshot). The counts are what the page did in the seconds that made it step.
 */
export const degradedStepSchema = z.object({
  at: z.number(),
  step: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  reason: degradeReasonSchema,
  events: z.number().int().nonnegative(),
  changes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
});
export type DegradedStep = z.infer<typeof degradedStepSchema>;
export { MAX_DEGRADED_STEPS } from '../recording/degraded-limit';

export const pageSchema = z.object({
  id: z.string().min(1),
  visitId: z.string().min(1),
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  navType: navTypeSchema,
  timing: navigationTimingSchema.optional(),
  routeTiming: routeTimingSchema.optional(),
  refinements: z.array(refinementSchema).max(MAX_REFINEMENTS).optional(),
  vitals: vitalsSchema,
  /** What the classifier said, and why. */
  autoType: pageTypeSchema,
  autoTypeReasons: z.array(z.string()),
  /** Typed from its address alone, its document not read yet (or never). */
  typedFromUrl: z.boolean().optional(),
  /** The evaluator's correction, which wins over the classifier. */
  typeOverride: pageTypeSchema.optional(),
  /** The first ten seconds of a full page load (overlay, first paints, shifts, first interaction). */
  landing: landingSchema.optional(),
  /** What the checklist's automatic checks read on the page (no personal data). */
  checks: checkFactsSchema.optional(),
  /**
   * The visible texts of the visit's mission (its steps' text conditions, folded) that the page
   * showed while it was checked: the mission's own words, never the page's (utils/mission/steps.ts).
   */
  textsSeen: z.array(z.string().min(1).max(400)).max(120).optional(),
  /**
   * Who told the background of this page: its recorder (absent, as before) or, before any recorder
   * spoke, the browser's own navigation events.
   */
  source: pageSourceSchema.optional(),
  /** When the browser committed the page's document (its navigation events), once known. */
  committedAt: z.number().optional(),
  /** Why the page has no recording yet, or had none; absent once its recording is stored. */
  unrecorded: unrecordedSchema.optional(),
  /** Friction facts left out as benign on this page (`utils/friction/benign.ts`), counted by entry id. */
  ignoredSignals: z.record(z.string().max(60), z.number().int().nonnegative()).optional(),
  /** How its recording stepped down, oldest first; absent when it was recorded in full. */
  degraded: z.array(degradedStepSchema).max(MAX_DEGRADED_STEPS).optional(),
});
export type Page = z.infer<typeof pageSchema>;

/** The page type shown and used everywhere: the evaluator's correction first. */
export function pageTypeOf(page: Pick<Page, 'autoType' | 'typeOverride'>) {
  return page.typeOverride ?? page.autoType;
}

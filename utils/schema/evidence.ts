import { z } from 'zod';

/**
 * The evidence of a visit: screenshots, notes, friction signals, abandonment points, the funnel
 * stage a page belongs to, the visit's outcome and each landing's first seconds. Stored by the
 * background only; every shape is parsed before it is written.
 */

const id = z.string().min(1).max(100);

// ——— Funnel ———

/** The stages of a purchase, in order. */
export const FUNNEL_STAGES = ['landing', 'browse', 'product', 'cart', 'checkout', 'payment', 'confirmation'] as const;
export const funnelStageSchema = z.enum(FUNNEL_STAGES);
export type FunnelStage = z.infer<typeof funnelStageSchema>;

// ——— Screenshots ———

/** A rectangle drawn on a screenshot, in fractions of the image (0–1), with its caption. */
export const annotationSchema = z.object({
  id,
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
  caption: z.string().max(500),
});
export type Annotation = z.infer<typeof annotationSchema>;

export const SCREENSHOT_KINDS = ['visible', 'full-page'] as const;
/** What asked for the capture: the evaluator (button or shortcut), a new funnel stage, an abandonment. */
export const SCREENSHOT_TRIGGERS = ['button', 'shortcut', 'stage', 'abandon', 'evidence'] as const;

export const screenshotSchema = z.object({
  id,
  visitId: id,
  pageId: id,
  /** When it was taken (epoch ms). */
  at: z.number(),
  /** Milliseconds from the page's start: where the replay of the page shows the same moment. */
  offset: z.number().nonnegative(),
  kind: z.enum(SCREENSHOT_KINDS),
  trigger: z.enum(SCREENSHOT_TRIGGERS),
  /** The funnel stage reached, for a capture taken when the visit entered it. */
  stage: funnelStageSchema.optional(),
  /** Size of the image in pixels. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** JPEG bytes, and a small JPEG for lists. */
  image: z.instanceof(Uint8Array),
  thumb: z.instanceof(Uint8Array),
  /** A full page cut at the largest image the browser can draw. */
  truncated: z.boolean().optional(),
  annotations: z.array(annotationSchema).max(50),
});
export type Screenshot = z.infer<typeof screenshotSchema>;
export type ScreenshotKind = Screenshot['kind'];
export type ScreenshotTrigger = Screenshot['trigger'];

// ——— Notes ———

export const noteSchema = z.object({
  id,
  visitId: id,
  pageId: id,
  at: z.number(),
  offset: z.number().nonnegative(),
  text: z.string().min(1).max(5000),
  editedAt: z.number().optional(),
});
export type Note = z.infer<typeof noteSchema>;

// ——— Friction signals ———

export const SIGNAL_TYPES = [
  'rage-click',
  'dead-click',
  'js-error',
  'failed-request',
  'form-error',
  'long-wait',
  'layout-shift',
] as const;
export const signalTypeSchema = z.enum(SIGNAL_TYPES);
export type SignalType = z.infer<typeof signalTypeSchema>;

/** The small facts that made a detector fire, shown to the evaluator and kept in the report. */
export const signalFactsSchema = z.record(z.string().max(50), z.union([z.string().max(500), z.number(), z.boolean()]));
export type SignalFacts = z.infer<typeof signalFactsSchema>;

export const signalSchema = z.object({
  id,
  visitId: id,
  pageId: id,
  type: signalTypeSchema,
  at: z.number(),
  offset: z.number().nonnegative(),
  /** CSS selector of the element involved, when there is one. */
  selector: z.string().max(500).optional(),
  facts: signalFactsSchema,
});
export type Signal = z.infer<typeof signalSchema>;

// ——— Abandonment and outcome ———

export const ABANDON_REASONS = [
  'extra-costs',
  'forced-account',
  'payment-not-trusted',
  'delivery',
  'checkout-too-long',
  'total-not-visible',
  'return-policy',
  'bug',
  'too-slow',
  'product-not-found',
  'missing-information',
  'other',
] as const;
export const abandonReasonSchema = z.enum(ABANDON_REASONS);
export type AbandonReason = z.infer<typeof abandonReasonSchema>;

/** "I would leave here": the point where a real shopper would have given up. */
export const abandonmentSchema = z.object({
  id,
  visitId: id,
  pageId: id,
  at: z.number(),
  offset: z.number().nonnegative(),
  stage: funnelStageSchema,
  reason: abandonReasonSchema,
  comment: z.string().max(5000),
  screenshotId: id.optional(),
});
export type Abandonment = z.infer<typeof abandonmentSchema>;

export const outcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('converted'), stage: z.literal('confirmation'), signalIds: z.array(id) }),
  z.object({
    kind: z.literal('abandoned'),
    stage: funnelStageSchema,
    /** Declared by the evaluator, or where the visit ended. */
    declared: z.boolean(),
    reason: abandonReasonSchema.optional(),
    abandonmentId: id.optional(),
    pageId: id.optional(),
    /** The signals on the way to this point, most recent last. */
    signalIds: z.array(id),
  }),
]);
export type Outcome = z.infer<typeof outcomeSchema>;

// ——— Landing: the first ten seconds ———

export const OVERLAY_KINDS = ['cookie-banner', 'newsletter', 'app-prompt', 'dialog'] as const;
export const overlayKindSchema = z.enum(OVERLAY_KINDS);
export type OverlayKind = z.infer<typeof overlayKindSchema>;

export const landingSchema = z.object({
  /** ms from the navigation start. */
  fcp: z.number().nonnegative().optional(),
  lcp: z.number().nonnegative().optional(),
  /** Layout shifts in the first ten seconds: their sum and their count. */
  cls: z.number().nonnegative(),
  shifts: z.number().int().nonnegative(),
  overlay: z
    .object({
      kind: overlayKindSchema,
      selector: z.string().max(500),
      /** Share of the viewport it covered (0–1), at its largest. */
      coverage: z.number().min(0).max(1),
      /** ms from the navigation start when it was first seen covering the content. */
      shownAt: z.number().nonnegative(),
      /** ms from the navigation start when it stopped covering the content; absent if never. */
      dismissedAt: z.number().nonnegative().optional(),
      /** How long it covered the content (until dismissed, or until observation ended). */
      coveredFor: z.number().nonnegative(),
    })
    .optional(),
  /** ms from the navigation start to the first click, tap or key press. */
  firstInteraction: z.number().nonnegative().optional(),
  /** How long the page was observed (ms from the navigation start). */
  observedFor: z.number().nonnegative(),
});
export type Landing = z.infer<typeof landingSchema>;

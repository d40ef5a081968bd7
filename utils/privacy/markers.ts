/**
 * The privacy markers shops already put in their pages for session-replay tools (rrweb, PostHog,
 * Hotjar, FullStory, Sentry, LogRocket, Microsoft Clarity). Mystère honours them as those tools do:
 * a blocked element is left out (a bare placeholder of its size), a masked one keeps its layout with
 * its text replaced by stars.
 */

/** Left out of the recording: content and attributes never leave the page. */
export const SHOP_BLOCK_MARKERS = ['.rr-block', '.ph-no-capture', '.fs-exclude', '.sentry-block', '[data-sentry-block]'] as const;

/** Text masked whole, here and in every element inside. */
export const SHOP_MASK_MARKERS = [
  '.rr-mask',
  '.ph-mask',
  '[data-hj-suppress]',
  '.fs-mask',
  '.sentry-mask',
  '[data-sentry-mask]',
  '[data-private]:not([data-private="false"])',
  '[data-clarity-mask]:not([data-clarity-mask="false"])',
] as const;

const MASK_CLASSES = new Set(['rr-mask', 'ph-mask', 'fs-mask', 'sentry-mask', 'rr-block', 'ph-no-capture', 'fs-exclude', 'sentry-block']);
const MASK_ATTRIBUTES = ['data-hj-suppress', 'data-sentry-mask', 'data-sentry-block', 'data-private', 'data-clarity-mask'];

/**
 * Whether an element with these (serialised) attributes carries a marker: the privacy pass then
 * masks whatever text of it was recorded, should the page have escaped the recorder's own rule.
 */
export function isMarked(attributes: Record<string, unknown>): boolean {
  const cls = attributes.class;
  if (typeof cls === 'string' && cls.split(/\s+/).some((c) => MASK_CLASSES.has(c))) return true;
  return MASK_ATTRIBUTES.some((a) => a in attributes && attributes[a] !== 'false');
}

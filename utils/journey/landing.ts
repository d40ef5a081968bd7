import type { Landing, OverlayKind } from '../schema/evidence';

/**
 * The first ten seconds of a page load, from samples the page collects: what covered the content
 * (cookie banner, newsletter pop-up, app prompt, other dialog) and for how long, the layout shifts
 * and the first interaction.
 */

/** One look at the viewport, and the element that covered it most, if any. */
export interface OverlaySample {
  /** ms from the navigation start. */
  t: number;
  cover?: {
    selector: string;
    /** Share of the viewport covered (0–1). */
    coverage: number;
    /** Lowercased id, classes, aria-label and the first 200 characters of text: what it is about. */
    hint: string;
    modal: boolean;
  };
}

/** Below this share of the viewport an element is a bar the shopper can read around. */
export const OVERLAY_COVERAGE = 0.3;

// Matched on lowercased, accent-folded text, French and English.
const COOKIE = /cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|axeptio|cookiebot|usercentrics|(^|[^a-z])cmp|traceur/;
const NEWSLETTER = /newsletter|subscribe|inscri|abonne/;
const APP = /\bapps?\b|\bappli(cation|s)?\b|telecharg|download|google play|app ?store/;
// Weaker cues, only heard when the stronger words of the other kinds are absent.
const OFFER = /-\s?\d{1,2}\s?%|\d{1,2}\s?%\s(de\s)?(reduction|remise|off|discount)|(e-?mail|courriel).*(sign ?up|offer|offre|code|reduction|discount)/;
const STORE = /\bstore\b/;

/** What kind of overlay the hint describes. An app prompt offering a discount is still an app prompt. */
export function classifyOverlay(hint: string): OverlayKind {
  const text = hint
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (COOKIE.test(text)) return 'cookie-banner';
  if (NEWSLETTER.test(text)) return 'newsletter';
  if (APP.test(text)) return 'app-prompt';
  if (OFFER.test(text)) return 'newsletter';
  if (STORE.test(text)) return 'app-prompt';
  return 'dialog';
}

/**
 * The landing's summary. The overlay is the first element seen covering at least 30 % of the
 * viewport; it is dismissed at the first later sample where it no longer does.
 */
export function analyseLanding(o: {
  samples: OverlaySample[];
  fcp?: number;
  lcp?: number;
  shifts: number[];
  firstInteraction?: number;
  observedFor: number;
}): Landing {
  const landing: Landing = {
    cls: Math.round(o.shifts.reduce((sum, value) => sum + Math.max(0, value), 0) * 10_000) / 10_000,
    shifts: o.shifts.length,
    observedFor: Math.max(0, o.observedFor),
  };
  if (o.fcp !== undefined && o.fcp >= 0) landing.fcp = o.fcp;
  if (o.lcp !== undefined && o.lcp >= 0) landing.lcp = o.lcp;
  if (o.firstInteraction !== undefined && o.firstInteraction >= 0) landing.firstInteraction = o.firstInteraction;
  const overlay = overlayOf(o.samples, landing.observedFor);
  if (overlay) landing.overlay = overlay;
  return landing;
}

function covering(sample: OverlaySample): NonNullable<OverlaySample['cover']> | undefined {
  return sample.cover && sample.cover.coverage >= OVERLAY_COVERAGE ? sample.cover : undefined;
}

function overlayOf(samples: OverlaySample[], observedFor: number): Landing['overlay'] {
  const ordered = [...samples].sort((a, b) => a.t - b.t);
  const first = ordered.findIndex((s) => covering(s));
  const start = ordered[first];
  const cover = start && covering(start);
  if (!start || !cover) return undefined;
  let coverage = cover.coverage;
  let dismissedAt: number | undefined;
  // Text may appear after the box: every hint of the series says what it is.
  const hints = new Set([cover.hint]);
  for (const sample of ordered.slice(first + 1)) {
    const later = covering(sample);
    if (later?.selector !== cover.selector) {
      dismissedAt = sample.t;
      break;
    }
    coverage = Math.max(coverage, later.coverage);
    hints.add(later.hint);
  }
  const shownAt = Math.max(0, start.t);
  return {
    kind: classifyOverlay([...hints].join(' ')),
    selector: cover.selector.slice(0, 500),
    coverage: Math.min(1, coverage),
    shownAt,
    ...(dismissedAt !== undefined ? { dismissedAt } : {}),
    coveredFor: Math.max(0, (dismissedAt ?? observedFor) - shownAt),
  };
}

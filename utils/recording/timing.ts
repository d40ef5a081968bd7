import type { NavigationTiming, NavType } from '../schema/page';

type NavEntry = Pick<
  PerformanceNavigationTiming,
  | 'redirectStart'
  | 'redirectEnd'
  | 'domainLookupStart'
  | 'domainLookupEnd'
  | 'connectStart'
  | 'connectEnd'
  | 'requestStart'
  | 'responseStart'
  | 'domContentLoadedEventEnd'
  | 'loadEventEnd'
  | 'transferSize'
  | 'type'
>;

const span = (from: number, to: number) => Math.max(0, Math.round((to - from) * 10) / 10);

/**
 * The Navigation Timing breakdown of a document load. TTFB, DOMContentLoaded and load are measured
 * from the start of the navigation, as the tools people know (DevTools, web-vitals) report them.
 */
export function navigationBreakdown(entry: NavEntry): NavigationTiming {
  return {
    redirect: span(entry.redirectStart, entry.redirectEnd),
    dns: span(entry.domainLookupStart, entry.domainLookupEnd),
    connect: span(entry.connectStart, entry.connectEnd),
    ttfb: span(0, entry.responseStart),
    domContentLoaded: span(0, entry.domContentLoadedEventEnd),
    ...(entry.loadEventEnd > 0 ? { load: span(0, entry.loadEventEnd) } : {}),
    ...(entry.transferSize > 0 ? { transferSize: entry.transferSize } : {}),
  };
}

/** The navigation type of a document load, in our words. */
export function navTypeOf(entry: Pick<NavEntry, 'type'> | undefined): NavType {
  switch (entry?.type) {
    case 'reload':
      return 'reload';
    case 'back_forward':
      return 'back_forward';
    case 'prerender':
      return 'prerender';
    default:
      return 'navigate';
  }
}

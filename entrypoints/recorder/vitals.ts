import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals';
import type { Vital, VitalName } from '../../utils/schema/page';

/**
 * Which page view a vital belongs to: the document's load, its return from the back-forward cache,
 * or a client-side route that the browser measured as a soft navigation (Chromium; `url` is the
 * route's address).
 */
export type VitalOf = { kind: 'load' } | { kind: 'restore' } | { kind: 'route'; url: string };

/**
 * Core Web Vitals with Google's ratings, each reported again as it changes. Where the browser
 * measures soft navigations (Chromium's `soft-navigation` entries), web-vitals reports each route's
 * own vitals after it, and the load's stop at the first route.
 */
export function watchVitals(report: (name: VitalName, vital: Vital, of: VitalOf) => void): void {
  const handle = (metric: Metric) => {
    const of: VitalOf =
      metric.navigationType === 'back-forward-cache'
        ? { kind: 'restore' }
        : metric.navigationType === 'soft-navigation' && metric.navigationURL
          ? { kind: 'route', url: metric.navigationURL }
          : { kind: 'load' };
    report(metric.name, { value: Math.round(metric.value * 1000) / 1000, rating: metric.rating }, of);
  };
  const opts = { reportAllChanges: true, reportSoftNavs: true };
  onLCP(handle, opts);
  onCLS(handle, opts);
  onINP(handle, opts);
  onFCP(handle, opts);
  onTTFB(handle, opts);
}

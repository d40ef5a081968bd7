import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals';
import type { Vital, VitalName } from '../../utils/schema/page';

/** Core Web Vitals with Google's ratings, each reported again as it changes. */
export function watchVitals(report: (name: VitalName, vital: Vital, fromBackForwardCache: boolean) => void): void {
  const handle = (metric: Metric) => {
    report(
      metric.name,
      { value: Math.round(metric.value * 1000) / 1000, rating: metric.rating },
      metric.navigationType === 'back-forward-cache',
    );
  };
  const opts = { reportAllChanges: true };
  onLCP(handle, opts);
  onCLS(handle, opts);
  onINP(handle, opts);
  onFCP(handle, opts);
  onTTFB(handle, opts);
}

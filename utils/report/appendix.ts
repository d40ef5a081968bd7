import type { ReportWords } from '../i18n/report-messages';
import type { ReportAppendix } from './model-types';
import type { VisitData } from './visit-data';
import { deliveryTotal, droppedTotal } from '../schema/visit';
import { addIgnored, describeIgnored } from '../friction/benign';
import { degradedMethod } from './degraded';

/**
 * How the visit was made and measured, whose work the report stands on (with the credit each
 * licence asks for), and the words a reader may not know.
 */

/** The works every report draws on: its audits, its references and its replay. */
const WORKS = [
  { key: 'axe', name: 'axe-core', url: 'https://github.com/dequelabs/axe-core' },
  { key: 'rgaa', name: 'RGAA 4.1.2', url: 'https://accessibilite.numerique.gouv.fr/' },
  { key: 'opquast', name: 'Opquast', url: 'https://checklists.opquast.com/' },
  { key: 'webVitals', name: 'web-vitals', url: 'https://github.com/GoogleChrome/web-vitals' },
  { key: 'rrweb', name: 'rrweb', url: 'https://github.com/rrweb-io/rrweb' },
] as const;

/** The axe-core version the visit's audits ran, the latest audit's when they differ. */
function axeVersion(data: VisitData): string | undefined {
  return [...data.audits]
    .sort((a, b) => b.at - a.at)
    .map((audit) => audit.accessibility?.axeVersion.trim())
    .find((version) => version);
}

/** The report's appendix: method, references with attributions, glossary. */
export function buildAppendix(data: VisitData, w: ReportWords, browser: string): ReportAppendix {
  const { r } = w;
  const version = axeVersion(data);
  const method = [
    r.method.recorded(browser),
    r.method.privacy,
    version ? r.method.axe(version) : r.method.noAxe,
    r.method.speed,
    r.method.customerTime,
    data.checklist ? r.method.score : r.method.noScore,
  ];
  // What the recorder's channel refused: a page that forged messages or flooded it.
  const dropped = droppedTotal(data.visit);
  if (dropped.forged + dropped.excess > 0) method.splice(2, 0, r.method.dropped(dropped.forged, dropped.excess));
  // How the recording reached the extension: retries, hand-overs through storage, losses; and Stop's collection.
  const delivery = deliveryTotal(data.visit);
  if (delivery.retried + delivery.fellBack + delivery.lost > 0) method.splice(2, 0, r.method.delivery(delivery));
  if (data.visit.uncollected) method.splice(2, 0, r.method.uncollected(data.visit.uncollected.tabs, data.visit.uncollected.messages));
  // What looked like friction but is not the shop's doing (utils/friction/benign.ts).
  const ignored = describeIgnored(addIgnored(...data.pages.map((p) => p.ignoredSignals ?? {})), w.lang);
  if (ignored) method.push(r.method.ignored(ignored));
  // Pages too busy to record in full, and the visit's storage budget reached.
  method.splice(2, 0, ...degradedMethod(data.visit, data.pages, w));
  const checklist = data.checklist;
  const references: ReportAppendix['references'] = [
    ...(checklist?.attribution ? [{ name: checklist.title[w.lang], attribution: r.attributions.checklist(checklist.attribution) }] : []),
    ...WORKS.map((work) => ({ name: work.name, attribution: r.attributions[work.key], url: work.url })),
  ];
  return { method, references, glossary: r.glossary.map((entry) => ({ ...entry })) };
}

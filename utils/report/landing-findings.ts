import { rateVital } from '../audit/speed';
import { OVERLAY_COVERAGE } from '../journey/landing';
import { pageTypeOf, type Rating } from '../schema/page';
import { pushReplay } from './finding-evidence';
import type { Severity } from './model-types';
import { inVisitOrder, make, type SourcedFinding, type Source } from './sourced-finding';
import { replayAt } from './timeline';

/** An overlay the shopper must deal with before seeing the shop: over 30 % of the screen for over 3 s. */
const OVERLAY_MIN_MS = 3000;
const RATING_SEVERITY: Record<Rating, Severity | null> = { good: null, 'needs-improvement': 'minor', poor: 'major' };

const ratingOf = (name: 'LCP' | 'FCP' | 'CLS', value: number | undefined): Rating =>
  value === undefined ? 'good' : rateVital(name, value);

/** The first seconds of a page load: a covering overlay, a slow first paint, a moving layout. */
export const landingFindings: Source = (data, timeline, w) => {
  const { r, ui } = w;
  return inVisitOrder(data.pages).flatMap((page) => {
    const landing = page.landing;
    if (!landing) return [];
    const base = { source: 'landing' as const, page, pageId: page.id };
    const fromStart = () => pushReplay([], replayAt(timeline, page.id, 0));
    const out: SourcedFinding[] = [];
    const o = landing.overlay;
    if (o && o.coverage > OVERLAY_COVERAGE && o.coveredFor > OVERLAY_MIN_MS) {
      const kind = ui.evidence.overlayKinds[o.kind];
      const [percent, duration] = [ui.evidence.percent(o.coverage), ui.evidence.seconds(o.coveredFor)];
      const detail = r.findings.overlayDetail(page.title.trim() || ui.pageTypes[pageTypeOf(page)], o.selector);
      // Landing times count from the navigation start, close enough to the recording's start.
      const evidence = pushReplay([], replayAt(timeline, page.id, o.shownAt));
      const d = { ...base, id: `landing:${page.id}:overlay`, title: r.findings.overlayTitle(kind, percent, duration), detail };
      out.push(make({ ...d, severity: 'major', evidence }, { lead: r.firstSeconds.overlay(kind.toLowerCase(), percent, duration) }));
    }
    const paint = landing.lcp ?? landing.fcp;
    const paints = [ratingOf('LCP', landing.lcp), ratingOf('FCP', landing.fcp)];
    const slow = RATING_SEVERITY[paints.includes('poor') ? 'poor' : paints.includes('needs-improvement') ? 'needs-improvement' : 'good'];
    if (slow && paint !== undefined) {
      const facts = [
        landing.fcp !== undefined ? ui.evidence.fact(ui.evidence.fcp, ui.evidence.seconds(landing.fcp)) : '',
        landing.lcp !== undefined ? ui.evidence.fact(ui.evidence.lcp, ui.evidence.seconds(landing.lcp)) : '',
      ];
      const title = r.findings.slowTitle(ui.evidence.seconds(paint));
      const d = { ...base, id: `landing:${page.id}:slow`, title, detail: facts.filter((s) => s).join(' · ') };
      out.push(make({ ...d, severity: slow, evidence: fromStart() }, { lead: r.firstSeconds.slow(ui.evidence.seconds(paint)) }));
    }
    const shifts = RATING_SEVERITY[ratingOf('CLS', landing.cls)];
    if (shifts) {
      const detail = ui.evidence.fact(ui.evidence.shifts, ui.evidence.shiftsValue(landing.shifts, ui.evidence.decimal(landing.cls)));
      const d = { ...base, id: `landing:${page.id}:shifts`, title: r.findings.shiftsTitle, detail };
      out.push(make({ ...d, severity: shifts, count: landing.shifts, evidence: fromStart() }));
    }
    return out;
  });
};

import type { Finding, Impact } from '../audit/schema';
import { pageTypeOf, type Page } from '../schema/page';
import { pushReplay } from './finding-evidence';
import { latestAudits } from './latest-records';
import type { Severity } from './model-types';
import { inVisitOrder, make, POINTS, type Source } from './sourced-finding';
import { replayAt } from './timeline';

const IMPACT_SEVERITY: Record<NonNullable<Impact>, Severity> = {
  critical: 'critical',
  serious: 'major',
  moderate: 'minor',
  minor: 'minor',
};

/** One finding per axe rule, over every page where it failed (each page's latest audit). */
export const accessibilityFindings: Source = (data, timeline, w) => {
  const audits = latestAudits(data.audits, 'accessibility');
  const groups = new Map<string, { first: Finding; pages: Page[]; nodes: number; severity: Severity }>();
  for (const page of inVisitOrder(data.pages)) {
    for (const v of audits.get(page.id)?.accessibility?.violations ?? []) {
      const severity = v.impact ? IMPACT_SEVERITY[v.impact] : 'minor';
      const group = groups.get(v.ruleId) ?? { first: v, pages: [], nodes: 0, severity };
      group.pages.push(page);
      group.nodes += v.nodeCount;
      if (POINTS[severity] > POINTS[group.severity]) group.severity = severity;
      groups.set(v.ruleId, group);
    }
  }
  return [...groups.values()].flatMap(({ first, pages, nodes, severity }) => {
    const [page] = pages;
    if (!page) return [];
    const d = { id: `a11y:${first.ruleId}`, source: 'accessibility' as const, title: first.help || first.ruleId, severity };
    const detail = w.r.findings.a11yDetail(nodes, pages.length);
    const evidence = pushReplay([], replayAt(timeline, page.id, 0));
    return [make({ ...d, detail, count: nodes, page, pageId: page.id, evidence }, { pageTypes: [...new Set(pages.map(pageTypeOf))] })];
  });
};

/** One major finding per page whose latest speed audit says "poor", with its reasons. */
export const speedFindings: Source = (data, timeline, w) => {
  const audits = latestAudits(data.audits, 'speed');
  return inVisitOrder(data.pages).flatMap((page) => {
    const speed = audits.get(page.id)?.speed;
    if (speed?.verdict !== 'poor') return [];
    const reasons = speed.reasons.map((reason) => reason[w.lang].trim()).filter((s) => s);
    const title = w.r.findings.speedTitle(w.ui.audit.verdicts.poor, page.title.trim() || w.ui.pageTypes[pageTypeOf(page)]);
    const detail = reasons.length ? `${reasons.join('. ')}.` : '';
    const evidence = pushReplay([], replayAt(timeline, page.id, 0));
    return [make({ id: `speed:${page.id}`, source: 'speed', title, detail, severity: 'major', page, pageId: page.id, evidence })];
  });
};

import type { ReportWords } from '../i18n/report-messages';
import type { Page } from '../schema/page';
import { latestAudits } from './latest-records';
import type { ReportAccessibilityPage, ReportSpeedPage } from './model-types';
import type { VisitData } from './visit-data';

/** Each page's axe-core violations, from its latest audit with results (or its latest audit's status). */
export function accessibilityPages(ordered: Page[], data: VisitData, w: ReportWords): ReportAccessibilityPage[] {
  const withResults = latestAudits(data.audits, 'accessibility');
  const latest = latestAudits(data.audits);
  return ordered.map((page) => {
    const audit = withResults.get(page.id) ?? latest.get(page.id);
    const violations = audit?.accessibility?.violations ?? [];
    return {
      pageId: page.id,
      url: page.url,
      title: page.title,
      statusLabel: audit ? w.ui.audit.statuses[audit.status] : w.r.notAudited,
      audited: audit?.accessibility !== undefined,
      findings: violations.map((v) => ({
        ruleId: v.ruleId,
        impact: v.impact,
        impactLabel: v.impact ? w.ui.audit.impacts[v.impact] : w.ui.audit.unknownImpact,
        help: v.help,
        helpUrl: v.helpUrl,
        wcag: [...v.wcag],
        rgaa: [...v.rgaa],
        nodeCount: v.nodeCount,
        nodes: v.nodes.map((n) => ({ ...n })),
      })),
    };
  });
}

/** Each page's speed verdict, vitals and reasons from its latest speed audit (the page's own vitals without one). */
export function speedPages(ordered: Page[], data: VisitData, w: ReportWords): ReportSpeedPage[] {
  const audits = latestAudits(data.audits, 'speed');
  return ordered.map((page) => {
    const speed = audits.get(page.id)?.speed;
    const ttfb = speed?.timing?.ttfb ?? page.timing?.ttfb;
    return {
      pageId: page.id,
      url: page.url,
      title: page.title,
      verdict: speed?.verdict ?? null,
      verdictLabel: speed ? w.ui.audit.verdicts[speed.verdict] : w.r.notMeasured,
      vitals: { ...(speed?.vitals ?? page.vitals) },
      reasons: speed?.reasons.map((reason) => reason[w.lang]) ?? [],
      ...(ttfb !== undefined ? { ttfbMs: ttfb } : {}),
      ...(speed ? { transferBytes: speed.resources.total.bytes } : {}),
    };
  });
}

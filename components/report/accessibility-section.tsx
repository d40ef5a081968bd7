import type { ReportAccessibilityFinding, ReportAccessibilityPage, ReportModel } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { ImpactBadge } from './badges';
import { Facts } from './facts';
import { ExternalLink, UrlText } from './links';
import { ReportSection } from './report-section';

/** Nodes shown per finding; the count says how many there are in all. */
const MAX_NODES = 3;

/** What axe found on each page: the rule in words, its impact, WCAG and RGAA codes, where in the code. */
export function AccessibilitySection({ t, model }: { t: ReportUiMessages; model: ReportModel }) {
  const { pages, violations, byImpact } = model.accessibility;
  // byImpact is keyed by impact code; its words come with the findings.
  const labels = new Map<string, string>(pages.flatMap((p) => p.findings.map((f) => [f.impact ?? 'unknown', f.impactLabel] as const)));
  const counts = Object.entries(byImpact).filter(([, n]) => n > 0);
  return (
    <ReportSection id="accessibility" title={t.sections.accessibility}>
      <p class="a11y-total" data-testid="a11y-total">
        {t.a11ySummary(violations)}
      </p>
      {counts.length > 0 && (
        <ul class="chips" aria-label={t.impact}>
          {counts.map(([impact, n]) => (
            <li key={impact}>
              <ImpactBadge t={t} impact={impact} label={t.fact(labels.get(impact) ?? impact, String(n))} />
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t.a11yHint}</p>
      {pages.length > 0 ? pages.map((p) => <A11yPage key={p.pageId} t={t} page={p} />) : <p>{t.noA11yPages}</p>}
    </ReportSection>
  );
}

function A11yPage({ t, page }: { t: ReportUiMessages; page: ReportAccessibilityPage }) {
  return (
    <div class="report-page-block" data-testid="a11y-page" data-page-id={page.pageId}>
      <h3>{page.title || t.untitledPage}</h3>
      <p class="muted">
        <UrlText url={page.url} />
        {' · '}
        {t.fact(t.auditStatus, page.statusLabel)}
      </p>
      {page.audited && page.findings.length === 0 && <p>{t.noViolations}</p>}
      {page.findings.length > 0 && (
        <ul class="a11y-findings">
          {page.findings.map((f) => (
            <A11yFinding key={f.ruleId} t={t} finding={f} />
          ))}
        </ul>
      )}
    </div>
  );
}

function A11yFinding({ t, finding: f }: { t: ReportUiMessages; finding: ReportAccessibilityFinding }) {
  const nodes = f.nodes.slice(0, MAX_NODES);
  return (
    <li class={`a11y-finding impact-${f.impact ?? 'unknown'}`} data-testid="a11y-finding" data-rule-id={f.ruleId}>
      <p class="finding-head">
        <ImpactBadge t={t} impact={f.impact} label={f.impactLabel} />
        <strong class="finding-title">{f.help}</strong>
      </p>
      <Facts
        rows={[
          [t.wcag, f.wcag.length > 0 ? f.wcag.join(', ') : t.noMatch],
          [t.rgaa, f.rgaa.length > 0 ? f.rgaa.join(', ') : t.noMatch],
        ]}
      />
      <p class="muted">{t.nodesCount(f.nodeCount)}</p>
      {nodes.length > 0 && (
        <ol class="finding-nodes">
          {nodes.map((n, i) => (
            <li key={i}>
              <span class="visually-hidden">{t.fact(t.selector, '')}</span>
              <code class="node-selector">{n.selector}</code>
              <span class="visually-hidden">{t.fact(t.html, '')}</span>
              <code class="node-html">{n.html}</code>
              {n.summary && (
                <p class="node-summary">
                  <span class="visually-hidden">{t.fact(t.fix, '')}</span>
                  {n.summary}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <ExternalLink href={f.helpUrl}>
        {t.learnMore}
        <span class="visually-hidden"> ({f.help})</span>
      </ExternalLink>
    </li>
  );
}

import type { ReportFinding } from '../../utils/report/model-types';
import { KnockoutMark, SeverityBadge } from './badges';
import { EvidenceLinks, type EvidenceContext } from './evidence-links';
import { UrlText } from './links';

/** Findings in the order given (the model ranks them), each with its severity in words and its proof. */
export function FindingList({ ev, findings, label }: { ev: EvidenceContext; findings: readonly ReportFinding[]; label?: string }) {
  return (
    <ol class="report-findings" aria-label={label}>
      {findings.map((f) => (
        <li key={f.id} class={`report-finding severity-${f.severity}`} data-testid="report-finding" data-finding-id={f.id}>
          <FindingBody ev={ev} finding={f} />
        </li>
      ))}
    </ol>
  );
}

/** One finding: its severity in words, knock-out mark and title, detail, where it comes from, its proof. */
export function FindingBody({ ev, finding: f }: { ev: EvidenceContext; finding: ReportFinding }) {
  const { t } = ev;
  return (
    <>
      <p class="finding-head">
        <SeverityBadge t={t} severity={f.severity} />
        {f.knockout && <KnockoutMark t={t} />}
        <strong class="finding-title">{f.title}</strong>
      </p>
      {f.detail && <p class="finding-detail">{f.detail}</p>}
      <p class="finding-meta">
        {t.sources[f.source]}
        {f.pageUrl && (
          <>
            {' · '}
            <UrlText url={f.pageUrl} />
          </>
        )}
      </p>
      <EvidenceLinks ev={ev} refs={f.evidence} />
    </>
  );
}

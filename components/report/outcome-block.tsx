import type { ReportOutcome } from '../../utils/report/model-types';
import { EvidenceLinks, type EvidenceContext } from './evidence-links';
import { Facts } from './facts';

/** How the visit ended, in words first (the colour of its border only repeats them). */
export function OutcomeBlock({ ev, outcome }: { ev: EvidenceContext; outcome: ReportOutcome }) {
  const { t } = ev;
  return (
    <div class={`outcome outcome-${outcome.kind}`} data-testid="outcome" data-outcome={outcome.kind} data-stage={outcome.stage}>
      <h3>{t.outcomeTitle}</h3>
      <p class="outcome-text">
        <strong>{t.outcomeKinds[outcome.kind]}</strong>
        {' — '}
        {outcome.text}
      </p>
      <Facts
        rows={[
          [t.reason, outcome.reason],
          [t.comment, outcome.comment],
        ]}
      />
      <EvidenceLinks ev={ev} refs={outcome.evidence} />
    </div>
  );
}

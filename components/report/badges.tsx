import type { Rating } from '../../utils/schema/page';
import type { Severity } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';

/*
 * Coloured marks that always carry their meaning in words too: colour is never the only cue
 * (and the words survive a black-and-white print).
 */

export function SeverityBadge({ t, severity }: { t: ReportUiMessages; severity: Severity }) {
  return (
    <span class={`badge severity-${severity}`} data-severity={severity}>
      <span class="visually-hidden">{t.fact(t.severity, '')}</span>
      {t.severities[severity]}
    </span>
  );
}

export function KnockoutMark({ t }: { t: ReportUiMessages }) {
  return (
    <span class="badge knockout" data-knockout="true">
      {t.knockout}
    </span>
  );
}

/** An answer state as its label ("Yes", "No", "4 / 5"…), coloured by state. */
export function AnswerBadge({ t, state, label }: { t: ReportUiMessages; state: string; label: string }) {
  return (
    <span class={`answer-badge answer-${state}`} data-state={state}>
      <span class="visually-hidden">{t.fact(t.answer, '')}</span>
      {label}
    </span>
  );
}

/** An accessibility impact (critical, serious, moderate, minor, unknown) with its label from the model. */
export function ImpactBadge({ t, impact, label }: { t: ReportUiMessages; impact: string | null; label: string }) {
  return (
    <span class={`badge impact-${impact ?? 'unknown'}`} data-impact={impact ?? 'unknown'}>
      <span class="visually-hidden">{t.fact(t.impact, '')}</span>
      {label}
    </span>
  );
}

/** A speed rating: a coloured dot and the rating in words. */
export function RatingMark({ rating, label }: { rating: Rating | null; label: string }) {
  return <span class={`rating rating-${rating ?? 'none'}`}>{label}</span>;
}

import type { ReportModel, ReportSummary } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { ScoresChart } from './charts/scores-chart';
import type { EvidenceContext } from './evidence-links';
import { FindingList } from './finding-list';
import { ReportSection } from './report-section';

/**
 * The report in short, after the first page: the scores by part as a chart, what fails the visit
 * outright, every main problem in order, and the visit in figures.
 */
export function SummarySection({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  const s = model.summary;
  return (
    <ReportSection id="summary" title={t.sections.summary}>
      {s.sections.length > 0 && <ScoresChart t={t} summary={s} />}
      {s.knockouts.length > 0 && (
        <div class="callout callout-knockout" data-testid="knockouts">
          <h3>{t.knockouts}</h3>
          <p>{t.knockoutsHint}</p>
          <FindingList ev={ev} findings={s.knockouts} />
        </div>
      )}
      <h3>{t.topFindings}</h3>
      {s.topFindings.length > 0 ? <FindingList ev={ev} findings={s.topFindings} label={t.topFindings} /> : <p>{t.noFindings}</p>}
      <h3>{t.countsTitle}</h3>
      <Counts t={t} counts={s.counts} />
    </ReportSection>
  );
}

function Counts({ t, counts }: { t: ReportUiMessages; counts: ReportSummary['counts'] }) {
  return (
    <ul class="counts" data-testid="counts">
      <li>{t.counts.pages(counts.pages)}</li>
      <li>{t.counts.screenshots(counts.screenshots)}</li>
      <li>{t.counts.notes(counts.notes)}</li>
      <li>{t.counts.signals(counts.signals)}</li>
      <li>{t.counts.answered(counts.answered, counts.criteria)}</li>
    </ul>
  );
}

import type { ReportModel, ReportOutcome, ReportSummary } from '../../utils/report/model-types';
import type { ReportUiMessages } from '../../utils/i18n/report-ui-messages';
import { EvidenceLinks, type EvidenceContext } from './evidence-links';
import { Facts } from './facts';
import { FindingList } from './finding-list';
import { ReportSection } from './report-section';

/** The page a busy shop owner reads: the score, how the visit ended, what fails it, what to fix first. */
export function SummarySection({ ev, model }: { ev: EvidenceContext; model: ReportModel }) {
  const { t } = ev;
  const s = model.summary;
  return (
    <ReportSection id="summary" title={t.sections.summary}>
      <p class="score-big" data-testid="overall-score" data-score={s.score ?? ""}>
        <span class="score-label">{t.overallScore}</span>
        <span class={s.score === null ? 'score-value score-none' : 'score-value'}>{s.score === null ? t.notScored : t.score(s.score)}</span>
      </p>
      {s.sections.length > 0 && <SectionScores t={t} sections={s.sections} />}
      <Outcome ev={ev} outcome={s.outcome} />
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

function SectionScores({ t, sections }: { t: ReportUiMessages; sections: ReportSummary['sections'] }) {
  return (
    // Focusable so a keyboard can scroll the table sideways on a narrow screen.
    <div class="table-wrap" role="region" aria-label={t.sectionScores} tabIndex={0}>
      <table class="report-table">
        <caption>{t.sectionScores}</caption>
        <thead>
          <tr>
            <th scope="col">{t.sectionColumn}</th>
            <th scope="col" class="num">
              {t.scoreColumn}
            </th>
            <th scope="col" class="num">
              {t.answeredColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.id} data-section-id={section.id}>
              <th scope="row">{section.title}</th>
              <td class="num">{section.score === null ? t.noScore : t.score(section.score)}</td>
              <td class="num">{t.ratio(section.answered, section.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Outcome({ ev, outcome }: { ev: EvidenceContext; outcome: ReportOutcome }) {
  const { t } = ev;
  return (
    <div class={`outcome outcome-${outcome.kind}`} data-testid="outcome" data-outcome={outcome.kind}>
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

import type { QuestionAnswer, QuestionCause } from '../../utils/report/model-types';
import { EvidenceLinks, type EvidenceContext } from './evidence-links';
import { ReportSection } from './report-section';

/**
 * The four questions a shop owner asks, each answered by the visit's diagnosis: the answer, what the
 * visit covered for it, then its causes, most likely first, each with its tier and its proof.
 */
export function QuestionsSection({ ev, questions }: { ev: EvidenceContext; questions: readonly QuestionAnswer[] }) {
  const { t } = ev;
  return (
    <ReportSection id="questions" title={t.sections.questions}>
      {questions.map((q) => (
        <div key={q.id} class="question" data-testid="report-question" data-question={q.id} data-status={q.status} data-lead={q.lead?.kind}>
          <h3>{q.question}</h3>
          <p class="question-answer">{q.answer}</p>
          <p class="question-coverage" data-testid="question-coverage">
            <span class="label">{t.questionCoverage}</span>{' '}
            {q.coverage}
          </p>
          {q.causes.length > 0 && (
            <ol class="question-causes" aria-label={t.questionCauses}>
              {q.causes.map((c, i) => (
                <Cause key={i} ev={ev} cause={c} lead={i === 0 && q.lead !== undefined} />
              ))}
            </ol>
          )}
        </div>
      ))}
    </ReportSection>
  );
}

function Cause({ ev, cause, lead }: { ev: EvidenceContext; cause: QuestionCause; lead: boolean }) {
  const { t } = ev;
  return (
    <li class={`question-cause tier-${cause.tier}${lead ? ' lead' : ''}`} data-testid="question-cause" data-kind={cause.kind} data-tier={cause.tier}>
      <span class={`cause-tier tier-${cause.tier}`}>{t.causeTiers[cause.tier]}</span> {cause.text}
      {cause.criterionId && (
        <>
          {' '}
          <a class="cause-criterion" href={`#criterion-${cause.criterionId}`}>
            {t.criterionShort(cause.criterionId)}
          </a>
        </>
      )}
      <EvidenceLinks ev={ev} refs={cause.evidence} />
    </li>
  );
}

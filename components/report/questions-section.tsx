import type { QuestionAnswer } from '../../utils/report/model-types';
import type { EvidenceContext } from './evidence-links';
import { FindingList } from './finding-list';
import { ReportSection } from './report-section';

/** The four questions a shop owner asks, each answered in a sentence or two and backed by findings. */
export function QuestionsSection({ ev, questions }: { ev: EvidenceContext; questions: readonly QuestionAnswer[] }) {
  const { t } = ev;
  return (
    <ReportSection id="questions" title={t.sections.questions}>
      {questions.map((q) => (
        <div key={q.id} class="question" data-testid="report-question" data-question={q.id}>
          <h3>{q.question}</h3>
          <p class="question-answer">{q.answer}</p>
          {q.findings.length > 0 && <FindingList ev={ev} findings={q.findings} label={t.questionFindings} />}
        </div>
      ))}
    </ReportSection>
  );
}

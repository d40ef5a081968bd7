import type { Answer, Checklist, Criterion } from '../checklist/schema';
import { answerEvidence } from './finding-evidence';
import { latestAnswers } from './latest-records';
import type { Severity } from './model-types';
import { make, type Source } from './sourced-finding';

/** Whether an answer fails its criterion: "no", or a rating of 2 or less out of 5. */
export function fails(criterion: Criterion, answer: Answer): boolean {
  if (answer.state === 'no') return true;
  return criterion.answer.kind === 'scale' && answer.state === 'yes' && answer.value !== undefined && answer.value <= 2;
}

/** One finding per failed criterion (its latest answer), critical for a knock-out or a weight of 3. */
export const checklistFindings = (checklist: Checklist): Source => (data, timeline, w, pages) => {
  const answers = latestAnswers(data);
  const shots = new Set(data.screenshots.map((s) => s.id));
  return checklist.sections.flatMap((section) =>
    section.criteria.flatMap((criterion) => {
      const answer = answers.get(criterion.id);
      if (!answer || !fails(criterion, answer)) return [];
      const knockout = criterion.knockout && answer.state === 'no';
      const severity: Severity = knockout || criterion.weight >= 3 ? 'critical' : criterion.weight === 2 ? 'major' : 'minor';
      const rating = answer.state === 'yes' && answer.value !== undefined ? w.r.scaleValue(answer.value) : '';
      const detail = [rating, answer.comment.trim()].filter((s) => s).join(' — ');
      const evidence = answerEvidence(answer, timeline, shots);
      const d = { id: `criterion:${criterion.id}`, source: 'checklist' as const, title: criterion.question[w.lang], detail, severity };
      const page = pages.get(answer.pageId);
      return [make({ ...d, weight: criterion.weight, knockout, page, pageId: answer.pageId, evidence }, { criterion })];
    }),
  );
};

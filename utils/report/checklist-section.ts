import type { Checklist, Reference } from '../checklist/schema';
import type { ChecklistScore } from '../checklist/score';
import type { ReportWords } from '../i18n/report-messages';
import { answerEvidence } from './finding-evidence';
import { latestAnswers } from './latest-records';
import { answerLabel } from './markers';
import type { ReportChecklistSection } from './model-types';
import type { Timeline } from './timeline';
import type { VisitData } from './visit-data';

const REFERENCE_NAMES: Record<Reference['kind'], string> = {
  'bastien-scapin': 'Bastien & Scapin',
  nielsen: 'Nielsen',
  opquast: 'Opquast',
  wcag: 'WCAG',
  rgaa: 'RGAA',
  law: '',
  baymard: 'Baymard',
  other: '',
};

/** "Opquast 35 (V5 36)", "WCAG 1.1.1", "Baymard: Extra costs too high: 48 %". */
function referenceText(ref: Reference): string {
  if (ref.kind === 'baymard' || ref.kind === 'other') return [REFERENCE_NAMES[ref.kind], ref.label ?? ref.code].filter((s) => s).join(': ');
  return [REFERENCE_NAMES[ref.kind], ref.code].filter((s) => s).join(' ');
}

/** Every section of the checklist with its score, and each criterion as last answered, its evidence and review. */
export function checklistSections(
  checklist: Checklist,
  score: ChecklistScore,
  data: VisitData,
  timeline: Timeline,
  w: ReportWords,
): ReportChecklistSection[] {
  const answers = latestAnswers(data);
  const shots = new Set(data.screenshots.map((s) => s.id));
  const reviews = new Map(data.review?.comments.map((c) => [c.criterionId, c.text]) ?? []);
  return checklist.sections.map((section, index) => ({
    id: section.id,
    title: section.title[w.lang],
    score: score.sections[index]?.score ?? null,
    criteria: section.criteria.map((c) => {
      const answer = answers.get(c.id);
      const review = reviews.get(c.id);
      return {
        id: c.id,
        question: c.question[w.lang],
        state: answer?.state ?? 'unanswered',
        stateLabel: answerLabel(c, answer, w),
        comment: answer?.comment ?? '',
        weight: c.weight,
        knockout: c.knockout,
        references: c.references.map(referenceText),
        evidence: answer ? answerEvidence(answer, timeline, shots) : [],
        ...(answer ? { pageId: answer.pageId } : {}),
        ...(review !== undefined ? { reviewComment: review } : {}),
      };
    }),
  }));
}

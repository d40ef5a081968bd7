import type { Answer } from './schema';

/**
 * A visit's answers are kept per checklist: the quick checklist reuses the e-commerce checklist's
 * criterion ids, so an answer is one criterion of one checklist in one visit.
 */
export function answerId(visitId: string, checklistId: string, criterionId: string): string {
  return `${visitId}/${checklistId}/${criterionId}`;
}

/**
 * The answers given under one checklist: what the panel shows and scores, and what the report
 * scores, so that both give the same figures. None without a checklist.
 */
export function answersOf<A extends Pick<Answer, 'checklistId'>>(answers: readonly A[], checklistId: string | undefined): A[] {
  return checklistId === undefined ? [] : answers.filter((a) => a.checklistId === checklistId);
}

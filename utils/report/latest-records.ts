import type { AuditRecord } from '../audit/schema';
import { answersOf } from '../checklist/answers';
import type { Answer, Checklist } from '../checklist/schema';

/**
 * The answers the report reads: those given under the visit's checklist (the panel shows and scores
 * the same), the last one of each criterion winning, as in the score.
 */
export function latestAnswers(data: { answers: readonly Answer[]; checklist?: Pick<Checklist, 'id'> | undefined }): Map<string, Answer> {
  return new Map(answersOf(data.answers, data.checklist?.id).map((answer) => [answer.criterionId, answer]));
}

/** The latest audit of each page that holds `part` (any audit without `part`). */
export function latestAudits(audits: readonly AuditRecord[], part?: 'accessibility' | 'speed'): Map<string, AuditRecord> {
  const latest = new Map<string, AuditRecord>();
  for (const audit of audits) {
    const known = latest.get(audit.pageId);
    if ((!part || audit[part]) && (!known || audit.at >= known.at)) latest.set(audit.pageId, audit);
  }
  return latest;
}

import type { AuditRecord } from '../audit/schema';
import type { Answer } from '../checklist/schema';

/** The last answer given to each criterion, the rule the score follows. */
export function latestAnswers(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((answer) => [answer.criterionId, answer]));
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

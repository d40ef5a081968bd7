import type { ChecklistScore } from '../checklist/score';
import type { ReportWords } from '../i18n/report-messages';
import { latestAnswers } from './latest-records';
import type { ReportFinding, ReportOutcome, ReportSummary } from './model-types';
import type { VisitData } from './visit-data';

const TOP_FINDINGS = 10;

/** The report in short: scores, outcome, the top findings, failed knock-outs and counts. */
export function reportSummary(
  data: VisitData,
  score: ChecklistScore | null,
  findings: ReportFinding[],
  outcome: ReportOutcome,
  w: ReportWords,
): ReportSummary {
  const { checklist } = data;
  const answers = latestAnswers(data);
  return {
    score: score?.overall ?? null,
    sections: (checklist?.sections ?? []).map((section, i) => {
      const s = score?.sections[i];
      const title = section.title[w.lang];
      return { id: section.id, title, score: s?.score ?? null, answered: s?.answered ?? 0, total: s?.total ?? section.criteria.length };
    }),
    outcome,
    topFindings: findings.slice(0, TOP_FINDINGS),
    knockouts: (score?.knockouts ?? []).flatMap((id) => findings.filter((f) => f.id === `criterion:${id}`)),
    counts: {
      pages: data.pages.length,
      screenshots: data.screenshots.length,
      notes: data.notes.length,
      signals: data.signals.length,
      answered: score?.answered ?? answers.size,
      criteria: score?.total ?? 0,
    },
  };
}

import { latestAnswers } from './latest-records';
import type { AnswerState, Localized } from '../checklist/schema';
import { scoreChecklist } from '../checklist/score';
import type { FunnelStage } from '../schema/evidence';
import type { VisitData } from './visit-data';

/** The mission a visit followed, as the viewer lists it: the copy's id, agency and title, and its hash. */
export interface MissionSummary {
  id: string;
  /** The visit's `missionHash`: tells two versions of one mission apart. */
  sha256: string;
  agency: string;
  title: Localized;
}

/** What the viewer's list shows of an imported visit, read once at import so the list never unpacks. */
export interface BundleSummary {
  site: string;
  startedAt: number;
  endedAt?: number;
  /** The checklist's overall score (0–100), null without a checklist or a scored answer. */
  score: number | null;
  outcome: 'converted' | 'abandoned' | 'unknown';
  /** Where the visit converted or was abandoned. */
  stage?: FunnelStage;
  /** The alias the evaluator signed the verdict with; empty when not given. */
  evaluator: string;
  checklistTitle?: Localized;
  /** The mission followed; absent for a visit made before missions (or imported before the viewer read them). */
  mission?: MissionSummary;
}

/** One answered criterion, as the reviewer needs it to write a comment beside it. */
export interface ReviewCriterion {
  id: string;
  question: Localized;
  state: AnswerState;
  value?: number;
  /** The evaluator's own comment. */
  comment: string;
}

/** The list line of a visit: site, dates, score, outcome, evaluator, checklist and mission. */
export function summarize(data: VisitData): BundleSummary {
  const { visit } = data;
  return {
    site: visit.site,
    startedAt: visit.startedAt,
    ...(visit.endedAt !== undefined && { endedAt: visit.endedAt }),
    score: data.checklist ? scoreChecklist(data.checklist, [...latestAnswers(data).values()]).overall : null,
    outcome: visit.outcome?.kind ?? 'unknown',
    ...(visit.outcome && { stage: visit.outcome.stage }),
    evaluator: visit.verdict?.alias.trim() ?? '',
    ...(data.checklist && { checklistTitle: data.checklist.title }),
    ...(visit.mission &&
      visit.missionHash !== undefined && {
        mission: { id: visit.mission.id, sha256: visit.missionHash, agency: visit.mission.agency, title: visit.mission.title },
      }),
  };
}

/**
 * The checklist's criteria that have an answer, in checklist order, with the answer. Kept beside the
 * imported visit so that commenting does not need to unpack the bundle again.
 */
export function reviewCriteria(data: VisitData): ReviewCriterion[] {
  if (!data.checklist) return [];
  const answers = latestAnswers(data);
  return data.checklist.sections.flatMap((section) =>
    section.criteria.flatMap((criterion): ReviewCriterion[] => {
      const answer = answers.get(criterion.id);
      if (!answer) return [];
      return [
        {
          id: criterion.id,
          question: criterion.question,
          state: answer.state,
          ...(answer.value !== undefined && { value: answer.value }),
          comment: answer.comment,
        },
      ];
    }),
  );
}

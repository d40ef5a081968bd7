import type { Answer } from '../checklist/schema';
import type { Note, Screenshot } from '../schema/evidence';
import type { Page } from '../schema/page';
import { missingItems, type MissingItem } from './completeness';
import type { Mission, Step } from './schema';
import { stepStatusesOf, type StepMark } from './step-status';
import { detectSteps, type ScenarioProgress } from './steps';

/**
 * A visit's progress through its mission, as the panel shows it live: the steps its pages reached,
 * the step to do now, and what is still missing before Stop.
 */

interface VisitOfMission {
  id: string;
  startedAt: number;
  mission?: Mission | undefined;
  stepStatuses?: Readonly<Record<string, StepMark>> | undefined;
}

/**
 * Where the visit reached each step, from its pages. Visible-text conditions hold where the page was
 * seen to show the text (`page.textsSeen`, looked for by the background as the page loads).
 */
export function visitProgress(visit: VisitOfMission & { mission: Mission }, pages: readonly Page[]): ScenarioProgress {
  return detectSteps(visit.mission.steps, pages, { startedAt: visit.startedAt });
}

/**
 * The step to do now: the first required step neither reached nor marked; when every required one
 * is, the first optional step neither reached nor marked (the Quick visit's are all optional);
 * undefined when none is left.
 */
export function currentStep(steps: readonly Step[], progress: ScenarioProgress, marks: Readonly<Record<string, StepMark>> = {}): Step | undefined {
  const reached = new Set(progress.steps.filter((step) => step.reached).map((step) => step.stepId));
  const open = steps.filter((step) => !reached.has(step.id) && marks[step.id] === undefined);
  return open.find((step) => step.required) ?? open[0];
}

/** What the visit still lacks of what its mission requires (none for a visit without a mission). */
export function visitMissing(
  visit: VisitOfMission,
  data: {
    pages: readonly Page[];
    answers: readonly Pick<Answer, 'checklistId' | 'criterionId' | 'state' | 'pageId'>[];
    screenshots: readonly Pick<Screenshot, 'pageId'>[];
    notes: readonly Pick<Note, 'pageId'>[];
  },
): MissingItem[] {
  const mission = visit.mission;
  if (!mission) return [];
  return missingItems({
    mission,
    pages: data.pages,
    progress: visitProgress({ ...visit, mission }, data.pages),
    statuses: stepStatusesOf(visit),
    answers: data.answers,
    screenshots: data.screenshots,
    notes: data.notes,
  });
}

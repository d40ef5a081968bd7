import { customerMs } from '../journey/customer-time';
import type { Lang } from '../i18n/messages';
import { QUICK_VISIT_MISSION } from '../mission/defaults';
import { stepStatusesOf } from '../mission/step-status';
import { visitMissing, visitProgress } from '../mission/progress';
import { replayAt, type Timeline } from './timeline';
import type { ReportMission, ReportMissionDeadline } from './model-types';
import type { VisitData } from './visit-data';

/**
 * The report's Mission section (issue 14): the brief the visit followed, each step of its scenario
 * as the pages and the evaluator tell it — reached or not, in the expected order or not, the
 * evaluator's mark, its customer time against the target — and the evidence the agency required,
 * present or explained. Pure, like the rest of the report model.
 */

/** Whether the visit ended by the deadline; null while it is still open and the deadline not yet past. */
export function deadlineMet(deadline: string, visit: { endedAt?: number | undefined }, now: number): ReportMissionDeadline {
  const at = Date.parse(deadline);
  if (visit.endedAt !== undefined) return { at, met: visit.endedAt <= at };
  return { at, met: now > at ? false : null };
}

/** The Mission section of a visit's report; null for a visit made before missions. */
export function reportMission(data: VisitData, timeline: Timeline, lang: Lang, now: number): ReportMission | null {
  const { visit } = data;
  const mission = visit.mission;
  if (!mission) return null;
  // As the panel reads them: the same progress and the same missing items as before Stop.
  const progress = visitProgress({ ...visit, mission }, data.pages);
  const marks = new Map(stepStatusesOf(visit).map((mark) => [mark.stepId, mark]));
  const explanations = visit.explanations ?? {};
  const missing = new Set(visitMissing(visit, data).map((item) => item.id));
  return {
    id: mission.id,
    title: mission.title[lang],
    agency: mission.agency,
    builtIn: mission.id === QUICK_VISIT_MISSION.id,
    ...(visit.missionHash ? { hash: visit.missionHash } : {}),
    instructions: mission.instructions[lang],
    ...(mission.persona ? { persona: mission.persona } : {}),
    ...(mission.deadline ? { deadline: deadlineMet(mission.deadline, visit, now) } : {}),
    orderFollowed: progress.orderFollowed,
    steps: mission.steps.map((step, i) => {
      const p = progress.steps[i]!;
      const mark = marks.get(step.id);
      const timed = p.inOrder && p.from !== undefined && p.at !== undefined;
      const customer = timed ? customerMs(p.from!, p.at!, visit, now) : undefined;
      const explanation = explanations[`step/${step.id}`];
      return {
        id: step.id,
        instruction: step.instruction[lang],
        success: step.success[lang],
        required: step.required,
        reached: p.reached,
        inOrder: p.inOrder,
        missing: missing.has(`step/${step.id}`),
        ...(mark ? { status: mark.status, comment: mark.comment } : {}),
        ...(explanation ? { explanation } : {}),
        ...(p.pageId ? { pageId: p.pageId } : {}),
        replayAt: p.pageId ? replayAt(timeline, p.pageId, 0) : null,
        ...(timed ? { wallMs: p.at! - p.from!, customerMs: customer! } : {}),
        ...(step.targetSeconds !== undefined ? { targetMs: step.targetSeconds * 1000 } : {}),
        // The target is a customer's time: the evaluator's work in the panel does not count against the shop.
        ...(customer !== undefined && step.targetSeconds !== undefined ? { overTarget: customer > step.targetSeconds * 1000 } : {}),
      };
    }),
    evidence: mission.requiredEvidence.map((item) => {
      const explanation = explanations[`evidence/${item.id}`];
      return {
        id: item.id,
        kind: item.kind,
        label: item.label[lang],
        present: !missing.has(`evidence/${item.id}`),
        ...(item.stepId ? { stepId: item.stepId } : {}),
        ...(explanation ? { explanation } : {}),
      };
    }),
  };
}

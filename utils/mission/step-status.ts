import { z } from 'zod';

/**
 * The evaluator's word on a step: done, failed (tried, and the site did not let them), or blocked
 * (could not try: out of stock, an error before it). Failed and blocked say why.
 */

export const STEP_STATUSES = ['done', 'failed', 'blocked'] as const;
export type StepStatusValue = (typeof STEP_STATUSES)[number];

const markShape = {
  status: z.enum(STEP_STATUSES),
  comment: z.string().trim().max(5000),
  /** When it was given (epoch ms). */
  at: z.number(),
  /** The page on screen then: where the step's required evidence counts when no page met its conditions. */
  pageId: z.string().min(1).max(100).optional(),
};

function commentUnlessDone(mark: { status: StepStatusValue; comment: string }, ctx: z.RefinementCtx): void {
  if (mark.status !== 'done' && mark.comment === '') {
    ctx.addIssue({ code: 'custom', path: ['comment'], message: 'A failed or blocked step says why.' });
  }
}

/** A step's mark as the visit keeps it, in `visit.stepStatuses` by step id (the last one given wins). */
export const stepMarkSchema = z.object(markShape).superRefine(commentUnlessDone);
export type StepMark = z.infer<typeof stepMarkSchema>;

/** A step's mark on its own, with its visit, mission and step named (as a report lists them). */
export const stepStatusSchema = z
  .object({
    /** `${visitId}/${stepId}`: one per step and visit, the last one given wins. */
    id: z.string().min(1).max(250),
    visitId: z.string().min(1).max(100),
    missionId: z.string().min(1).max(100),
    stepId: z.string().min(1).max(40),
    ...markShape,
    /** The replay offset on its page, once the background stamps it. */
    offset: z.number().nonnegative().optional(),
  })
  .superRefine(commentUnlessDone);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** The key of a step's status in a visit (the last one given replaces the one before). */
export function stepStatusId(visitId: string, stepId: string): string {
  return `${visitId}/${stepId}`;
}

/** A visit's step marks as a list, in the mission's order of steps (marks of unknown steps last). */
export function stepStatusesOf(visit: {
  id: string;
  mission?: { id: string; steps: readonly { id: string }[] } | undefined;
  stepStatuses?: Readonly<Record<string, StepMark>> | undefined;
}): StepStatus[] {
  const marks = visit.stepStatuses ?? {};
  const order = new Map((visit.mission?.steps ?? []).map((step, i) => [step.id, i]));
  return Object.entries(marks)
    .sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size))
    .map(([stepId, mark]) => ({ id: stepStatusId(visit.id, stepId), visitId: visit.id, missionId: visit.mission?.id ?? '', stepId, ...mark }));
}

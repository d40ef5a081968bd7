import { z } from 'zod';

/**
 * The evaluator's word on a step: done, failed (tried, and the site did not let them), or blocked
 * (could not try: out of stock, an error before it). Failed and blocked say why.
 */

export const STEP_STATUSES = ['done', 'failed', 'blocked'] as const;
export type StepStatusValue = (typeof STEP_STATUSES)[number];

export const stepStatusSchema = z
  .object({
    /** `${visitId}/${stepId}`: one per step and visit, the last one given wins. */
    id: z.string().min(1).max(250),
    visitId: z.string().min(1).max(100),
    missionId: z.string().min(1).max(100),
    stepId: z.string().min(1).max(40),
    status: z.enum(STEP_STATUSES),
    comment: z.string().trim().max(5000),
    at: z.number(),
    /** The page on screen when it was given, and the replay offset there, once the background stamps them. */
    pageId: z.string().min(1).max(100).optional(),
    offset: z.number().nonnegative().optional(),
  })
  .superRefine((status, ctx) => {
    if (status.status !== 'done' && status.comment === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'A failed or blocked step says why.' });
    }
  });
export type StepStatus = z.infer<typeof stepStatusSchema>;

/** The key of a step's status in a visit (the last one given replaces the one before). */
export function stepStatusId(visitId: string, stepId: string): string {
  return `${visitId}/${stepId}`;
}

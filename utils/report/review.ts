import { z } from 'zod';

/**
 * The agency's review of a submitted visit: submitted → in review → validated, or returned to the
 * evaluator with comments per criterion.
 */
export const REVIEW_STATUSES = ['submitted', 'in-review', 'validated', 'returned'] as const;
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const reviewCommentSchema = z.object({
  criterionId: z.string().min(1).max(40),
  text: z.string().min(1).max(5000),
  at: z.number(),
});

export const reviewSchema = z.object({
  status: reviewStatusSchema,
  updatedAt: z.number(),
  reviewer: z.string().max(200).optional(),
  /** What the reviewer asks to change, one comment per criterion at most. */
  comments: z.array(reviewCommentSchema).max(1000),
  history: z.array(z.object({ status: reviewStatusSchema, at: z.number() })).max(200),
});
export type Review = z.infer<typeof reviewSchema>;

/** Where a review may go from each status. */
export const REVIEW_NEXT: Record<ReviewStatus, readonly ReviewStatus[]> = {
  submitted: ['in-review'],
  'in-review': ['validated', 'returned'],
  validated: ['in-review'],
  returned: ['in-review'],
};

/** The review a freshly exported bundle carries. */
export function submittedReview(now: number): Review {
  return { status: 'submitted', updatedAt: now, comments: [], history: [{ status: 'submitted', at: now }] };
}

/** Moves a review to `next`, or returns an error code when that step is not allowed. */
export function moveReview(review: Review, next: ReviewStatus, now: number): Review | { error: 'bad-transition' } {
  if (!REVIEW_NEXT[review.status].includes(next)) return { error: 'bad-transition' };
  return { ...review, status: next, updatedAt: now, history: [...review.history, { status: next, at: now }].slice(-200) };
}

/** Sets (or, with empty text, removes) the reviewer's comment on one criterion. */
export function setReviewComment(review: Review, criterionId: string, text: string, now: number): Review {
  const others = review.comments.filter((c) => c.criterionId !== criterionId);
  const trimmed = text.trim();
  return {
    ...review,
    updatedAt: now,
    comments: trimmed ? [...others, { criterionId, text: trimmed.slice(0, 5000), at: now }] : others,
  };
}

import { describe, expect, it } from 'vitest';
import {
  moveReview,
  REVIEW_NEXT,
  REVIEW_STATUSES,
  reviewSchema,
  setReviewComment,
  submittedReview,
  type Review,
  type ReviewStatus,
} from '../../../../utils/report/review';

const T0 = Date.UTC(2026, 10, 24, 9, 30);

/** A review at `status`, reached through the allowed steps. */
function reviewAt(status: ReviewStatus): Review {
  const path: Record<ReviewStatus, ReviewStatus[]> = {
    submitted: [],
    'in-review': ['in-review'],
    validated: ['in-review', 'validated'],
    returned: ['in-review', 'returned'],
  };
  return path[status].reduce((review, next, i) => {
    const moved = moveReview(review, next, T0 + (i + 1) * 1000);
    if ('error' in moved) throw new Error(`cannot reach ${status}`);
    return moved;
  }, submittedReview(T0));
}

describe('submittedReview', () => {
  it('is submitted, without comments, with one history entry', () => {
    expect(submittedReview(T0)).toEqual({ status: 'submitted', updatedAt: T0, comments: [], history: [{ status: 'submitted', at: T0 }] });
  });

  it('is valid against the schema', () => {
    expect(reviewSchema.parse(submittedReview(T0))).toEqual(submittedReview(T0));
  });
});

describe('moveReview', () => {
  const allowed: [ReviewStatus, ReviewStatus][] = [
    ['submitted', 'in-review'],
    ['in-review', 'validated'],
    ['in-review', 'returned'],
    ['validated', 'in-review'],
    ['returned', 'in-review'],
  ];
  const isAllowed = (from: ReviewStatus, to: ReviewStatus) => allowed.some(([f, t]) => f === from && t === to);
  const refused = REVIEW_STATUSES.flatMap((from) => REVIEW_STATUSES.filter((to) => !isAllowed(from, to)).map((to) => [from, to] as [ReviewStatus, ReviewStatus]));

  it('has the table this test walks', () => {
    for (const from of REVIEW_STATUSES) expect([...REVIEW_NEXT[from]].sort()).toEqual(REVIEW_STATUSES.filter((to) => isAllowed(from, to)).sort());
    expect(allowed.length + refused.length).toBe(REVIEW_STATUSES.length ** 2);
  });

  it.each(allowed)('moves %s → %s, appending to the history', (from, to) => {
    const review = reviewAt(from);
    const now = T0 + 60_000;
    const moved = moveReview(review, to, now);
    expect(moved).toEqual({ ...review, status: to, updatedAt: now, history: [...review.history, { status: to, at: now }] });
    expect(reviewSchema.safeParse(moved).success).toBe(true);
  });

  it.each(refused)('refuses %s → %s', (from, to) => {
    const review = reviewAt(from);
    const copy = structuredClone(review);
    expect(moveReview(review, to, T0 + 60_000)).toEqual({ error: 'bad-transition' });
    expect(review).toEqual(copy);
  });

  it('keeps the comments and the reviewer', () => {
    const review = { ...setReviewComment(reviewAt('in-review'), 'A01', 'Photo floue', T0 + 5000), reviewer: 'Agence Nord' };
    const moved = moveReview(review, 'returned', T0 + 6000);
    expect(moved).toMatchObject({ reviewer: 'Agence Nord', comments: review.comments });
  });

  it('does not change the review it is given', () => {
    const review = reviewAt('in-review');
    const copy = structuredClone(review);
    moveReview(review, 'validated', T0 + 60_000);
    expect(review).toEqual(copy);
  });

  it('keeps the history within the schema’s 200 entries, dropping the oldest', () => {
    let review: Review = submittedReview(T0);
    for (let i = 1; i <= 250; i++) {
      const moved = moveReview(review, review.status === 'in-review' ? 'returned' : 'in-review', T0 + i);
      if ('error' in moved) throw new Error('refused');
      review = moved;
    }
    expect(review.history).toHaveLength(200);
    expect(review.history.at(-1)).toEqual({ status: review.status, at: T0 + 250 });
    expect(review.history[0]?.at).toBe(T0 + 51);
    expect(reviewSchema.safeParse(review).success).toBe(true);
  });
});

describe('setReviewComment', () => {
  const base = reviewAt('in-review');

  it.each<[string, Review['comments'], string, string, Review['comments']]>([
    ['adds a comment', [], 'A01', 'La photo est floue.', [{ criterionId: 'A01', text: 'La photo est floue.', at: T0 + 9000 }]],
    [
      'adds a comment beside another criterion’s',
      [{ criterionId: 'B02', text: 'Prix absent', at: T0 }],
      'A01',
      'Photo floue',
      [
        { criterionId: 'B02', text: 'Prix absent', at: T0 },
        { criterionId: 'A01', text: 'Photo floue', at: T0 + 9000 },
      ],
    ],
    [
      'replaces the criterion’s comment',
      [
        { criterionId: 'A01', text: 'Ancien', at: T0 },
        { criterionId: 'B02', text: 'Prix absent', at: T0 },
      ],
      'A01',
      'Nouveau',
      [
        { criterionId: 'B02', text: 'Prix absent', at: T0 },
        { criterionId: 'A01', text: 'Nouveau', at: T0 + 9000 },
      ],
    ],
    ['removes it with empty text', [{ criterionId: 'A01', text: 'Ancien', at: T0 }], 'A01', '', []],
    ['removes it with blank text', [{ criterionId: 'A01', text: 'Ancien', at: T0 }], 'A01', ' \n\t ', []],
    ['does nothing with blank text and no comment', [{ criterionId: 'B02', text: 'Prix', at: T0 }], 'A01', '  ', [{ criterionId: 'B02', text: 'Prix', at: T0 }]],
    ['trims the text', [], 'A01', '  \n Photo floue. \t', [{ criterionId: 'A01', text: 'Photo floue.', at: T0 + 9000 }]],
  ])('%s', (_, comments, criterionId, text, expected) => {
    const next = setReviewComment({ ...base, comments }, criterionId, text, T0 + 9000);
    expect(next.comments).toEqual(expected);
    expect(next.updatedAt).toBe(T0 + 9000);
    expect(next.status).toBe(base.status);
    expect(next.history).toEqual(base.history);
    expect(reviewSchema.safeParse(next).success).toBe(true);
  });

  it('cuts a comment to the schema’s 5000 characters', () => {
    const next = setReviewComment(base, 'A01', `  ${'x'.repeat(6000)}`, T0 + 9000);
    expect(next.comments[0]?.text).toBe('x'.repeat(5000));
    expect(reviewSchema.safeParse(next).success).toBe(true);
  });

  it('does not change the review it is given', () => {
    const review = setReviewComment(base, 'A01', 'Ancien', T0);
    const copy = structuredClone(review);
    setReviewComment(review, 'A01', 'Nouveau', T0 + 1);
    setReviewComment(review, 'A01', '', T0 + 2);
    expect(review).toEqual(copy);
  });
});

import { describe, expect, it } from 'vitest';
import { ECOMMERCE_CHECKLIST } from '../../../utils/checklist/defaults';
import { scoreChecklist } from '../../../utils/checklist/score';
import { PRODUCT_ANSWERS, PRODUCT_ANSWERS_SCORE } from '../../shared/product-answers';

describe('the product-page answers of the end-to-end test, scored', () => {
  it('give the score the side panel must show', () => {
    const score = scoreChecklist(ECOMMERCE_CHECKLIST, PRODUCT_ANSWERS.map(({ criterionId, state }) => ({ criterionId, state })));
    expect(score.overall).toBe(PRODUCT_ANSWERS_SCORE);
    expect(score.sections.find((s) => s.sectionId === 'D')?.score).toBe(PRODUCT_ANSWERS_SCORE);
    expect(score.sections.filter((s) => s.score !== null).map((s) => s.sectionId)).toEqual(['D']);
    expect(score.answered).toBe(5);
    expect(score.knockouts).toEqual([]);
  });
});

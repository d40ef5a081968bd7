import type { Answer, Checklist, Criterion } from './schema';

export type ScoredAnswer = Pick<Answer, 'criterionId' | 'state' | 'value'>;

export interface SectionScore {
  sectionId: string;
  /** 0–100, one decimal; null when no criterion of the section was scored. */
  score: number | null;
  answered: number;
  total: number;
  /** Criteria with no answer yet, or "not checked": what is left before finishing. */
  left: number;
}

export interface ChecklistScore {
  /** 0–100, one decimal; null when no section has a score. */
  overall: number | null;
  sections: SectionScore[];
  /** Knock-out criteria answered "no", in checklist order, whatever the score. */
  knockouts: string[];
  answered: number;
  total: number;
}

/**
 * Scores a visit's answers against its checklist. A yes-no criterion earns its weight on "yes" and
 * nothing on "no"; a scale answer of 1–5 earns (value − 1) / 4 of it; "not applicable", "not
 * checked" and `number` criteria stay out of the sums. Sections are combined by their weights, over
 * the sections that have a score. Rounded to one decimal only at the end.
 */
export function scoreChecklist(checklist: Checklist, answers: ScoredAnswer[]): ChecklistScore {
  // The last answer given to a criterion wins.
  const byCriterion = new Map(answers.map((answer) => [answer.criterionId, answer]));
  const knockouts: string[] = [];
  let weighted = 0;
  let sectionWeights = 0;
  const sections = checklist.sections.map((section): SectionScore => {
    let earned = 0;
    let possible = 0;
    let left = 0;
    for (const criterion of section.criteria) {
      const answer = byCriterion.get(criterion.id);
      if (!answer || answer.state === 'unchecked') left += 1;
      if (answer?.state === 'no' && criterion.knockout) knockouts.push(criterion.id);
      const credit = answer ? creditOf(criterion, answer) : null;
      if (credit === null) continue;
      earned += criterion.weight * credit;
      possible += criterion.weight;
    }
    const score = possible > 0 ? (earned / possible) * 100 : null;
    if (score !== null) {
      weighted += section.weight * score;
      sectionWeights += section.weight;
    }
    const total = section.criteria.length;
    return { sectionId: section.id, score: roundOne(score), answered: total - left, total, left };
  });
  return {
    overall: roundOne(sectionWeights > 0 ? weighted / sectionWeights : null),
    sections,
    knockouts,
    answered: sections.reduce((sum, section) => sum + section.answered, 0),
    total: sections.reduce((sum, section) => sum + section.total, 0),
  };
}

/** The share of its weight a criterion earns (0–1), or null when it is left out of the score. */
function creditOf(criterion: Criterion, answer: ScoredAnswer): number | null {
  if (answer.state === 'na' || answer.state === 'unchecked') return null;
  switch (criterion.answer.kind) {
    case 'yes-no':
      return answer.state === 'yes' ? 1 : 0;
    case 'scale': {
      const { value } = answer;
      // A scale answer without a usable value has nothing to score.
      return value !== undefined && value >= 1 && value <= 5 ? (value - 1) / 4 : null;
    }
    case 'number':
      return null;
  }
}

function roundOne(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

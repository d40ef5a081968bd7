import { describe, expect, it } from 'vitest';
import type { Checklist, Criterion, Section } from '../../../utils/checklist/schema';
import { scoreChecklist, type ScoredAnswer } from '../../../utils/checklist/score';

type Kind = Criterion['answer']['kind'];

function criterion(id: string, weight: 1 | 2 | 3, kind: Kind = 'yes-no', knockout = false): Criterion {
  const answer: Criterion['answer'] =
    kind === 'yes-no' ? { kind } : kind === 'scale' ? { kind, min: 1, max: 5 } : { kind, unit: { fr: 's', en: 's' } };
  return { id, question: { fr: id, en: id }, answer, weight, knockout, pages: ['any'], references: [{ kind: 'other', code: id }] };
}

function section(id: string, weight: number, criteria: Criterion[]): Section {
  return { id, title: { fr: id, en: id }, weight, criteria };
}

function checklist(...sections: Section[]): Checklist {
  return { format: 'mystere-checklist', version: 1, id: 'test', title: { fr: 'Test', en: 'Test' }, sections };
}

const yes = (criterionId: string): ScoredAnswer => ({ criterionId, state: 'yes' });
const no = (criterionId: string): ScoredAnswer => ({ criterionId, state: 'no' });
const na = (criterionId: string): ScoredAnswer => ({ criterionId, state: 'na' });
const unchecked = (criterionId: string): ScoredAnswer => ({ criterionId, state: 'unchecked' });
const valued = (criterionId: string, value: number): ScoredAnswer => ({ criterionId, state: 'yes', value });

/**
 * The worked example (an end-to-end test answers the same in the side panel):
 * - home (weight 1): H1 yes (w1) → 1; H2 no (w3, knock-out) → 0; H3 scale 4 (w2) → 2 × 3/4 = 1.5;
 *   H4 number, not scored. 2.5 / 6 = 41.67 %.
 * - cart (weight 2): C1 yes (w2) → 2; C2 n/a and C3 not checked are left out. 2 / 2 = 100 %.
 * - overall (1 × 41.67 + 2 × 100) / 3 = 80.56 → 80.6.
 */
const SCORING_EXAMPLE = {
  checklist: checklist(
    section('home', 1, [criterion('H1', 1), criterion('H2', 3, 'yes-no', true), criterion('H3', 2, 'scale'), criterion('H4', 1, 'number')]),
    section('cart', 2, [criterion('C1', 2), criterion('C2', 1), criterion('C3', 1)]),
  ),
  answers: [yes('H1'), no('H2'), valued('H3', 4), valued('H4', 12), yes('C1'), na('C2'), unchecked('C3')],
  expectedOverall: 80.6,
};

describe('scoreChecklist', () => {
  it('scores the worked example', () => {
    expect(scoreChecklist(SCORING_EXAMPLE.checklist, SCORING_EXAMPLE.answers)).toEqual({
      overall: SCORING_EXAMPLE.expectedOverall,
      sections: [
        { sectionId: 'home', score: 41.7, answered: 4, total: 4, left: 0 },
        { sectionId: 'cart', score: 100, answered: 2, total: 3, left: 1 },
      ],
      knockouts: ['H2'],
      answered: 6,
      total: 7,
    });
  });

  it('leaves "not applicable" and "not checked" out of both sides', () => {
    const list = checklist(section('s', 1, [criterion('A', 1), criterion('B', 1), criterion('C', 1), criterion('D', 1)]));
    const score = scoreChecklist(list, [yes('A'), no('B'), na('C'), unchecked('D')]);
    expect(score.overall).toBe(50);
    expect(score.sections[0]).toEqual({ sectionId: 's', score: 50, answered: 3, total: 4, left: 1 });
  });

  it('weighs criteria within a section and sections within the checklist', () => {
    const list = checklist(
      section('a', 3, [criterion('A1', 3), criterion('A2', 1)]),
      section('b', 1, [criterion('B1', 1)]),
    );
    const score = scoreChecklist(list, [yes('A1'), no('A2'), no('B1')]);
    expect(score.sections.map((s) => s.score)).toEqual([75, 0]);
    // (3 × 75 + 1 × 0) / 4
    expect(score.overall).toBe(56.3);
  });

  it('normalises section weights over the sections that have a score', () => {
    const list = checklist(section('a', 1, [criterion('A1', 1)]), section('b', 9, [criterion('B1', 1)]));
    const score = scoreChecklist(list, [no('A1'), na('B1')]);
    expect(score.sections.map((s) => s.score)).toEqual([0, null]);
    expect(score.overall).toBe(0);
  });

  it('flags a knock-out "no" even when the score is 100 %', () => {
    // A measured criterion is never scored, but its "no" still flags the visit.
    const list = checklist(section('s', 1, [criterion('OK', 2), criterion('KO', 1, 'number', true), criterion('KO2', 1, 'yes-no', true)]));
    const score = scoreChecklist(list, [yes('OK'), { criterionId: 'KO', state: 'no', value: 45 }, yes('KO2')]);
    expect(score.overall).toBe(100);
    expect(score.knockouts).toEqual(['KO']);
  });

  it('does not flag a "no" without knock-out, nor a knock-out answered otherwise', () => {
    const list = checklist(section('s', 1, [criterion('A', 1), criterion('B', 1, 'yes-no', true), criterion('C', 1, 'yes-no', true)]));
    expect(scoreChecklist(list, [no('A'), na('B'), unchecked('C')]).knockouts).toEqual([]);
  });

  it('maps a scale answer of 1 to 5 onto its weight, and ignores a value outside it', () => {
    const list = checklist(section('s', 1, [criterion('S', 2, 'scale')]));
    const scoreOf = (answer: ScoredAnswer) => scoreChecklist(list, [answer]).overall;
    expect([1, 2, 3, 4, 5].map((value) => scoreOf(valued('S', value)))).toEqual([0, 25, 50, 75, 100]);
    expect(scoreOf(valued('S', 7))).toBeNull();
    expect(scoreOf(yes('S'))).toBeNull();
    expect(scoreOf({ criterionId: 'S', state: 'na', value: 5 })).toBeNull();
    // Answered, even though there was nothing to score.
    expect(scoreChecklist(list, [yes('S')]).sections[0]?.answered).toBe(1);
  });

  it('never scores number criteria but counts them as answered', () => {
    const list = checklist(section('timing', 1, [criterion('T1', 3, 'number'), criterion('T2', 3, 'number')]));
    const score = scoreChecklist(list, [valued('T1', 2.4)]);
    expect(score.overall).toBeNull();
    expect(score.sections[0]).toEqual({ sectionId: 'timing', score: null, answered: 1, total: 2, left: 1 });
  });

  it('gives null scores when nothing is answered', () => {
    const list = checklist(section('a', 1, [criterion('A1', 1), criterion('A2', 2)]), section('b', 1, [criterion('B1', 1)]));
    expect(scoreChecklist(list, [])).toEqual({
      overall: null,
      sections: [
        { sectionId: 'a', score: null, answered: 0, total: 2, left: 2 },
        { sectionId: 'b', score: null, answered: 0, total: 1, left: 1 },
      ],
      knockouts: [],
      answered: 0,
      total: 3,
    });
  });

  it('rounds to one decimal only at the end', () => {
    // a: 2 / 3 = 66.666…; b: 1 / 2 = 50. Overall 58.33 → 58.3 (rounding a first would give 58.35 → 58.4).
    const list = checklist(
      section('a', 1, [criterion('A1', 1), criterion('A2', 1), criterion('A3', 1)]),
      section('b', 1, [criterion('B1', 1), criterion('B2', 1)]),
    );
    const score = scoreChecklist(list, [yes('A1'), yes('A2'), no('A3'), yes('B1'), no('B2')]);
    expect(score.sections.map((s) => s.score)).toEqual([66.7, 50]);
    expect(score.overall).toBe(58.3);
  });

  it('takes the last answer given to a criterion and ignores answers to unknown criteria', () => {
    const list = checklist(section('s', 1, [criterion('A', 1)]));
    const score = scoreChecklist(list, [no('A'), yes('ZZ'), yes('A')]);
    expect(score.overall).toBe(100);
    expect(score.answered).toBe(1);
  });
});

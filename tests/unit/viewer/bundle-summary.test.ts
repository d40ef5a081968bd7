import { describe, expect, it } from 'vitest';
import { reviewCriteria, summarize } from '../../../utils/report/bundle-summary';
import { missionSchema } from '../../../utils/mission/schema';
import { visit } from '../db/fixtures';
import { validMissionFile } from '../mission/fixtures';
import { answer, checklist, visitData } from './fixtures';

describe('summarize', () => {
  it('reads site, dates, score, outcome and evaluator of a finished visit', () => {
    const data = visitData({
      visit: visit({
        status: 'ended',
        endedAt: 9000,
        outcome: { kind: 'abandoned', stage: 'cart', declared: true, signalIds: [] },
        verdict: { text: 'Bien.', alias: '  Alex  ', at: 8000, final: true },
      }),
      checklist,
      answers: [answer('c1', { state: 'yes' }), answer('c2', { state: 'no' })],
    });
    expect(summarize(data)).toEqual({
      site: 'shop.example',
      startedAt: 1000,
      endedAt: 9000,
      score: 50,
      outcome: 'abandoned',
      stage: 'cart',
      evaluator: 'Alex',
      checklistTitle: { fr: 'Grille de test', en: 'Test checklist' },
    });
  });

  it('has no score without a checklist, an unknown outcome and no evaluator before the verdict', () => {
    const data = visitData({ visit: visit(), answers: [answer('c1')] });
    expect(summarize(data)).toEqual({ site: 'shop.example', startedAt: 1000, score: null, outcome: 'unknown', evaluator: '' });
  });

  it('has a null score when the checklist has no scored answer', () => {
    expect(summarize(visitData({ checklist, answers: [answer('c1', { state: 'na' })] })).score).toBeNull();
  });

  it('names the mission the visit followed, with its hash', () => {
    const mission = missionSchema.parse(validMissionFile());
    const data = visitData({ visit: visit({ mission, missionHash: 'f'.repeat(64) }) });
    expect(summarize(data).mission).toEqual({ id: 'agence-test-juillet', sha256: 'f'.repeat(64), agency: 'Agence Test', title: mission.title });
    expect(summarize(visitData()).mission).toBeUndefined();
  });

  it('says a converted visit converted at confirmation', () => {
    const data = visitData({ visit: visit({ outcome: { kind: 'converted', stage: 'confirmation', signalIds: [] } }) });
    expect(summarize(data)).toMatchObject({ outcome: 'converted', stage: 'confirmation' });
  });
});

describe('reviewCriteria', () => {
  it('lists the answered criteria in checklist order, the last answer winning', () => {
    const data = visitData({
      checklist,
      answers: [
        answer('c3', { state: 'yes', value: 4 }),
        answer('c1', { state: 'no', comment: 'Pas de prix.' }),
        answer('c1', { state: 'yes', comment: 'Finalement oui.' }),
        answer('gone', { state: 'no' }),
      ],
    });
    expect(reviewCriteria(data)).toEqual([
      { id: 'c1', question: checklist.sections[0]!.criteria[0]!.question, state: 'yes', comment: 'Finalement oui.' },
      { id: 'c3', question: checklist.sections[1]!.criteria[0]!.question, state: 'yes', value: 4, comment: '' },
    ]);
  });

  it('is empty without a checklist', () => {
    expect(reviewCriteria(visitData({ answers: [answer('c1')] }))).toEqual([]);
  });
});

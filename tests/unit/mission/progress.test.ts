import { describe, expect, it } from 'vitest';
import { deadlineState } from '../../../utils/mission/deadline';
import { currentStep, visitMissing, visitProgress } from '../../../utils/mission/progress';
import { missionSchema, type Mission } from '../../../utils/mission/schema';
import { page, T0, validMissionFile } from './fixtures';

/** The mission as the panel follows it: the step to do now, what is missing before Stop, the deadline. */

const file = validMissionFile();
const mission: Mission = missionSchema.parse({
  ...file,
  steps: [
    { ...file.steps[0]!, required: false },
    ...file.steps.slice(1),
    { ...file.steps[1]!, id: 'thanks', required: false, reached: [{ kind: 'pageType', pageType: 'confirmation' }, { kind: 'text', text: 'Merci' }] },
  ],
});
const visit = (over: { stepStatuses?: Record<string, { status: 'done' | 'failed' | 'blocked'; comment: string; at: number }> } = {}) => ({
  id: 'v',
  startedAt: T0,
  mission,
  ...over,
});

describe('currentStep', () => {
  const progress = (pages = [page('h', 'home', 0)]) => visitProgress(visit(), pages);

  it('is the first required step neither reached nor marked, before any optional one', () => {
    expect(currentStep(mission.steps, progress())?.id).toBe('product');
    expect(currentStep(mission.steps, visitProgress(visit(), []))?.id).toBe('product');
    expect(currentStep(mission.steps, progress(), { product: { status: 'done', comment: '', at: 1 } })?.id).toBe('basket');
  });

  it('is then the first optional step left, and none once every step is reached or marked', () => {
    const marks = { product: { status: 'done' as const, comment: '', at: 1 }, basket: { status: 'failed' as const, comment: 'Erreur', at: 2 } };
    expect(currentStep(mission.steps, visitProgress(visit(), []), marks)?.id).toBe('home');
    expect(currentStep(mission.steps, progress(), marks)?.id).toBe('thanks');
    expect(currentStep(mission.steps, progress(), { ...marks, thanks: { status: 'done', comment: '', at: 3 } })).toBeUndefined();
  });
});

describe('visitProgress', () => {
  it('leaves a visible-text condition unmet: the panel does not keep the pages’ text', () => {
    const steps = visitProgress(visit(), [page('ok', 'confirmation', 5)]).steps;
    expect(steps.find((s) => s.stepId === 'thanks')?.reached).toBe(false);
  });
});

describe('visitMissing', () => {
  it('lists the required steps and evidence the visit lacks, marks counting as reached', () => {
    const none = { pages: [page('h', 'home', 0)], answers: [], screenshots: [], notes: [] };
    expect(visitMissing(visit(), none).map((item) => item.id)).toEqual(['step/product', 'step/basket', 'evidence/basket-shot', 'evidence/delivery-note']);
    const marked = visit({ stepStatuses: { product: { status: 'blocked', comment: 'Rupture', at: 1 }, basket: { status: 'done', comment: '', at: 2 } } });
    expect(visitMissing(marked, none).map((item) => item.id)).toEqual(['evidence/basket-shot', 'evidence/delivery-note']);
  });

  it('is empty for a visit made before missions', () => {
    expect(visitMissing({ id: 'v', startedAt: T0 }, { pages: [], answers: [], screenshots: [], notes: [] })).toEqual([]);
  });
});

describe('deadlineState', () => {
  const deadline = '2025-07-14T18:00:00+02:00';
  const at = Date.parse('2025-07-14T16:00:00Z');

  it.each([
    [at - 2 * 3600_000, 'ok', 120],
    [at - 3600_000, 'ok', 60],
    [at - 3600_000 + 1, 'soon', 60],
    [at - 61_000, 'soon', 2],
    [at - 1, 'soon', 1],
    [at, 'past', 0],
    [at + 5 * 60_000, 'past', 0],
  ] as const)('at %i: %s, %i minutes left', (now, state, minutesLeft) => {
    expect(deadlineState(deadline, now)).toEqual({ state, at, minutesLeft });
  });
});

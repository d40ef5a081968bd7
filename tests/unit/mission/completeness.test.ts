import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../utils/checklist/schema';
import { missingItems, type CompletenessInput } from '../../../utils/mission/completeness';
import { missionSchema, type Mission } from '../../../utils/mission/schema';
import { stepMarkSchema, stepStatusesOf, stepStatusSchema } from '../../../utils/mission/step-status';
import { detectSteps } from '../../../utils/mission/steps';
import type { Page } from '../../../utils/schema/page';
import { page, validMissionFile } from './fixtures';

/** The fixture's mission (steps home, product, basket; a basket screenshot, a checkout note) and an answer required. */
function mission(): Mission {
  const file = validMissionFile();
  return missionSchema.parse({
    ...file,
    steps: file.steps.map((step) => (step.id === 'basket' ? { ...step, required: false } : step)),
    requiredEvidence: [...file.requiredEvidence, { id: 'price', kind: 'answer', criterionId: 'D01', label: { fr: 'Prix affiché', en: 'Price shown' } }],
  });
}

const answer = (criterionId: string, state: Answer['state'], pageId: string, checklistId = 'mystere-quick') => ({ checklistId, criterionId, state, pageId });

function check(m: Mission, pages: Page[], more: Partial<Omit<CompletenessInput, 'mission' | 'pages' | 'progress'>> = {}) {
  return missingItems({ mission: m, pages, progress: detectSteps(m.steps, pages), statuses: [], answers: [], screenshots: [], notes: [], ...more });
}

describe('missingItems', () => {
  it('lists the required steps not reached and all the evidence, with stable ids and labels in both languages', () => {
    const m = mission();
    expect(check(m, [])).toEqual([
      { id: 'step/home', kind: 'step', refId: 'home', label: { fr: 'Étape ni atteinte ni marquée\u00a0: Accueil', en: 'Step neither reached nor marked: Home' } },
      { id: 'step/product', kind: 'step', refId: 'product', label: { fr: 'Étape ni atteinte ni marquée\u00a0: Produit', en: 'Step neither reached nor marked: Product' } },
      { id: 'evidence/basket-shot', kind: 'screenshot', refId: 'basket-shot', label: { fr: 'Capture d’écran manquante\u00a0: Capture du panier', en: 'Missing screenshot: Screenshot of the basket' } },
      { id: 'evidence/delivery-note', kind: 'note', refId: 'delivery-note', label: { fr: 'Note manquante\u00a0: Note sur la livraison', en: 'Missing note: Note on delivery' } },
      { id: 'evidence/price', kind: 'answer', refId: 'price', label: { fr: 'Réponse manquante\u00a0: Prix affiché', en: 'Missing answer: Price shown' } },
    ]);
  });

  it('counts a step reached, or marked by the evaluator whatever the mark', () => {
    const m = mission();
    const ids = check(m, [page('h', 'home', 0)], { statuses: [{ stepId: 'product', status: 'blocked' }] }).map((item) => item.id);
    expect(ids).not.toContain('step/home');
    expect(ids).not.toContain('step/product');
  });

  it('takes a step’s evidence on the page where the evaluator marked it, when no page met its conditions', () => {
    const m = mission();
    // The basket at an address the pattern does not know: the evaluator marks the step there and takes the screenshot.
    const pages = [page('h', 'home', 0), page('b', 'cart', 10, { path: '/basket' })];
    const ids = (pageId?: string) =>
      check(m, pages, { statuses: [{ stepId: 'basket', status: 'done', ...(pageId ? { pageId } : {}) }], screenshots: [{ pageId: 'b' }] }).map((item) => item.id);
    expect(ids('b')).not.toContain('evidence/basket-shot');
    expect(ids()).toContain('evidence/basket-shot');
    expect(ids('h')).toContain('evidence/basket-shot');
  });

  it('wants a step’s screenshot on a page that reached the step, a revisit included', () => {
    const m = mission();
    const pages = [page('h', 'home', 0), page('c1', 'cart', 10, { path: '/panier' }), page('p', 'product', 20), page('c2', 'cart', 30, { path: '/panier?x=1' })];
    const ids = (shots: string[]) => check(m, pages, { screenshots: shots.map((pageId) => ({ pageId })) }).map((item) => item.id);
    expect(ids(['h', 'p'])).toContain('evidence/basket-shot');
    expect(ids(['c2'])).not.toContain('evidence/basket-shot');
    expect(ids(['c1'])).not.toContain('evidence/basket-shot');
  });

  it('wants a stage’s note on a page of that stage, a sign-in during checkout included', () => {
    const m = mission();
    const pages = [page('c', 'cart', 0), page('ship', 'checkout', 10), page('login', 'account', 20)];
    const ids = (notes: string[]) => check(m, pages, { notes: notes.map((pageId) => ({ pageId })) }).map((item) => item.id);
    expect(ids(['c'])).toContain('evidence/delivery-note');
    expect(ids(['login'])).not.toContain('evidence/delivery-note');
  });

  it('wants an answer under the mission’s checklist, "not applicable" counting and "not checked" not', () => {
    const m = mission();
    const pages = [page('p', 'product', 0)];
    const ids = (answers: ReturnType<typeof answer>[]) => check(m, pages, { answers }).map((item) => item.id);
    expect(ids([answer('D01', 'unchecked', 'p')])).toContain('evidence/price');
    expect(ids([answer('D01', 'yes', 'p', 'mystere-ecommerce')])).toContain('evidence/price');
    expect(ids([answer('D02', 'yes', 'p')])).toContain('evidence/price');
    expect(ids([answer('D01', 'na', 'p')])).not.toContain('evidence/price');
    expect(ids([answer('D01', 'no', 'p')])).not.toContain('evidence/price');
  });

  it('is empty once everything is there', () => {
    const m = mission();
    const pages = [page('h', 'home', 0), page('p', 'product', 10), page('c', 'cart', 20, { path: '/panier' }), page('ship', 'checkout', 30)];
    expect(
      check(m, pages, { screenshots: [{ pageId: 'c' }], notes: [{ pageId: 'ship' }], answers: [answer('D01', 'yes', 'p')] }),
    ).toEqual([]);
  });

  it('wants evidence by page type, or anywhere when it names no place', () => {
    const m = missionSchema.parse({
      ...validMissionFile(),
      steps: [],
      requiredEvidence: [
        { id: 'confirm', kind: 'screenshot', pageType: 'confirmation', label: { fr: 'Confirmation', en: 'Confirmation' } },
        { id: 'any', kind: 'note', label: { fr: 'Avis', en: 'Opinion' } },
      ],
    });
    const pages = [page('p', 'product', 0), page('ok', 'confirmation', 10)];
    expect(check(m, pages, { screenshots: [{ pageId: 'p' }] }).map((item) => item.id)).toEqual(['evidence/confirm', 'evidence/any']);
    expect(check(m, pages, { screenshots: [{ pageId: 'ok' }], notes: [{ pageId: 'p' }] })).toEqual([]);
  });
});

describe('stepStatusSchema', () => {
  const status = { id: 'v/home', visitId: 'v', missionId: 'm', stepId: 'home', status: 'done', comment: '', at: 1 };
  it('takes a step done without a comment, but not a step failed or blocked', () => {
    expect(stepStatusSchema.safeParse(status).success).toBe(true);
    expect(stepStatusSchema.safeParse({ ...status, status: 'failed', comment: '  ' }).success).toBe(false);
    expect(stepStatusSchema.safeParse({ ...status, status: 'blocked', comment: 'Produit en rupture' }).success).toBe(true);
    expect(stepStatusSchema.safeParse({ ...status, status: 'skipped' }).success).toBe(false);
  });
});

describe('stepMarkSchema and stepStatusesOf', () => {
  it('takes a mark done without a comment, not failed or blocked without one', () => {
    expect(stepMarkSchema.safeParse({ status: 'done', comment: '', at: 1 }).success).toBe(true);
    expect(stepMarkSchema.safeParse({ status: 'blocked', comment: ' ', at: 1 }).success).toBe(false);
    expect(stepMarkSchema.safeParse({ status: 'failed', comment: 'Bouton inactif', at: 1 }).success).toBe(true);
  });

  it('lists a visit’s marks in the mission’s order of steps, each named by visit, mission and step', () => {
    const visit = {
      id: 'v',
      mission: { id: 'm', steps: [{ id: 'home' }, { id: 'cart' }] },
      stepStatuses: {
        cart: { status: 'blocked' as const, comment: 'Rupture', at: 3 },
        home: { status: 'done' as const, comment: '', at: 2 },
      },
    };
    const listed = stepStatusesOf(visit);
    expect(listed).toEqual([
      { id: 'v/home', visitId: 'v', missionId: 'm', stepId: 'home', status: 'done', comment: '', at: 2 },
      { id: 'v/cart', visitId: 'v', missionId: 'm', stepId: 'cart', status: 'blocked', comment: 'Rupture', at: 3 },
    ]);
    expect(listed.every((status) => stepStatusSchema.safeParse(status).success)).toBe(true);
    expect(stepStatusesOf({ id: 'v' })).toEqual([]);
  });
});

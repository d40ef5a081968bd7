import { describe, expect, it } from 'vitest';
import type { Condition, Step } from '../../../utils/mission/schema';
import { detectSteps, foldText } from '../../../utils/mission/steps';
import { T0, page } from './fixtures';

type StepIn = Pick<Step, 'id' | 'reached' | 'required' | 'targetSeconds'>;

const step = (id: string, reached: Condition[], more: Partial<StepIn> = {}): StepIn => ({ id, reached, required: true, ...more });
const type = (pageType: Extract<Condition, { kind: 'pageType' }>['pageType']): Condition => ({ kind: 'pageType', pageType });

/** Each step's [reached page, in order], or undefined when not reached. */
function summary(progress: ReturnType<typeof detectSteps>) {
  return progress.steps.map((s) => (s.reached ? [s.pageId, s.inOrder] : undefined));
}

describe('detectSteps: conditions', () => {
  it('reaches a step by page type, the evaluator’s correction winning', () => {
    const pages = [page('h', 'home', 0), page('x', 'other', 5, { typeOverride: 'listing' }), page('p', 'product', 10)];
    const progress = detectSteps([step('home', [type('home')]), step('list', [type('listing')]), step('product', [type('product')])], pages);
    expect(summary(progress)).toEqual([['h', true], ['x', true], ['p', true]]);
    expect(progress.orderFollowed).toBe(true);
  });

  it('reaches a step by funnel stage, a sign-in page during checkout counting as the checkout', () => {
    const pages = [page('h', 'home', 0), page('c', 'cart', 10), page('login', 'account', 20)];
    const progress = detectSteps([step('checkout', [{ kind: 'stage', stage: 'checkout' }])], pages);
    expect(progress.steps[0]?.reached).toBe(false);
    const later = detectSteps([step('checkout', [{ kind: 'stage', stage: 'checkout' }])], [...pages, page('ship', 'checkout', 30), page('login2', 'account', 40)]);
    expect(later.steps[0]?.pageIds).toEqual(['ship', 'login2']);
  });

  it('reaches a step by URL pattern', () => {
    const pages = [page('h', 'home', 0, { path: '/' }), page('c', 'other', 10, { path: '/mon-panier?from=header' })];
    const progress = detectSteps([step('basket', [{ kind: 'url', pattern: '/mon-panier*' }])], pages);
    expect(summary(progress)).toEqual([['c', true]]);
  });

  it('reaches a step by visible text, ignoring case, accents, quotes and spacing; not without the text', () => {
    const steps = [step('delivery', [{ kind: 'text', text: "Mode d'expedition" }])];
    const pages = [page('h', 'home', 0), page('ship', 'checkout', 10)];
    const texts = new Map([
      ['h', 'Bienvenue'],
      ['ship', 'Étape 2 — MODE D’EXPÉDITION\u00a0:\n  Colissimo'],
    ]);
    expect(summary(detectSteps(steps, pages, { texts }))).toEqual([['ship', true]]);
    expect(detectSteps(steps, pages).steps[0]?.reached).toBe(false);
    expect(foldText('  Récapitulatif\u202fde  COMMANDE ')).toBe('recapitulatif de commande');
  });

  it('needs every condition of a step on the same page', () => {
    const steps = [step('delivery', [type('checkout'), { kind: 'text', text: 'livraison' }])];
    const pages = [page('p', 'product', 0), page('ship', 'checkout', 10), page('pay', 'checkout', 20)];
    const texts = new Map([
      ['p', 'Livraison offerte dès 50 €'],
      ['pay', 'Choisissez votre livraison'],
    ]);
    expect(summary(detectSteps(steps, pages, { texts }))).toEqual([['pay', true]]);
  });
});

describe('detectSteps: order and time', () => {
  const funnel = [step('home', [type('home')]), step('list', [type('listing')]), step('product', [type('product')], { targetSeconds: 20 }), step('cart', [type('cart')])];

  it('times each step from the one before it, and flags a step over its target', () => {
    const pages = [page('h', 'home', 0), page('l', 'listing', 10), page('p', 'product', 40), page('c', 'cart', 45)];
    const progress = detectSteps(funnel, pages, { startedAt: T0 - 3000 });
    expect(progress.steps.map((s) => s.seconds)).toEqual([3, 10, 30, 5]);
    expect(progress.steps.map((s) => s.overTarget)).toEqual([undefined, undefined, true, undefined]);
    expect(progress.steps[3]?.at).toBe(T0 + 45_000);
  });

  it('sees the order not followed when a step is met only before the one meant to precede it', () => {
    const pages = [page('h', 'home', 0), page('c', 'cart', 10), page('l', 'listing', 20), page('p', 'product', 30)];
    const progress = detectSteps(funnel, pages);
    expect(summary(progress)).toEqual([['h', true], ['l', true], ['p', true], ['c', false]]);
    expect(progress.steps[3]?.seconds).toBeUndefined();
    expect(progress.orderFollowed).toBe(false);
  });

  it('follows a route revisited: the order is followed on the second pass, and every visit is listed', () => {
    const pages = [
      page('h', 'home', 0),
      page('p1', 'product', 10),
      page('c1', 'cart', 20),
      page('l', 'listing', 30),
      page('p2', 'product', 40),
      page('c2', 'cart', 50),
    ];
    const progress = detectSteps(funnel, pages);
    expect(summary(progress)).toEqual([['h', true], ['l', true], ['p2', true], ['c2', true]]);
    expect(progress.steps[2]?.pageIds).toEqual(['p1', 'p2']);
    expect(progress.steps[3]?.seconds).toBe(10);
    expect(progress.orderFollowed).toBe(true);
  });

  it('lets one page meet consecutive steps', () => {
    const steps = [step('basket', [type('cart')]), step('total', [{ kind: 'text', text: 'Total TTC' }])];
    const progress = detectSteps(steps, [page('c', 'cart', 0)], { texts: new Map([['c', 'Total TTC : 59 €']]) });
    expect(summary(progress)).toEqual([['c', true], ['c', true]]);
    expect(progress.steps[1]?.seconds).toBe(0);
  });

  it('keeps the required steps in order when an optional one was only met late', () => {
    const steps = [step('home', [type('home')]), step('sizes', [{ kind: 'text', text: 'Guide des tailles' }], { required: false }), step('cart', [type('cart')])];
    const pages = [page('h', 'home', 0), page('c', 'cart', 10), page('g', 'other', 20)];
    const progress = detectSteps(steps, pages, { texts: new Map([['g', 'Guide des tailles']]) });
    expect(summary(progress)).toEqual([['h', true], ['g', false], ['c', true]]);
    expect(progress.orderFollowed).toBe(false);
  });

  it('reads the pages in visit order whatever order they come in, and reaches nothing without pages', () => {
    const pages = [page('c', 'cart', 30), page('h', 'home', 0), page('p', 'product', 20), page('l', 'listing', 10)];
    expect(detectSteps(funnel, pages).orderFollowed).toBe(true);
    const none = detectSteps(funnel, []);
    expect(none.steps.every((s) => !s.reached && !s.inOrder && s.pageIds.length === 0)).toBe(true);
    expect(none.orderFollowed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { computeOutcome, isNewStage, stageOfType, stagesOfPages, summariseStages } from '../../../utils/journey/funnel';
import { outcomeSchema, type Abandonment, type AbandonReason, type FunnelStage, type Signal } from '../../../utils/schema/evidence';
import type { Page } from '../../../utils/schema/page';
import type { PageType } from '../../../utils/schema/page-type';

const T0 = 1_700_000_000_000;

/** A stored page of the visit, `start` seconds after T0, open unless `end` is given. */
function page(id: string, autoType: PageType, start: number, more: { end?: number; typeOverride?: PageType } = {}): Page {
  return {
    id,
    visitId: 'v',
    tabId: 1,
    url: `https://shop.example/${id}`,
    title: id,
    startedAt: T0 + start * 1000,
    ...(more.end !== undefined ? { endedAt: T0 + more.end * 1000 } : {}),
    navType: 'navigate',
    vitals: {},
    autoType,
    autoTypeReasons: [],
    ...(more.typeOverride ? { typeOverride: more.typeOverride } : {}),
  };
}

function signal(id: string, pageId: string, atSeconds: number): Signal {
  return { id, visitId: 'v', pageId, type: 'dead-click', at: T0 + atSeconds * 1000, offset: 0, facts: {} };
}

function abandonment(id: string, pageId: string, atSeconds: number, stage: FunnelStage, reason: AbandonReason): Abandonment {
  return { id, visitId: 'v', pageId, at: T0 + atSeconds * 1000, offset: 0, stage, reason, comment: '' };
}

describe('stageOfType', () => {
  it.each<[PageType, FunnelStage | undefined, FunnelStage]>([
    ['home', undefined, 'landing'],
    ['home', 'cart', 'landing'],
    ['listing', 'landing', 'browse'],
    ['search', undefined, 'browse'],
    ['product', 'browse', 'product'],
    ['cart', 'product', 'cart'],
    ['checkout', 'cart', 'checkout'],
    ['payment', 'checkout', 'payment'],
    ['confirmation', 'payment', 'confirmation'],
    ['account', 'checkout', 'checkout'],
    ['contact', 'product', 'product'],
    ['other', 'browse', 'browse'],
    ['account', undefined, 'landing'],
    ['other', undefined, 'landing'],
  ])('%s after %s is %s', (type, previous, expected) => {
    expect(stageOfType(type, previous)).toBe(expected);
  });
});

describe('stagesOfPages', () => {
  it.each<{ name: string; pages: Page[]; expected: [string, FunnelStage][] }>([
    {
      name: 'a sign-in forced between cart and checkout stays in the cart',
      pages: [page('home', 'home', 0), page('cart', 'cart', 10), page('login', 'account', 20), page('ship', 'checkout', 30)],
      expected: [
        ['home', 'landing'],
        ['cart', 'cart'],
        ['login', 'cart'],
        ['ship', 'checkout'],
      ],
    },
    {
      name: 'an account page reached from the checkout belongs to the checkout',
      pages: [page('ship', 'checkout', 0), page('login', 'account', 5)],
      expected: [
        ['ship', 'checkout'],
        ['login', 'checkout'],
      ],
    },
    {
      name: "the evaluator's correction wins over the classifier, and carries to the next page",
      pages: [page('p', 'other', 0, { typeOverride: 'product' }), page('help', 'contact', 5)],
      expected: [
        ['p', 'product'],
        ['help', 'product'],
      ],
    },
    {
      name: 'pages stored out of order are read in visit order',
      pages: [page('help', 'other', 20), page('list', 'listing', 10), page('start', 'other', 0)],
      expected: [
        ['start', 'landing'],
        ['list', 'browse'],
        ['help', 'browse'],
      ],
    },
  ])('$name', ({ pages, expected }) => {
    expect([...stagesOfPages(pages)]).toEqual(expected);
  });
});

describe('isNewStage', () => {
  it('counts the landing of the first page, then each stage once', () => {
    expect(isNewStage([], 'landing')).toBe(true);
    expect(isNewStage(['landing'], 'browse')).toBe(true);
    expect(isNewStage(['landing', 'browse'], 'landing')).toBe(false);
    expect(isNewStage(['landing', 'browse', 'cart'], 'cart')).toBe(false);
  });
});

describe('summariseStages', () => {
  it('adds time, pages and signals per stage, in funnel order, for the stages reached', () => {
    const pages = [
      page('cart', 'cart', 40, { end: 50 }),
      page('home', 'home', 0, { end: 10 }),
      page('list', 'listing', 10, { end: 25 }),
      page('login', 'account', 50),
      page('search', 'search', 25, { end: 40 }),
    ];
    const signals = [signal('s2', 'login', 55), signal('s1', 'list', 12), signal('s3', 'search', 30), signal('lost', 'unknown', 31)];
    expect(summariseStages(pages, signals, T0 + 65_000)).toEqual([
      { stage: 'landing', timeMs: 10_000, pageIds: ['home'], signalIds: [] },
      { stage: 'browse', timeMs: 30_000, pageIds: ['list', 'search'], signalIds: ['s1', 's3'] },
      // The open login page counts until now, in the cart it was forced from.
      { stage: 'cart', timeMs: 25_000, pageIds: ['cart', 'login'], signalIds: ['s2'] },
    ]);
  });

  it('has nothing to say about a visit without pages', () => {
    expect(summariseStages([], [], T0)).toEqual([]);
  });
});

describe('computeOutcome', () => {
  const journey = [page('home', 'home', 0, { end: 10 }), page('p', 'product', 10, { end: 20 }), page('cart', 'cart', 20, { end: 30 }), page('pay', 'payment', 30)];

  it.each<{ name: string; pages: Page[]; signals: Signal[]; abandonments: Abandonment[]; expected: unknown }>([
    {
      name: 'converted when a page reached the confirmation, with all signals in time order',
      pages: [...journey, page('thanks', 'other', 40, { typeOverride: 'confirmation' })],
      signals: [signal('b', 'pay', 35), signal('a', 'cart', 25)],
      abandonments: [abandonment('x', 'cart', 26, 'cart', 'extra-costs')],
      expected: { kind: 'converted', stage: 'confirmation', signalIds: ['a', 'b'] },
    },
    {
      name: 'abandoned where the evaluator last declared it, with the signals up to that point',
      pages: journey,
      signals: [signal('late', 'pay', 35), signal('early', 'p', 12), signal('same', 'cart', 26)],
      abandonments: [abandonment('last', 'cart', 26, 'cart', 'extra-costs'), abandonment('first', 'p', 15, 'product', 'delivery')],
      expected: {
        kind: 'abandoned',
        stage: 'cart',
        declared: true,
        reason: 'extra-costs',
        abandonmentId: 'last',
        pageId: 'cart',
        signalIds: ['early', 'same'],
      },
    },
    {
      name: 'abandoned at the stage of the last page when nothing was declared',
      pages: journey,
      signals: [signal('late', 'pay', 35), signal('early', 'p', 12)],
      abandonments: [],
      expected: { kind: 'abandoned', stage: 'payment', declared: false, pageId: 'pay', signalIds: ['early', 'late'] },
    },
    {
      name: 'abandoned at landing when the visit has no page',
      pages: [],
      signals: [],
      abandonments: [],
      expected: { kind: 'abandoned', stage: 'landing', declared: false, signalIds: [] },
    },
  ])('$name', ({ pages, signals, abandonments, expected }) => {
    const outcome = computeOutcome(pages, signals, abandonments);
    expect(outcome).toEqual(expected);
    expect(outcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('keeps the 20 most recent signals, most recent last', () => {
    const signals = Array.from({ length: 30 }, (_, i) => signal(`s${i}`, 'pay', 30 + i)).reverse();
    const outcome = computeOutcome(journey, signals, []);
    expect(outcome.signalIds).toEqual(Array.from({ length: 20 }, (_, i) => `s${i + 10}`));
  });

  it('keeps the 20 most recent signals before a declared abandonment', () => {
    const signals = Array.from({ length: 30 }, (_, i) => signal(`s${i}`, 'cart', 100 + i));
    const outcome = computeOutcome(journey, signals, [abandonment('a', 'cart', 124, 'cart', 'bug')]);
    expect(outcome.signalIds).toEqual(Array.from({ length: 20 }, (_, i) => `s${i + 5}`));
  });
});

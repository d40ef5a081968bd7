import { describe, expect, it } from 'vitest';
import {
  detectSignals,
  LAYOUT_SHIFT_MIN,
  LONG_WAIT_MS,
  RAGE_RADIUS_PX,
  RAGE_WINDOW_MS,
  resolveWaitAfterLoad,
} from '../../../utils/friction/detectors';
import {
  frictionFactSchema,
  type ClickFact,
  type ErrorFact,
  type RequestFact,
  type ShiftFact,
  type WaitFact,
} from '../../../utils/friction/facts';
import { signalFactsSchema } from '../../../utils/schema/evidence';

const T = 1_700_000_000_000;

function click(over: Partial<ClickFact> = {}): ClickFact {
  return {
    kind: 'click',
    t: T,
    x: 100,
    y: 200,
    selector: 'button.add',
    label: 'Ajouter au panier',
    actionable: true,
    cue: 'button',
    previous: [],
    after: { navigated: false, mutated: true, requested: false },
    ...over,
  };
}

/** A click at `t` ms after T, `dx` px right of (100, 200). */
const at = (t: number, dx = 0) => ({ t: T + t, x: 100 + dx, y: 200 });
const types = (fact: Parameters<typeof detectSignals>[0]) => detectSignals(fact).map((d) => d.type);

describe('rage click', () => {
  it('does not fire on a triple click in a text field (it selects the line)', () => {
    const triple = click({ selector: '#email', label: '', actionable: false, editable: true, previous: [at(-200, 0), at(-100, 0)] });
    expect(detectSignals(triple).filter((d) => d.type === 'rage-click')).toEqual([]);
    // The same burst on a button is one.
    expect(detectSignals({ ...triple, editable: undefined }).filter((d) => d.type === 'rage-click')).toHaveLength(1);
  });

  it('fires on the third click within a second, with its facts', () => {
    const drafts = detectSignals(click({ previous: [at(-700, 10), at(-300, -20)] }));
    expect(drafts).toEqual([
      {
        type: 'rage-click',
        at: T,
        selector: 'button.add',
        facts: { clicks: 3, spanMs: 700, radiusPx: 20, label: 'Ajouter au panier' },
      },
    ]);
  });

  it.each([
    ['two clicks', [at(-300)], false],
    ['three clicks, the first 1000 ms before', [at(-RAGE_WINDOW_MS), at(-500)], true],
    ['three clicks, the first 1001 ms before', [at(-RAGE_WINDOW_MS - 1), at(-500)], false],
    ['a click 29 px away', [at(-600, 29), at(-300)], true],
    ['a click 30 px away', [at(-600, RAGE_RADIUS_PX), at(-300)], true],
    ['a click 31 px away', [at(-600, 31), at(-300)], false],
    ['a click 31 px away diagonally (22 px, 22 px)', [{ t: T - 600, x: 122, y: 222 }, at(-300)], false],
    ['close clicks after a far one', [at(-900, 200), at(-600), at(-300)], true],
  ])('%s: %s', (_, previous, fires) => {
    expect(types(click({ previous })).includes('rage-click')).toBe(fires);
  });

  it('measures the radius from this click, not between earlier clicks', () => {
    // Both earlier clicks are 25 px from this one and 50 px from each other.
    const [draft] = detectSignals(click({ previous: [at(-600, -25), at(-300, 25)] }));
    expect(draft?.facts).toMatchObject({ clicks: 3, radiusPx: 25 });
  });

  it('fires once per burst: on the third click, not on the fourth or fifth', () => {
    const clicks = [0, 150, 300, 450, 600].map((t) => at(t));
    const fired = clicks.map((c, i) => types(click({ ...c, previous: clicks.slice(0, i) })).includes('rage-click'));
    expect(fired).toEqual([false, false, true, false, false]);
  });

  it('fires again for a new burst after a pause', () => {
    const clicks = [0, 200, 400, 1800, 2000, 2200].map((t) => at(t));
    const fired = clicks.map((c, i) => {
      const previous = clicks.slice(0, i).filter((p) => c.t - p.t <= 2000);
      return types(click({ ...c, previous })).includes('rage-click');
    });
    expect(fired).toEqual([false, false, true, false, false, true]);
  });

  it('fires again when the burst moves elsewhere on the page', () => {
    // The fourth click starts nothing (it is alone here); the sixth completes a burst of three.
    const clicks = [at(0), at(100), at(200), at(300, 300), at(400, 300), at(500, 300)];
    const fired = clicks.map((c, i) => types(click({ ...c, previous: clicks.slice(0, i) })).includes('rage-click'));
    expect(fired).toEqual([false, false, true, false, false, true]);
  });

  it('reads earlier clicks in time order whatever their order in the fact', () => {
    // The fourth click of a burst, its previous clicks out of order: still no second signal.
    expect(types(click({ previous: [at(-300), at(-900), at(-600)] }))).not.toContain('rage-click');
  });
});

describe('dead click', () => {
  const nothing = { navigated: false, mutated: false, requested: false };

  it('fires when an actionable target was followed by nothing', () => {
    expect(detectSignals(click({ after: nothing }))).toEqual([
      { type: 'dead-click', at: T, selector: 'button.add', facts: { label: 'Ajouter au panier', cue: 'button' } },
    ]);
  });

  it('leaves the cue out when there is none', () => {
    expect(detectSignals(click({ after: nothing, cue: undefined }))[0]?.facts).toStrictEqual({ label: 'Ajouter au panier' });
  });

  it.each([
    ['a navigation', { ...nothing, navigated: true }],
    ['a DOM change', { ...nothing, mutated: true }],
    ['a request', { ...nothing, requested: true }],
  ])('does not fire after %s', (_, after) => {
    expect(detectSignals(click({ after }))).toEqual([]);
  });

  it('does not fire for a click the page answered with a scroll', () => {
    expect(detectSignals(click({ after: { ...nothing, scrolled: true } }))).toEqual([]);
  });

  it('does not fire for a target that does not look actionable', () => {
    expect(detectSignals(click({ after: nothing, actionable: false, cue: undefined }))).toEqual([]);
  });

  it('fires with a rage click for the same click', () => {
    expect(types(click({ after: nothing, previous: [at(-400), at(-200)] }))).toEqual(['rage-click', 'dead-click']);
  });
});

describe('js error', () => {
  const error: ErrorFact = { kind: 'error', t: T, error: 'error', message: 'x is undefined', source: 'https://shop.example/app.js', line: 12, column: 4 };

  it('turns every error into a signal', () => {
    expect(detectSignals(error)).toEqual([
      { type: 'js-error', at: T, facts: { error: 'error', message: 'x is undefined', source: 'https://shop.example/app.js', line: 12 } },
    ]);
  });

  it('turns a rejection without a source into a signal with no source', () => {
    const rejection: ErrorFact = { kind: 'error', t: T, error: 'rejection', message: 'Error: timeout' };
    expect(detectSignals(rejection)[0]?.facts).toStrictEqual({ error: 'rejection', message: 'Error: timeout' });
  });
});

describe('failed request', () => {
  const request = (status: number, over: Partial<RequestFact> = {}): RequestFact => ({
    kind: 'request',
    t: T,
    url: 'https://shop.example/api/cart',
    method: 'POST',
    status,
    resource: 'fetch',
    ...over,
  });

  it.each([
    [200, false],
    [304, false],
    [399, false],
    [400, true],
    [404, true],
    [500, true],
    [0, true],
  ])('status %i: %s', (status, fires) => {
    expect(types(request(status))).toEqual(fires ? ['failed-request'] : []);
  });

  it('keeps the facts of a network error', () => {
    expect(detectSignals(request(0, { error: 'net::ERR_CONNECTION_REFUSED' }))).toEqual([
      {
        type: 'failed-request',
        at: T,
        facts: { url: 'https://shop.example/api/cart', method: 'POST', status: 0, resource: 'fetch', error: 'net::ERR_CONNECTION_REFUSED' },
      },
    ]);
  });

  it('cuts a long URL to what a stored signal holds', () => {
    const url = `https://shop.example/${'a'.repeat(1900)}`;
    const [draft] = detectSignals(request(500, { url }));
    expect(draft?.facts.url).toBe(url.slice(0, 500));
    expect(signalFactsSchema.safeParse(draft?.facts).success).toBe(true);
  });
});

describe('form error', () => {
  it('turns every form error into a signal on its element', () => {
    const fact = { kind: 'form-error', t: T, selector: '#email-error', text: 'Adresse invalide', via: 'alert' } as const;
    expect(detectSignals(fact)).toEqual([
      { type: 'form-error', at: T, selector: '#email-error', facts: { text: 'Adresse invalide', via: 'alert' } },
    ]);
  });
});

describe('long wait', () => {
  const wait = (waited: number, over: Partial<WaitFact> = {}): WaitFact => ({
    kind: 'wait',
    t: T,
    action: 'submit',
    selector: 'form#checkout',
    waited,
    resolved: true,
    ...over,
  });

  it.each([
    [2999, false],
    [LONG_WAIT_MS, false],
    [3000.4, true],
    [3001, true],
    [10_000, true],
  ])('waited %d ms: %s', (waited, fires) => {
    expect(types(wait(waited))).toEqual(fires ? ['long-wait'] : []);
  });

  it('fires for a wait that never resolved, with its facts', () => {
    expect(detectSignals(wait(10_000, { resolved: false }))).toEqual([
      { type: 'long-wait', at: T, selector: 'form#checkout', facts: { action: 'submit', waitedMs: 10_000, resolved: false } },
    ]);
  });

  it('rounds the wait and leaves out a missing selector', () => {
    const [draft] = detectSignals(wait(4321.6, { action: 'key', selector: undefined }));
    expect(draft).toStrictEqual({ type: 'long-wait', at: T, facts: { action: 'key', waitedMs: 4322, resolved: true } });
  });
});

describe('layout shift', () => {
  const shift = (value: number, sources = ['main > div.banner', 'main > ul.products']): ShiftFact => ({ kind: 'shift', t: T, value, sources });

  it.each([
    [0.05, false],
    [LAYOUT_SHIFT_MIN, false],
    [0.1001, true],
    [0.4, true],
  ])('value %d: %s', (value, fires) => {
    expect(types(shift(value))).toEqual(fires ? ['layout-shift'] : []);
  });

  it('rounds the value and names the largest source', () => {
    expect(detectSignals(shift(0.123456))).toEqual([
      { type: 'layout-shift', at: T, selector: 'main > div.banner', facts: { value: 0.123, sources: 'main > div.banner, main > ul.products' } },
    ]);
  });

  it('has no selector when no source is known', () => {
    expect(detectSignals(shift(0.3, []))).toStrictEqual([{ type: 'layout-shift', at: T, facts: { value: 0.3, sources: '' } }]);
  });

  it('keeps five long sources within what a stored signal holds', () => {
    const [draft] = detectSignals(shift(0.5, Array.from({ length: 5 }, (_, i) => `${'div.x'.repeat(60)}${i}`)));
    expect(signalFactsSchema.safeParse(draft?.facts).success).toBe(true);
  });
});

describe('every draft', () => {
  it('has facts a stored signal accepts, for valid facts of every kind', () => {
    const facts = [
      click({ after: { navigated: false, mutated: false, requested: false }, previous: [at(-200), at(-100)] }),
      { kind: 'error', t: T, error: 'rejection', message: 'm'.repeat(300), source: 's'.repeat(500), line: 1 },
      { kind: 'request', t: T, url: 'u'.repeat(2000), method: 'GET', status: 0, error: 'e'.repeat(200), resource: 'xhr' },
      { kind: 'form-error', t: T, selector: 's'.repeat(500), text: 't'.repeat(200), via: 'error-class' },
      { kind: 'wait', t: T, action: 'click', selector: 's'.repeat(500), waited: 9000, resolved: false, leaving: true },
      { kind: 'shift', t: T, value: 2, sources: Array.from({ length: 5 }, () => 's'.repeat(500)) },
    ].map((f) => frictionFactSchema.parse(f));
    const drafts = facts.flatMap(detectSignals);
    expect(drafts.map((d) => d.type)).toEqual(['rage-click', 'dead-click', 'js-error', 'failed-request', 'form-error', 'long-wait', 'layout-shift']);
    for (const draft of drafts) expect(signalFactsSchema.safeParse(draft.facts).success).toBe(true);
  });
});

describe('resolveWaitAfterLoad', () => {
  const pending: WaitFact = { kind: 'wait', t: T, action: 'click', selector: 'a.next', waited: 180, resolved: false, leaving: true };

  it('ends the wait on the next page\'s first paint', () => {
    expect(resolveWaitAfterLoad(pending, T + 4200)).toEqual({ ...pending, waited: 4200, resolved: true });
  });

  it('makes a long wait of a slow next page, and none of a fast one', () => {
    expect(types(resolveWaitAfterLoad(pending, T + 3500))).toEqual(['long-wait']);
    expect(types(resolveWaitAfterLoad(pending, T + 900))).toEqual([]);
  });

  it('never waits less than nothing', () => {
    expect(resolveWaitAfterLoad(pending, T - 50).waited).toBe(0);
  });
});

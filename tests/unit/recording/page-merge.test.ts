import { describe, expect, it } from 'vitest';
import type { PageUpsert } from '../../../utils/messaging/protocol';
import { endPage, mergePage } from '../../../utils/recording/page-merge';
import { pageSchema } from '../../../utils/schema/page';

const timing = { redirect: 0, dns: 1, connect: 2, ttfb: 100, domContentLoaded: 300, load: 500 };

function upsert(over: Partial<PageUpsert> = {}): PageUpsert {
  return {
    type: 'recorder/page',
    visitId: 'v1',
    pageId: 'p1',
    url: 'https://shop.example/produit/derby',
    title: 'Derby cuir',
    startedAt: 1000,
    navType: 'navigate',
    ...over,
  };
}

describe('mergePage', () => {
  it('creates the page from a first upsert', () => {
    const page = mergePage(undefined, upsert({ timing, autoType: 'product', autoTypeReasons: ['ld:product'] }), 7);
    expect(page).toEqual({
      id: 'p1',
      visitId: 'v1',
      tabId: 7,
      url: 'https://shop.example/produit/derby',
      title: 'Derby cuir',
      startedAt: 1000,
      navType: 'navigate',
      timing,
      vitals: {},
      autoType: 'product',
      autoTypeReasons: ['ld:product'],
    });
    expect(pageSchema.safeParse(page).success).toBe(true);
  });

  it('creates an untyped page as "other"', () => {
    expect(mergePage(undefined, upsert(), 7)).toMatchObject({ autoType: 'other', autoTypeReasons: [] });
  });

  it('merges vitals metric by metric, later values winning', () => {
    const first = mergePage(undefined, upsert({ vitals: { TTFB: { value: 100, rating: 'good' }, FCP: { value: 900, rating: 'good' } } }), 7);
    const second = mergePage(first, upsert({ vitals: { LCP: { value: 2600, rating: 'needs-improvement' }, FCP: { value: 950, rating: 'good' } } }), 7);
    expect(second.vitals).toEqual({
      TTFB: { value: 100, rating: 'good' },
      FCP: { value: 950, rating: 'good' },
      LCP: { value: 2600, rating: 'needs-improvement' },
    });
  });

  it('keeps the vitals when an upsert has none', () => {
    const first = mergePage(undefined, upsert({ vitals: { CLS: { value: 0.05, rating: 'good' } } }), 7);
    expect(mergePage(first, upsert(), 7).vitals).toEqual({ CLS: { value: 0.05, rating: 'good' } });
  });

  it("never touches the evaluator's type correction", () => {
    const stored = { ...mergePage(undefined, upsert({ autoType: 'listing' }), 7), typeOverride: 'search' as const };
    const merged = mergePage(stored, upsert({ autoType: 'product', autoTypeReasons: ['price'] }), 7);
    expect(merged).toMatchObject({ typeOverride: 'search', autoType: 'product', autoTypeReasons: ['price'] });
  });

  it('keeps the timing, route timing and type when an upsert lacks them', () => {
    const stored = mergePage(undefined, upsert({ timing, routeTiming: { toPaint: 40 }, autoType: 'cart', autoTypeReasons: ['r'] }), 7);
    expect(mergePage(stored, upsert(), 7)).toMatchObject({ timing, routeTiming: { toPaint: 40 }, autoType: 'cart', autoTypeReasons: ['r'] });
  });

  it('takes the landing analysis when it comes, and keeps it after', () => {
    const landing = { cls: 0.02, shifts: 1, observedFor: 10_000, fcp: 400, firstInteraction: 2100 };
    const stored = mergePage(mergePage(undefined, upsert(), 7), upsert({ landing }), 7);
    expect(stored.landing).toEqual(landing);
    expect(mergePage(stored, upsert({ endedAt: 5000 }), 7).landing).toEqual(landing);
    expect(pageSchema.parse(stored).landing).toEqual(landing);
  });

  it('takes the newer url, and the newer title unless it is empty', () => {
    const stored = mergePage(undefined, upsert(), 7);
    expect(mergePage(stored, upsert({ url: 'https://shop.example/p?c=noir', title: 'Derby noir' }), 7)).toMatchObject({
      url: 'https://shop.example/p?c=noir',
      title: 'Derby noir',
    });
    expect(mergePage(stored, upsert({ title: '' }), 7).title).toBe('Derby cuir');
  });

  it('keeps what it was created with: id, visit, tab, start and navigation type', () => {
    const stored = mergePage(undefined, upsert(), 7);
    const merged = mergePage(stored, upsert({ startedAt: 5000, navType: 'reload' }), 9);
    expect(merged).toMatchObject({ id: 'p1', visitId: 'v1', tabId: 7, startedAt: 1000, navType: 'navigate' });
  });

  it('keeps an end once set, and takes a later one', () => {
    const ended = mergePage(undefined, upsert({ endedAt: 3000 }), 7);
    expect(mergePage(ended, upsert(), 7).endedAt).toBe(3000);
    expect(mergePage(ended, upsert({ endedAt: 4000 }), 7).endedAt).toBe(4000);
  });
});

describe('endPage', () => {
  const page = mergePage(undefined, upsert(), 7);

  it('ends a page that has not ended', () => {
    expect(endPage(page, 2500).endedAt).toBe(2500);
  });

  it('does not move an end already set', () => {
    const ended = endPage(page, 2500);
    expect(endPage(ended, 9000)).toBe(ended);
  });

  it('never ends a page before it started', () => {
    expect(endPage(page, 400).endedAt).toBe(1000);
  });

  it('leaves the page it was given unchanged', () => {
    endPage(page, 2500);
    expect(page.endedAt).toBeUndefined();
  });
});

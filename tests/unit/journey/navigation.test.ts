import { describe, expect, it } from 'vitest';
import {
  absorb,
  commitPageFor,
  commitPageId,
  inOrigins,
  LEFT_EARLY_MS,
  markRecorded,
  navTypeOfCommit,
  pageFromCommit,
  recordedPageFor,
  settleUnrecorded,
  type Commit,
} from '../../../utils/journey/navigation';
import { endPage, mergePage } from '../../../utils/recording/page-merge';
import { pageSchema, type Page } from '../../../utils/schema/page';

const SHOP = 'https://shop.example';
const commit = (path: string, at: number, over: Partial<Commit> = {}): Commit => ({ tabId: 7, url: SHOP + path, at, transitionType: 'link', ...over });

/** A recorder's page as the background stores it at its first upsert. */
function recorded(id: string, path: string, startedAt: number, over: Partial<Page> = {}): Page {
  return {
    id,
    visitId: 'v1',
    tabId: 7,
    url: SHOP + path,
    title: '',
    startedAt,
    navType: 'navigate',
    vitals: {},
    autoType: 'other',
    autoTypeReasons: [],
    source: 'recorder',
    unrecorded: 'waiting',
    ...over,
  };
}

/**
 * Builds the journey as the background does from a stream of events: commits (the browser's
 * navigation events) and recorders' first page upserts, in the order they arrive; `end` closes
 * the tab's open pages at the next page's start, as the background does.
 */
function journey(events: Array<{ commit: Commit } | { page: Page } | { batch: string }>): Page[] {
  let pages: Page[] = [];
  const endOpen = (tabId: number, at: number) => {
    pages = pages.map((p) => (p.tabId === tabId && p.endedAt === undefined && p.startedAt < at ? endPage(p, at) : p));
  };
  for (const event of events) {
    if ('commit' in event) {
      const made = pageFromCommit('v1', event.commit);
      const mine = recordedPageFor(pages, event.commit);
      if (mine) {
        pages = pages.map((p) => (p.id === mine.id ? absorb(made, p) : p));
        continue;
      }
      endOpen(made.tabId, made.startedAt);
      pages.push(made);
    } else if ('page' in event) {
      const place = commitPageFor(pages, event.page);
      const kept = place ? absorb(place, event.page) : event.page;
      pages = pages.filter((p) => p.id !== place?.id);
      endOpen(kept.tabId, kept.startedAt);
      pages.push(kept);
    } else {
      pages = pages.map((p) => (p.id === event.batch ? markRecorded(p) : p));
    }
  }
  return pages.sort((a, b) => a.startedAt - b.startedAt);
}

const summary = (pages: Page[]) => pages.map((p) => `${new URL(p.url).pathname} ${p.autoType} ${p.unrecorded ?? 'recorded'}`);

describe('the journey from navigation events alone', () => {
  it('makes a typed page of each commit, each ending where the next begins', () => {
    const pages = journey([
      { commit: commit('/', 1_000) },
      { commit: commit('/category/chaussures', 1_600) },
      { commit: commit('/produit/derby-cuir', 4_000) },
      { commit: commit('/panier', 30_000) },
    ]);
    expect(summary(pages)).toEqual([
      '/ home left-early',
      '/category/chaussures listing left-early',
      '/produit/derby-cuir product no-recorder',
      '/panier cart waiting',
    ]);
    expect(pages.map((p) => [p.startedAt, p.endedAt])).toEqual([
      [1_000, 1_600],
      [1_600, 4_000],
      [4_000, 30_000],
      [30_000, undefined],
    ]);
    for (const page of pages) expect(pageSchema.safeParse(page).success).toBe(true);
  });

  it('gives every page an id of its own, the same for the same event delivered twice', () => {
    expect(commitPageId(commit('/', 1_000.4))).toBe('nav-7-rs');
    // No run of 13 digits (an epoch time) that a privacy scan would take for a card number.
    expect(commitPageId(commit('/', 1_796_602_368_211))).not.toMatch(/\d{13}/);
    expect(pageFromCommit('v1', commit('/', 1_000.4))).toEqual(pageFromCommit('v1', commit('/', 1_000.4)));
    expect(commitPageId(commit('/', 1_000, { tabId: 8 }))).not.toBe(commitPageId(commit('/', 1_000)));
  });

  it.each([
    [{ transitionType: 'link' }, 'navigate'],
    [{ transitionType: 'typed' }, 'navigate'],
    [{ transitionType: 'reload' }, 'reload'],
    [{ transitionType: 'link', transitionQualifiers: ['forward_back'] }, 'back_forward'],
    [{}, 'navigate'],
  ])('tells how the page came: %o → %s', (over, expected) => {
    expect(navTypeOfCommit(over)).toBe(expected);
  });

  it('types a page from its address alone, and says so', () => {
    const page = pageFromCommit('v1', commit('/panier', 1_000));
    expect(page).toMatchObject({ autoType: 'cart', typedFromUrl: true, source: 'navigation', unrecorded: 'waiting', title: '' });
    expect(page.autoTypeReasons.join()).toContain('url');
    expect(pageFromCommit('v1', commit('/a-propos', 1_000)).autoType).toBe('other');
  });

  it('says why an ended page has no recording: left within the first seconds, or not', () => {
    const page = pageFromCommit('v1', commit('/', 1_000));
    expect(settleUnrecorded({ ...page, endedAt: 1_000 + LEFT_EARLY_MS - 1 }).unrecorded).toBe('left-early');
    expect(settleUnrecorded({ ...page, endedAt: 1_000 + LEFT_EARLY_MS }).unrecorded).toBe('no-recorder');
    expect(settleUnrecorded(page).unrecorded).toBe('waiting');
    expect(settleUnrecorded(markRecorded({ ...page, endedAt: 2_000 })).unrecorded).toBeUndefined();
  });

  it('keeps only the visit’s own sites', () => {
    expect(inOrigins('https://shop.example/panier?x=1', ['https://shop.example/*'])).toBe(true);
    expect(inOrigins('http://shop.example/panier', ['https://shop.example/*'])).toBe(false);
    expect(inOrigins('https://pay.example/3ds', ['https://shop.example/*'])).toBe(false);
    expect(inOrigins('not a url', ['https://shop.example/*'])).toBe(false);
  });
});

describe('the journey merged with the recorders’ pages', () => {
  it('lets the recorder’s page take the place of its commit’s page, keeping the commit time', () => {
    // The navigation starts at 1 000, the server answers and the browser commits at 1 250.
    const pages = journey([
      { commit: commit('/produit/derby-cuir', 1_250) },
      { page: recorded('p1', '/produit/derby-cuir', 1_000) },
      { batch: 'p1' },
    ]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ id: 'p1', startedAt: 1_000, committedAt: 1_250, source: 'recorder' });
    expect(pages[0]!.unrecorded).toBeUndefined();
  });

  it('keeps the address’s type until the recorder has read the document, and the evaluator’s correction', () => {
    const made = { ...pageFromCommit('v1', commit('/panier', 1_250)), typeOverride: 'checkout' as const };
    const early = absorb(made, recorded('p1', '/panier', 1_000));
    expect(early).toMatchObject({ autoType: 'cart', typedFromUrl: true, typeOverride: 'checkout' });
    const read = absorb(made, recorded('p1', '/panier', 1_000, { autoType: 'cart', autoTypeReasons: ['dom: 2 cart lines'] }));
    expect(read.typedFromUrl).toBeUndefined();
    expect(read.autoTypeReasons).toEqual(['dom: 2 cart lines']);
    // The recorder's later upsert, once it has classified the page, ends the address's guess.
    const merged = mergePage(early, { type: 'recorder/page', visitId: 'v1', pageId: 'p1', url: `${SHOP}/panier`, title: 'Panier', startedAt: 1_000, navType: 'navigate', autoType: 'cart', autoTypeReasons: ['dom'] }, 7);
    expect(merged.typedFromUrl).toBeUndefined();
  });

  it('keeps the requests set aside as benign while the commit’s page stood in (the browser’s favicon request)', () => {
    const made = { ...pageFromCommit('v1', commit('/panier', 1_250)), ignoredSignals: { favicon: 1 } };
    expect(absorb(made, recorded('p1', '/panier', 1_000)).ignoredSignals).toEqual({ favicon: 1 });
    expect(absorb(made, recorded('p1', '/panier', 1_000, { ignoredSignals: { favicon: 1, 'resize-observer': 2 } })).ignoredSignals).toEqual({
      favicon: 2,
      'resize-observer': 2,
    });
    expect(absorb(pageFromCommit('v1', commit('/panier', 1_250)), recorded('p1', '/panier', 1_000)).ignoredSignals).toBeUndefined();
  });

  it('matches when the recorder speaks before the browser’s commit reaches the background', () => {
    const pages = journey([
      { page: recorded('p1', '/', 1_000) },
      { commit: commit('/', 1_300) },
      { batch: 'p1' },
      { commit: commit('/panier', 5_000) },
    ]);
    expect(summary(pages)).toEqual(['/ home recorded', '/panier cart waiting']);
    expect(pages[0]).toMatchObject({ id: 'p1', committedAt: 1_300, endedAt: 5_000 });
  });

  it('does not take a reload’s page for the page it reloads', () => {
    const pages = journey([
      { commit: commit('/', 1_300) },
      { page: recorded('p1', '/', 1_000) },
      { batch: 'p1' },
      { commit: commit('/', 8_000, { transitionType: 'reload' }) },
    ]);
    expect(pages.map((p) => [p.id, p.navType, p.unrecorded ?? 'recorded'])).toEqual([
      ['p1', 'navigate', 'recorded'],
      [commitPageId(commit('/', 8_000)), 'reload', 'waiting'],
    ]);
  });

  it('pairs a page restored from the back-forward cache with its commit, which comes just before it', () => {
    const pages = journey([
      { commit: commit('/category/chaussures', 20_000, { transitionQualifiers: ['forward_back'] }) },
      { page: recorded('p9', '/category/chaussures', 20_040, { navType: 'restore' }) },
    ]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ id: 'p9', committedAt: 20_000 });
  });

  it('never pairs a client-side route with a commit, nor pages of another tab or document', () => {
    const route = recorded('r1', '/aide/livraison', 1_100, { navType: 'route-change' });
    const made = pageFromCommit('v1', commit('/aide/livraison', 1_000));
    expect(commitPageFor([made], route)).toBeUndefined();
    expect(recordedPageFor([route], commit('/aide/livraison', 1_200))).toBeUndefined();
    expect(commitPageFor([made], recorded('x', '/aide/livraison', 1_000, { tabId: 8 }))).toBeUndefined();
    expect(commitPageFor([made], recorded('x', '/aide', 1_000))).toBeUndefined();
    // A fragment is the same document.
    expect(commitPageFor([made], recorded('x', '/aide/livraison#faq', 1_000))?.id).toBe(made.id);
  });

  it('keeps a page the recorder never reached, between two recorded pages, with the times end to end', () => {
    const pages = journey([
      { commit: commit('/', 1_000) },
      { page: recorded('home', '/', 900) },
      { batch: 'home' },
      { commit: commit('/category/chaussures', 6_000) },
      { commit: commit('/produit/derby-cuir', 6_400) },
      { page: recorded('product', '/produit/derby-cuir', 6_300, { autoType: 'product', autoTypeReasons: ['json-ld: Product'] }) },
      { batch: 'product' },
    ]);
    expect(summary(pages)).toEqual(['/ home recorded', '/category/chaussures listing left-early', '/produit/derby-cuir product recorded']);
    const [home, listing, product] = pages;
    expect(home!.endedAt).toBe(listing!.startedAt);
    expect(listing!.endedAt).toBe(product!.committedAt);
  });
});

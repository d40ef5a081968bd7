import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimWaitingFacts, ignoredInVisit, onFacts, onFailedRequest } from '../../../entrypoints/background/signals';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, listEvidence, putChunk, putVisit } from '../../../utils/db/repository';
import { describeIgnored } from '../../../utils/friction/benign';
import type { ErrorFact, RequestFact, WaitFact } from '../../../utils/friction/facts';
import type { Facts } from '../../../utils/messaging/protocol';
import { chunk, visit } from '../db/fixtures';
import { SHOP, sessionValue, storePage, tabsShow, viewsNotified, code, withVisit } from './support';

/**
 * Friction signals from the recorders' facts and the browser's failed requests; facts that come
 * before their page wait in session storage (`signals/waiting`) until the page is stored.
 */

const WAITING = 'signals/waiting';

const failed = (over: Partial<RequestFact> = {}): RequestFact => ({
  kind: 'request',
  t: 2_000,
  url: `${SHOP}/api/stock`,
  method: 'GET',
  status: 500,
  resource: 'fetch',
  ...over,
});
const thrown = (t: number, message = 'x is undefined'): ErrorFact => ({ kind: 'error', t, error: 'error', message });
const leavingWait = (t: number): WaitFact => ({ kind: 'wait', t, action: 'click', selector: '#pay', waited: 0, resolved: false, leaving: true });
const facts = (list: Facts['facts'], over: Partial<Facts> = {}): Facts => ({ type: 'recorder/facts', visitId: 'v1', pageId: 'p1', facts: list, ...over });

const signals = async () => (await listEvidence(await db(), 'signals', 'v1')).map((s) => ({ type: s.type, page: s.pageId, at: s.at, offset: s.offset, facts: s.facts }));
const waiting = async () => (await sessionValue(WAITING)) as { requests: Record<string, RequestFact[]>; leaving: Record<string, WaitFact> } | undefined;


withVisit({ alsoDelete: ['v2'] });

describe('onFacts', () => {
  it('stores the signals the detectors find, offset from the page’s first recorded event, and tells the views', async () => {
    await storePage({ id: 'p1', startedAt: 1_000 });
    await putChunk(await db(), chunk({ pageId: 'p1', seq: 0, firstTs: 1_500 }));
    await onFacts(facts([thrown(4_000)]), 1);
    expect(await signals()).toEqual([{ type: 'js-error', page: 'p1', at: 4_000, offset: 2_500, facts: { error: 'error', message: 'x is undefined' } }]);
    expect(await viewsNotified()).toBe(true);
  });

  it('stores a resent fact once (same fact, same signal)', async () => {
    await storePage({ id: 'p1' });
    await onFacts(facts([thrown(4_000)]), 1);
    await onFacts(facts([thrown(4_000)]), 1);
    expect(await signals()).toHaveLength(1);
  });

  it('stores nothing, and tells no one, for facts that show no friction', async () => {
    await storePage({ id: 'p1' });
    await onFacts(facts([failed({ status: 304 })]), 1);
    expect(await signals()).toEqual([]);
    expect(await viewsNotified()).toBe(false);
  });

  it('refuses a tab that is not in the visit, or no tab, or an unknown visit (not-in-visit)', async () => {
    await storePage({ id: 'p1' });
    expect(await code(onFacts(facts([thrown(4_000)]), 2))).toBe('not-in-visit');
    expect(await code(onFacts(facts([thrown(4_000)]), undefined))).toBe('not-in-visit');
    expect(await code(onFacts(facts([thrown(4_000)], { visitId: 'nope' }), 1))).toBe('not-in-visit');
    expect(await signals()).toEqual([]);
  });

  it('refuses an unknown page, or a page of another visit (no-such-page)', async () => {
    expect(await code(onFacts(facts([thrown(4_000)], { pageId: 'nope' }), 1))).toBe('no-such-page');
    await putVisit(await db(), visit({ id: 'v2', tabIds: [1], status: 'ended' }));
    await storePage({ id: 'other', visitId: 'v2' });
    expect(await code(onFacts(facts([thrown(4_000)], { pageId: 'other' }), 1))).toBe('no-such-page');
  });

  it('keeps a wait whose action unloaded the page for the next page, instead of a signal', async () => {
    await storePage({ id: 'p1' });
    await onFacts(facts([leavingWait(5_000)]), 1);
    expect(await signals()).toEqual([]);
    expect((await waiting())?.leaving).toEqual({ 1: leavingWait(5_000) });
  });
});

describe('a leaving wait ends at the next page’s first paint', () => {
  beforeEach(async () => {
    await storePage({ id: 'p1', startedAt: 1_000, endedAt: 5_200 });
    await onFacts(facts([leavingWait(5_000)]), 1);
  });

  it('becomes a long wait of the next page once its FCP is known, and stops waiting', async () => {
    const next = await storePage({ id: 'p2', startedAt: 5_200, vitals: { FCP: { value: 3_800, rating: 'poor' } } });
    await claimWaitingFacts(next);
    expect(await signals()).toEqual([
      { type: 'long-wait', page: 'p2', at: 5_000, offset: 0, facts: { action: 'click', waitedMs: 4_000, resolved: true } },
    ]);
    expect((await waiting())?.leaving).toEqual({});
  });

  it('keeps waiting while the next page has no first paint yet', async () => {
    await claimWaitingFacts(await storePage({ id: 'p2', startedAt: 5_200 }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.leaving[1]).toEqual(leavingWait(5_000));
  });

  it('is not ended by a route change, nor by a page begun before the action', async () => {
    await claimWaitingFacts(await storePage({ id: 'p2', startedAt: 5_200, navType: 'route-change', vitals: { FCP: { value: 100, rating: 'good' } } }));
    await claimWaitingFacts(await storePage({ id: 'p0', startedAt: 900, vitals: { FCP: { value: 100, rating: 'good' } } }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.leaving[1]).toBeDefined();
  });

  // A next page that never reports a first paint (loaded in a background tab, say) leaves the wait
  // unmeasurable: a page opened much later must not turn it into a false long wait.
  it('is not ended by a later page when the next page came without a first paint', async () => {
    await claimWaitingFacts(await storePage({ id: 'p2', startedAt: 5_200 }));
    await claimWaitingFacts(await storePage({ id: 'p3', startedAt: 40_000, vitals: { FCP: { value: 500, rating: 'good' } } }));
    expect(await signals()).toEqual([]);
  });

  it('is a quick wait, not a signal, when the next page painted soon', async () => {
    await claimWaitingFacts(await storePage({ id: 'p2', startedAt: 5_200, vitals: { FCP: { value: 300, rating: 'good' } } }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.leaving).toEqual({});
  });
});

describe('onFailedRequest', () => {
  it('is a signal of the tab’s page at once when that page is stored and shown', async () => {
    await storePage({ id: 'p1', url: `${SHOP}/`, startedAt: 1_000 });
    tabsShow({ 1: { url: `${SHOP}/#top` } });
    await onFailedRequest(1, failed({ t: 2_000 }));
    expect(await signals()).toEqual([
      { type: 'failed-request', page: 'p1', at: 2_000, offset: 1_000, facts: { url: `${SHOP}/api/stock`, method: 'GET', status: 500, resource: 'fetch' } },
    ]);
    expect(await waiting()).toBeUndefined();
  });

  it('waits when the page is not stored yet, or the tab shows another document, or it is the document’s own request', async () => {
    await onFailedRequest(1, failed({ t: 900 }));
    await storePage({ id: 'p1', url: `${SHOP}/`, startedAt: 1_000 });
    tabsShow({ 1: { url: `${SHOP}/panier` } });
    await onFailedRequest(1, failed({ t: 2_000 }));
    await onFailedRequest(1, failed({ t: 2_100, resource: 'document', url: `${SHOP}/panier`, status: 404 }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.requests[1]?.map((f) => f.t)).toEqual([900, 2_000, 2_100]);
  });

  it('waits when the tab’s page had already ended before the request', async () => {
    await storePage({ id: 'p1', startedAt: 1_000, endedAt: 1_500 });
    await onFailedRequest(1, failed({ t: 2_000 }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.requests[1]).toHaveLength(1);
  });

  it('keeps the last 50 waiting requests of a tab', async () => {
    for (let t = 1; t <= 52; t++) await onFailedRequest(1, failed({ t }));
    const kept = (await waiting())?.requests[1] ?? [];
    expect(kept).toHaveLength(50);
    expect(kept[0]?.t).toBe(3);
  });

  it('ignores a paused visit, a tab not in the visit, and no visit at all', async () => {
    await storePage({ id: 'p1', startedAt: 1_000 });
    await onFailedRequest(2, failed());
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 1_500 }] }));
    await onFailedRequest(1, failed());
    await deleteVisit(await db(), 'v1');
    await onFailedRequest(1, failed());
    expect(await waiting()).toBeUndefined();
    expect(await signals()).toEqual([]);
  });
});

describe('claimWaitingFacts', () => {
  it('turns the requests made while the page was its tab’s document into its signals (a second of slack)', async () => {
    await onFailedRequest(1, failed({ t: 1_100, resource: 'document', url: `${SHOP}/panier`, status: 503 }));
    await onFailedRequest(1, failed({ t: 1_300 }));
    const page = await storePage({ id: 'p1', url: `${SHOP}/panier?step=1`, startedAt: 2_000 });
    await claimWaitingFacts(page);
    expect((await signals()).map((s) => `${s.page} ${s.at} ${String(s.facts.resource)} ${s.offset}`)).toEqual(['p1 1100 document 0', 'p1 1300 fetch 0']);
    expect((await waiting())?.requests[1]).toEqual([]);
    expect(await viewsNotified()).toBe(true);
  });

  it('leaves other documents’ requests, older ones, later ones and other tabs’ waiting', async () => {
    await onFailedRequest(1, failed({ t: 500 }));
    await onFailedRequest(1, failed({ t: 2_100, resource: 'document', url: `${SHOP}/autre`, status: 404 }));
    await onFailedRequest(1, failed({ t: 9_000 }));
    await putVisit(await db(), visit({ tabIds: [1, 2] }));
    await onFailedRequest(2, failed({ t: 2_200 }));
    await claimWaitingFacts(await storePage({ id: 'p1', url: `${SHOP}/panier`, startedAt: 2_000, endedAt: 5_000 }));
    expect(await signals()).toEqual([]);
    expect((await waiting())?.requests[1]?.map((f) => f.t)).toEqual([500, 2_100, 9_000]);
    expect((await waiting())?.requests[2]).toHaveLength(1);
    expect(await viewsNotified()).toBe(false);
  });

  it('does nothing when nothing waits', async () => {
    await claimWaitingFacts(await storePage({ id: 'p1' }));
    expect(await waiting()).toBeUndefined();
  });
});

describe('benign facts', () => {
  const loop = (t: number) => thrown(t, 'ResizeObserver loop completed with undelivered notifications.');
  const favicon = (t: number) => failed({ t, url: `${SHOP}/favicon.ico`, status: 404, resource: 'other' });

  it('a ResizeObserver loop makes no signal, a real error beside it does, and the loop is counted on its page', async () => {
    await storePage({ id: 'p1', startedAt: 1_000 });
    await onFacts(facts([loop(2_000), thrown(3_000, "Uncaught TypeError: Cannot read properties of null (reading 'price')"), loop(4_000)]), 1);
    expect((await signals()).map((x) => `${x.type} ${String(x.facts.message)}`)).toEqual(["js-error Uncaught TypeError: Cannot read properties of null (reading 'price')"]);
    expect(await ignoredInVisit('v1')).toEqual({ pages: { p1: { 'resize-observer-loop': 2 } }, total: { 'resize-observer-loop': 2 } });
  });

  it('counts a resent benign fact once, and tells no one when only benign facts came', async () => {
    await storePage({ id: 'p1' });
    await onFacts(facts([loop(2_000)]), 1);
    await onFacts(facts([loop(2_000)]), 1);
    expect(await signals()).toEqual([]);
    expect(await viewsNotified()).toBe(false);
    expect((await ignoredInVisit('v1')).total).toEqual({ 'resize-observer-loop': 1 });
  });

  it('Firefox’s own /favicon.ico 404 is no failed request, and waits for no page; a missing product image is one', async () => {
    await storePage({ id: 'p1', url: `${SHOP}/`, startedAt: 1_000 });
    tabsShow({ 1: { url: `${SHOP}/` } });
    await onFailedRequest(1, favicon(2_000));
    await onFailedRequest(1, failed({ t: 2_100, url: `${SHOP}/img/produit-42.jpg`, status: 404, resource: 'other' }));
    expect((await signals()).map((x) => `${x.type} ${String(x.facts.url)}`)).toEqual([`failed-request ${SHOP}/img/produit-42.jpg`]);
    expect(await waiting()).toBeUndefined();
    expect(describeIgnored((await ignoredInVisit('v1')).total)).toBe('1 ignored as benign (favicon ×1)');
  });

  it('a cancelled request is counted on the page being left, even when the tab shows the next one already', async () => {
    await storePage({ id: 'p1', url: `${SHOP}/`, startedAt: 1_000 });
    tabsShow({ 1: { url: `${SHOP}/panier` } });
    await onFailedRequest(1, failed({ t: 2_000, status: 0, error: 'net::ERR_ABORTED' }));
    expect(await signals()).toEqual([]);
    expect(await waiting()).toBeUndefined();
    expect((await ignoredInVisit('v1')).pages).toEqual({ p1: { 'request-cancelled': 1 } });
  });

  it('a benign request before any page is stored is neither kept nor counted', async () => {
    await onFailedRequest(1, favicon(500));
    expect(await waiting()).toBeUndefined();
    expect(await ignoredInVisit('v1')).toEqual({ pages: {}, total: {} });
  });

  it('counts on the page record, and remembers what it counted for at most 500 pages', async () => {
    await storePage({ id: 'p1' });
    await onFacts(facts([loop(2_000)]), 1);
    const others = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`old${i}`, ['x']]));
    await fakeBrowser.storage.session.set({ 'signals/ignored-seen': { ...others, ...((await fakeBrowser.storage.session.get('signals/ignored-seen'))['signals/ignored-seen'] as object) } });
    await onFacts(facts([loop(3_000)]), 1);
    const seen = (await fakeBrowser.storage.session.get('signals/ignored-seen'))['signals/ignored-seen'] as Record<string, unknown>;
    expect(Object.keys(seen)).toHaveLength(500);
    expect(Object.keys(seen).at(-1)).toBe('p1');
    expect((await getPage(await db(), 'p1'))?.ignoredSignals).toEqual({ 'resize-observer-loop': 2 });
    expect(await ignoredInVisit('v1')).toEqual({ pages: { p1: { 'resize-observer-loop': 2 } }, total: { 'resize-observer-loop': 2 } });
  });
});

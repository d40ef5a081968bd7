import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onBatch, onHello, onPage, onTyped } from '../../../entrypoints/background/recorder-handlers';
import { forgetTypedCache, privacyPass, rememberSearchIn } from '../../../entrypoints/background/privacy';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, getVisit, listChunks, listPages, putVisit, setPrivacy } from '../../../utils/db/repository';
import { PrivacyPass } from '../../../utils/privacy/pass';
import type { Batch, PageUpsert } from '../../../utils/messaging/protocol';
import { gunzip, gzipText, toBase64 } from '../../../utils/recording/codec';

const gunzipText = async (data: Uint8Array) => new TextDecoder().decode(await gunzip(data));
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { visit } from '../db/fixtures';
import { SHOP, settle, storePage, code } from './support';

/** What recorders send: hello, their page (merged, ending the one it replaced) and event batches. */

const upsert = (over: Partial<PageUpsert> = {}): PageUpsert => ({
  type: 'recorder/page',
  visitId: 'v1',
  pageId: 'p1',
  url: `${SHOP}/`,
  title: 'Accueil',
  startedAt: 1_000,
  navType: 'navigate',
  ...over,
});

const batch = (over: Partial<Batch> = {}): Batch => ({
  type: 'recorder/batch',
  visitId: 'v1',
  pageId: 'p1',
  seq: 0,
  encoding: 'json',
  data: '[{"type":4,"timestamp":1000}]',
  count: 1,
  firstTs: 1_000,
  lastTs: 1_000,
  ...over,
});


beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: false, keepAssets: false, maskSelectors: ['.loyalty-id'] });
  await putVisit(await db(), visit({ tabIds: [1] }));
});
afterEach(async () => {
  // The steps after a page is stored run unawaited.
  await settle();
  vi.restoreAllMocks();
  await deleteVisit(await db(), 'v1');
});

describe('onHello', () => {
  it('tells a tab of the visit to record, with the masking settings', async () => {
    expect(await onHello(1)).toEqual({ record: true, visitId: 'v1', paused: false, config: { maskSelectors: ['.loyalty-id'], blockSelectors: [] }, tabId: 1 });
  });

  it('tells a paused visit’s tab that it is paused', async () => {
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 2_000 }] }));
    expect(await onHello(1)).toMatchObject({ record: true, paused: true });
  });

  it('adopts a tab opened from the visit’s tab', async () => {
    expect(await onHello(2, 1)).toMatchObject({ record: true, visitId: 'v1' });
    expect((await getVisit(await db(), 'v1'))?.tabIds).toEqual([1, 2]);
  });

  it('tells other tabs, an unknown sender, and every tab after the visit, not to record', async () => {
    expect(await onHello(2)).toEqual({ record: false });
    expect(await onHello(3, 2)).toEqual({ record: false });
    expect(await onHello(undefined)).toEqual({ record: false });
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 2_000 }));
    expect(await onHello(1)).toEqual({ record: false });
  });
});

describe('onPage', () => {
  it('stores a new page of the visit’s tab, waiting for its recording', async () => {
    await onPage(upsert(), 1);
    expect(await getPage(await db(), 'p1')).toMatchObject({ id: 'p1', visitId: 'v1', tabId: 1, source: 'recorder', unrecorded: 'waiting', autoType: 'other' });
  });

  it('merges later facts into the page: later values win, vitals merge one by one', async () => {
    await onPage(upsert({ vitals: { FCP: { value: 800, rating: 'good' } } }), 1);
    await onPage(upsert({ title: 'Accueil – Boutique', autoType: 'home', autoTypeReasons: ['path /'], vitals: { LCP: { value: 2_000, rating: 'good' } } }), 1);
    const page = await getPage(await db(), 'p1');
    expect(page).toMatchObject({ title: 'Accueil – Boutique', autoType: 'home', autoTypeReasons: ['path /'] });
    expect(Object.keys(page?.vitals ?? {}).sort()).toEqual(['FCP', 'LCP']);
  });

  it('ends the tab’s previous page where the new one begins', async () => {
    await onPage(upsert({ pageId: 'p1', startedAt: 1_000 }), 1);
    await onPage(upsert({ pageId: 'p2', url: `${SHOP}/panier`, startedAt: 4_000 }), 1);
    expect((await listPages(await db(), 'v1')).map((p) => `${p.id} ${p.startedAt}-${p.endedAt ?? ''}`)).toEqual(['p1 1000-4000', 'p2 4000-']);
  });

  it('ends the page a route change replaced, named by the recorder', async () => {
    await storePage({ id: 'p0', tabId: 1, startedAt: 500 });
    await storePage({ id: 'p1', tabId: 1, startedAt: 1_000, endedAt: 1_500 });
    await onPage(upsert({ pageId: 'p2', previousPageId: 'p0', navType: 'route-change', startedAt: 2_000 }), 1);
    const pages = await listPages(await db(), 'v1');
    expect(pages.map((p) => `${p.id} ${p.endedAt ?? ''}`)).toEqual(['p0 2000', 'p1 1500', 'p2 ']);
  });

  it('leaves other tabs’ pages open', async () => {
    await putVisit(await db(), visit({ tabIds: [1, 2] }));
    await onPage(upsert({ pageId: 'p1', startedAt: 1_000 }), 1);
    await onPage(upsert({ pageId: 'p2', startedAt: 2_000 }), 2);
    expect((await getPage(await db(), 'p1'))?.endedAt).toBeUndefined();
  });

  it('then runs the steps that follow a stored page, without holding up the answer: a new funnel stage is recorded', async () => {
    await onPage(upsert({ pageId: 'p1', url: `${SHOP}/panier`, autoType: 'cart', autoTypeReasons: ['path /panier'] }), 1);
    await vi.waitFor(async () => expect((await getVisit(await db(), 'v1'))?.stages).toEqual(['cart']));
  });

  it('refuses a tab outside the visit', async () => {
    expect(await code(onPage(upsert(), 2))).toBe('not-in-visit');
    expect(await code(onPage(upsert(), undefined))).toBe('not-in-visit');
    expect(await getPage(await db(), 'p1')).toBeUndefined();
  });

  it('after the visit ended, still takes a known page’s last facts but adds no new page', async () => {
    await onPage(upsert(), 1);
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 3_000 }));
    await onPage(upsert({ endedAt: 2_500 }), 1);
    await onPage(upsert({ pageId: 'late', startedAt: 3_500 }), 1);
    expect((await listPages(await db(), 'v1')).map((p) => `${p.id} ${p.endedAt ?? ''}`)).toEqual(['p1 2500']);
  });
});

describe('onBatch', () => {
  beforeEach(async () => {
    await onPage(upsert(), 1);
  });

  it('stores a plain JSON batch compressed, and marks its page recorded', async () => {
    await onBatch(batch({ seq: 0, firstTs: 1_100, lastTs: 1_900, count: 1 }), 1);
    const [stored] = await listChunks(await db(), 'v1');
    expect(stored).toMatchObject({ visitId: 'v1', pageId: 'p1', seq: 0, count: 1, firstTs: 1_100, lastTs: 1_900 });
    expect(await gunzipText(stored!.data)).toBe('[{"type":4,"timestamp":1000}]');
    expect((await getPage(await db(), 'p1'))?.unrecorded).toBeUndefined();
  });

  it('stores a compressed batch as sent, and a resend replaces it', async () => {
    const data = toBase64(await gzipText('[1,2]'));
    await onBatch(batch({ seq: 1, encoding: 'gzip-base64', data }), 1);
    await onBatch(batch({ seq: 1, encoding: 'gzip-base64', data }), 1);
    const chunks = await listChunks(await db(), 'v1');
    expect(chunks).toHaveLength(1);
    expect(await gunzipText(chunks[0]!.data)).toBe('[1,2]');
  });

  it('refuses a plain batch that is not a JSON array, a compressed one that does not decode, and a tab outside the visit', async () => {
    expect(await code(onBatch(batch({ data: '{"type":4}' }), 1))).toBe('bad-message');
    expect(await code(onBatch(batch({ encoding: 'gzip-base64', data: toBase64(new Uint8Array([1, 2, 3])) }), 1))).toBe('bad-message');
    expect(await code(onBatch(batch(), 2))).toBe('not-in-visit');
    expect(await listChunks(await db(), 'v1')).toEqual([]);
    expect((await getPage(await db(), 'p1'))?.unrecorded).toBe('waiting');
  });
});

describe('the privacy pass on what recorders send', () => {
  const echo = (text: string, seq = 0) =>
    batch({ seq, data: JSON.stringify([{ type: 3, timestamp: 1_000, data: { source: 0, adds: [], removes: [], attributes: [], texts: [{ id: 1, value: text }] } }]) });
  const stored = async () => Promise.all((await listChunks(await db(), 'v1')).map((c) => gunzipText(c.data)));

  beforeEach(async () => {
    forgetTypedCache();
    setPrivacy(privacyPass);
    await putVisit(await db(), visit({ tabIds: [1, 2] }));
    await onPage(upsert(), 1);
  });
  afterEach(() => setPrivacy(() => Promise.resolve(new PrivacyPass())));

  it('masks a value typed in one tab wherever another tab of the visit echoes it, and keeps it out of disk storage', async () => {
    await onTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'doc-a:0', value: 'Maëlys Quenouillard', search: false }] }, 2);
    await onBatch(echo('Merci MAELYS ! Livraison chez Quenouillard'), 1);
    expect(await stored()).toEqual([expect.stringContaining('Merci ****** ! Livraison chez ************')]);
    // Remembered in session storage (memory), never in local storage or IndexedDB.
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('Quenouillard');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('Quenouillard');
  });

  it('masks what a page left before it heard of its visit typed (the visit found from its tab)', async () => {
    await onTyped({ type: 'recorder/typed', fields: [{ field: 'early:x:0', value: 'Quenouillard', search: false }] }, 2);
    await onBatch(echo('Livraison chez Quenouillard'), 1);
    expect(await stored()).toEqual([expect.stringContaining('Livraison chez ************')]);
    expect(await code(onTyped({ type: 'recorder/typed', fields: [{ field: 'early:y:0', value: 'x', search: false }] }, 9))).toBe('not-in-visit');
  });

  it('keeps only the latest value of a field: what was typed on the way is not masked for ever', async () => {
    const typed = (value: string) => onTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'doc-a:0', value, search: false }] }, 1);
    await typed('Mai');
    await typed('Maëlys');
    await onBatch(echo('Maison Lumière salue Maëlys'), 1);
    expect(await stored()).toEqual([expect.stringContaining('Maison Lumière salue ******')]);
  });

  it('masks search terms unless the evaluator chose to keep them, and masks identifiers in them either way', async () => {
    await onTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'doc-a:1', value: 'bottines fourrées', search: true }] }, 1);
    await onBatch(echo('Résultats pour bottines fourrées', 0), 1);
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, keepSearchTerms: true });
    await onBatch(echo('Résultats pour bottines fourrées, ou jane@example.com', 1), 1);
    expect(await stored()).toEqual([
      expect.stringContaining('Résultats pour ******** ********'),
      expect.stringContaining('Résultats pour bottines fourrées, ou ****************'),
    ]);
  });

  it('remembers the search terms of a committed address (a search whose own message was lost as its page unloaded), whole', async () => {
    await rememberSearchIn(`${SHOP}/search?q=lampe+zinnwaldite&page=2&sort=price`, 'v1');
    expect((await privacyPass()).text('Résultats pour « lampe zinnwaldite » : Lampe baladeuse, page 2, price')).toBe(
      'Résultats pour « ***** *********** » : Lampe baladeuse, page 2, price',
    );
  });

  it('refuses typed values from a tab outside the visit', async () => {
    expect(await code(onTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'x', value: 'Quenouillard', search: false }] }, 9))).toBe('not-in-visit');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('Quenouillard');
  });

  it('masks the page record: its address without query, its title', async () => {
    await onTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'doc-a:0', value: 'bottines', search: true }] }, 1);
    await onPage(upsert({ pageId: 'p2', url: `${SHOP}/recherche?q=bottines#r`, title: 'Bottines – recherche', startedAt: 2_000 }), 1);
    expect(await getPage(await db(), 'p2')).toMatchObject({ url: `${SHOP}/recherche`, title: '******** – recherche' });
  });
});

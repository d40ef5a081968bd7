import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markPageRecorded, onCommitted, onTabRemoved, settleNewRecordedPage } from '../../../entrypoints/background/navigation';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, listEvidence, listPages, putChunk, putNote, putVisit, upsertPage } from '../../../utils/db/repository';
import type { Page } from '../../../utils/schema/page';
import { chunk, page as fixturePage, visit } from '../db/fixtures';

/**
 * The background's navigation handlers against a real (fake-indexeddb) database and WXT's fake
 * browser: the journey built from commits, a recorder's page taking its commit's place with the
 * evidence tied to it, and the pages a closed tab leaves open.
 */

const SHOP = 'https://shop.example';
const commit = (path: string, at: number, tabId = 1) => ({ tabId, url: SHOP + path, at, transitionType: 'link' });

async function storeRecorderPage(over: Partial<Page>): Promise<Page> {
  const d = await db();
  const page = fixturePage({ source: 'recorder', unrecorded: 'waiting', autoType: 'other', ...over });
  await upsertPage(d, page.id, () => page);
  return page;
}

const journey = async () =>
  (await listPages(await db(), 'v1')).map((p) => `${new URL(p.url).pathname} ${p.autoType} ${p.unrecorded ?? 'recorded'} ${p.startedAt}-${p.endedAt ?? ''}`);

beforeEach(async () => {
  fakeBrowser.reset();
  await putVisit(await db(), visit({ tabIds: [1] }));
});
afterEach(async () => {
  await deleteVisit(await db(), 'v1');
});

describe('onCommitted', () => {
  it('adds a typed page for each document the visit’s tab commits, ending the one before', async () => {
    await onCommitted(commit('/', 1_000));
    await onCommitted(commit('/category/chaussures', 2_000));
    await onCommitted(commit('/panier', 10_000));
    expect(await journey()).toEqual([
      '/ home left-early 1000-2000',
      '/category/chaussures listing no-recorder 2000-10000',
      '/panier cart waiting 10000-',
    ]);
  });

  it('ignores other tabs, other sites, a paused visit, and the same event twice', async () => {
    await onCommitted(commit('/', 1_000, 2));
    await onCommitted({ tabId: 1, url: 'https://pay.example/3ds', at: 1_500, transitionType: 'link' });
    await onCommitted(commit('/', 2_000));
    await onCommitted(commit('/', 2_000));
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 2_500 }] }));
    await onCommitted(commit('/panier', 3_000));
    expect(await journey()).toEqual(['/ home waiting 2000-']);
  });

  it('works events out in the order they came, even when delivered all at once', async () => {
    await Promise.all([onCommitted(commit('/', 1_000)), onCommitted(commit('/category/chaussures', 1_400)), onCommitted(commit('/panier', 1_900))]);
    expect(await journey()).toEqual([
      '/ home left-early 1000-1400',
      '/category/chaussures listing left-early 1400-1900',
      '/panier cart waiting 1900-',
    ]);
  });

  it('ties itself to the recorder’s page when the recorder spoke first', async () => {
    await storeRecorderPage({ id: 'p1', url: `${SHOP}/panier`, startedAt: 900 });
    await onCommitted(commit('/panier', 1_000));
    const pages = await listPages(await db(), 'v1');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ id: 'p1', committedAt: 1_000, autoType: 'cart', typedFromUrl: true });
  });
});

describe('a recorder’s new page', () => {
  it('takes its commit’s place, with the evidence tied to it meanwhile', async () => {
    await onCommitted(commit('/produit/derby-cuir', 1_250));
    const made = (await listPages(await db(), 'v1'))[0]!;
    await putNote(await db(), { id: 'n1', visitId: 'v1', pageId: made.id, at: 1_300, offset: 0, text: 'Prix absent' });
    const page = await storeRecorderPage({ id: 'p1', url: `${SHOP}/produit/derby-cuir`, startedAt: 1_000 });

    const kept = await settleNewRecordedPage(await db(), page);
    expect(kept).toMatchObject({ id: 'p1', startedAt: 1_000, committedAt: 1_250, autoType: 'product', unrecorded: 'waiting' });
    expect(await getPage(await db(), made.id)).toBeUndefined();
    expect((await listEvidence(await db(), 'notes', 'v1')).map((n) => n.pageId)).toEqual(['p1']);

    await putChunk(await db(), chunk({ pageId: 'p1' }));
    await markPageRecorded(await db(), 'p1');
    expect((await getPage(await db(), 'p1'))?.unrecorded).toBeUndefined();
  });

  it('is recorded at once when its first batch was stored before it', async () => {
    await putChunk(await db(), chunk({ pageId: 'p2' }));
    const page = await storeRecorderPage({ id: 'p2', url: `${SHOP}/`, startedAt: 1_000 });
    expect((await settleNewRecordedPage(await db(), page)).unrecorded).toBeUndefined();
    expect((await getPage(await db(), 'p2'))?.unrecorded).toBeUndefined();
  });
});

describe('onTabRemoved', () => {
  it('ends the closed tab’s open pages, saying why a page has no recording', async () => {
    await onCommitted(commit('/', 1_000));
    await onTabRemoved(1, false, 1_800);
    expect(await journey()).toEqual(['/ home left-early 1000-1800']);
  });

  it('ends them with the last thing recorded of them when their window closes (the browser quitting)', async () => {
    const page = await storeRecorderPage({ id: 'p1', url: `${SHOP}/`, startedAt: 1_000, unrecorded: undefined });
    await putChunk(await db(), chunk({ pageId: page.id, firstTs: 1_000, lastTs: 4_200 }));
    await onTabRemoved(1, true, 60_000);
    expect((await getPage(await db(), 'p1'))?.endedAt).toBe(4_200);
  });
});

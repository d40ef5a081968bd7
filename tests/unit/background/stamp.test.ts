import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settleNewRecordedPage } from '../../../entrypoints/background/navigation';
import { currentPage, offsetOn, stamped, type Stamp } from '../../../entrypoints/background/stamp';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, putChunk, putVisit } from '../../../utils/db/repository';
import { ProtocolError } from '../../../utils/messaging/receive';
import { chunk, visit } from '../db/fixtures';
import { lookAt, storePage } from './support';

/**
 * Stamping: the page shown at a moment (the looked-at tab's newest page begun by then, else the
 * visit's) and the offset into that page's replay (from its first recorded event, else its start).
 */

const VISIT = visit({ tabIds: [1, 2] });
/** A write that hands its stamp back. */
const keep = (s: Stamp) => Promise.resolve(s);

beforeEach(async () => {
  fakeBrowser.reset();
  const d = await db();
  await putVisit(d, VISIT);
  // Tab 1: home then cart; tab 2: a product opened in between.
  await storePage({ id: 'home', tabId: 1, startedAt: 1_000, endedAt: 3_000 });
  await storePage({ id: 'product', tabId: 2, startedAt: 2_000 });
  await storePage({ id: 'cart', tabId: 1, startedAt: 3_000 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await deleteVisit(await db(), 'v1');
});

describe('stamped: the page shown at the moment', () => {
  it('is the looked-at tab’s newest page begun by then', async () => {
    lookAt(1);
    const d = await db();
    const s = await stamped(d, VISIT, 2_500, keep);
    expect(s.page.id).toBe('home');
    expect((await stamped(d, VISIT, 3_500, keep)).page.id).toBe('cart');
  });

  it('asks the browser for the active tab of the last focused window', async () => {
    const query = lookAt(1);
    await stamped(await db(), VISIT, 2_500, keep);
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
  });

  it('is the visit’s newest page begun by then when no tab of the visit is looked at', async () => {
    // The fake browser has no focused window: the query fails, and the visit's pages decide.
    expect((await stamped(await db(), VISIT, 2_500, keep)).page.id).toBe('product');
    lookAt(99);
    expect((await stamped(await db(), VISIT, 2_500, keep)).page.id).toBe('product');
  });

  it('is the visit’s newest page for a moment before any page began', async () => {
    expect((await stamped(await db(), VISIT, 500, keep)).page.id).toBe('cart');
  });

  it('is the page asked for when it still exists, whatever is shown', async () => {
    lookAt(1);
    expect((await stamped(await db(), VISIT, 3_500, keep, 'product')).page.id).toBe('product');
  });

  it('falls back to the page shown at the moment when the page asked for is gone (replaced)', async () => {
    lookAt(1);
    expect((await stamped(await db(), VISIT, 2_500, keep, 'replaced-commit-page')).page.id).toBe('home');
  });

  it('refuses a visit without any page yet', async () => {
    const empty = visit({ id: 'v-empty' });
    await putVisit(await db(), empty);
    try {
      const error = await stamped(await db(), empty, 2_000, keep).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).code).toBe('no-page-yet');
    } finally {
      await deleteVisit(await db(), 'v-empty');
    }
  });

  it('lets the write stamp other moments of the visit with `also`', async () => {
    lookAt(1);
    await putChunk(await db(), chunk({ pageId: 'home', seq: 0, firstTs: 1_100 }));
    const [now, earlier] = await stamped(await db(), VISIT, 3_500, async (s, also) => [s, await also(1_600)] as const);
    expect({ page: now.page.id, offset: now.offset }).toEqual({ page: 'cart', offset: 500 });
    expect({ page: earlier.page.id, offset: earlier.offset }).toEqual({ page: 'home', offset: 500 });
  });
});

describe('stamped: the offset into the page’s replay', () => {
  it('counts from the first recorded event of the page (its chunk 0)', async () => {
    lookAt(1);
    await putChunk(await db(), chunk({ pageId: 'home', seq: 0, firstTs: 1_200, lastTs: 2_000 }));
    expect((await stamped(await db(), VISIT, 2_500, keep)).offset).toBe(1_300);
  });

  it('counts from the page’s start while nothing of it is recorded, or only later chunks are', async () => {
    lookAt(1);
    expect((await stamped(await db(), VISIT, 2_500, keep)).offset).toBe(1_500);
    await putChunk(await db(), chunk({ pageId: 'home', seq: 1, firstTs: 1_800 }));
    expect((await stamped(await db(), VISIT, 2_500, keep)).offset).toBe(1_500);
  });

  it('is never negative (a moment before the first recorded event)', async () => {
    await putChunk(await db(), chunk({ pageId: 'home', seq: 0, firstTs: 1_400 }));
    expect((await stamped(await db(), VISIT, 1_200, keep, 'home')).offset).toBe(0);
  });
});

describe('offsetOn', () => {
  it('measures from chunk 0’s first event, else from the page’s start, rounded', async () => {
    const d = await db();
    const home = (await getPage(d, 'home'))!;
    expect(await offsetOn(d, home, 1_750.4)).toBe(750);
    await putChunk(d, chunk({ pageId: 'home', seq: 0, firstTs: 1_250 }));
    expect(await offsetOn(d, home, 1_750.6)).toBe(501);
  });
});

describe('stamped: writes run in order', () => {
  it('does not start a second write before the first one has finished', async () => {
    const d = await db();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = stamped(d, VISIT, 2_500, async () => {
      log.push('first starts');
      await gate;
      log.push('first ends');
    });
    const second = stamped(d, VISIT, 3_500, () => {
      log.push('second starts');
      return Promise.resolve();
    });
    // Let the queue run as far as it can while the first write is held.
    await new Promise((r) => setTimeout(r, 50));
    expect(log).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('waits for a page being replaced: the capture of the replaced page is stamped on the page that took its place', async () => {
    const d = await db();
    // The browser's commit made a page; the recorder's own page for that document arrives.
    await storePage({ id: 'commit-page', tabId: 1, url: 'https://shop.example/panier', startedAt: 4_000, source: 'navigation', unrecorded: 'waiting' });
    const recorder = await storePage({ id: 'recorder-page', tabId: 1, url: 'https://shop.example/panier', startedAt: 3_900, source: 'recorder', unrecorded: 'waiting' });
    lookAt(1);
    const replaced = settleNewRecordedPage(d, recorder);
    const s = await stamped(d, VISIT, 4_500, keep, 'commit-page');
    await replaced;
    expect(s.page.id).toBe('recorder-page');
    expect(await getPage(d, 'commit-page')).toBeUndefined();
  });

  it('keeps going after a write that failed', async () => {
    const d = await db();
    await expect(stamped(d, VISIT, 2_500, () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await stamped(d, VISIT, 2_500, () => Promise.resolve('next'))).toBe('next');
  });
});

describe('currentPage', () => {
  it('is the looked-at tab’s newest page now', async () => {
    lookAt(1);
    expect((await currentPage(await db(), VISIT)).id).toBe('cart');
    lookAt(2);
    expect((await currentPage(await db(), VISIT)).id).toBe('product');
  });
});

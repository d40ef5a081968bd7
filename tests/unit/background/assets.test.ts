import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureAssets, forgetAskedAssets, keepAll, type Job } from '../../../entrypoints/background/assets';
import { fetchAsset } from '../../../entrypoints/background/asset-fetch';
import { keepImage } from '../../../entrypoints/background/asset-image';
import { forgetTypedCache, rememberTyped } from '../../../entrypoints/background/privacy';
import { db } from '../../../utils/db/database';
import { getAsset, listVisitAssets } from '../../../utils/db/assets';
import { deleteVisit, getVisit, updateVisit } from '../../../utils/db/repository';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { installFakeCanvas, text } from './fake-canvas';
import { SHOP, storePage, tabsShow, withVisit } from './support';

/**
 * The shop's assets kept with the visit: listed by the page, fetched by the extension (a fake
 * `fetch` here), images re-encoded (a fake canvas), each address recorded once per visit.
 */

type Served = Record<string, { body: string | Uint8Array; type?: string; headers?: Record<string, string> }>;

/** A fake network: the addresses it serves, and the ones it was asked for, in order; at most `running.max` at once. */
function serve(files: Served, o: { refuse?: boolean } = {}) {
  const asked: string[] = [];
  const running = { now: 0, max: 0 };
  const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
    asked.push(url);
    expect(init?.credentials).toBe('omit');
    running.now++;
    running.max = Math.max(running.max, running.now);
    await new Promise((r) => setTimeout(r, 5));
    running.now--;
    if (o.refuse) throw new TypeError('Failed to fetch');
    const file = files[url];
    if (!file) return new Response('not found', { status: 404 });
    return new Response(file.body as BodyInit, { headers: { 'content-type': file.type ?? 'application/octet-stream', ...file.headers } });
  });
  vi.stubGlobal('fetch', fetcher);
  return { asked, running };
}

/** The capture script: injected, then asked; it answers with these assets. */
function pageLists(assets: unknown[], dpr = 2) {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { dpr, assets } } as never);
}

const permitted = (yes: boolean) => vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(yes as never);
const read = (id: string) => storePage({ id, url: `${SHOP}/${id}`, autoType: 'product', autoTypeReasons: ['ld+json Product'] });
const visitNow = async () => (await getVisit(await db(), 'v1'))!;
const uses = async () => Object.fromEntries((await listVisitAssets(await db(), 'v1')).map((u) => [u.url, u]));
const job = (url: string, over: Partial<Job> = {}): Job => ({ visitId: 'v1', pageId: 'p1', url, kind: 'image', width: 300, height: 225, dpr: 2, depth: 0, ...over });

withVisit();
beforeEach(() => {
  forgetAskedAssets();
  forgetTypedCache();
  permitted(true);
});

describe('captureAssets', () => {
  it('keeps what the page lists: images re-encoded at their displayed size × pixel ratio, a sheet with what it uses; trackers never fetched', async () => {
    tabsShow({ 1: { url: `${SHOP}/a1` } });
    const canvas = installFakeCanvas({ bitmap: { width: 1200, height: 900 } });
    const net = serve({
      [`${SHOP}/img/derby.jpg?w=1200`]: { body: 'jpeg bytes', type: 'image/jpeg' },
      [`${SHOP}/css/theme.css`]: { body: '@font-face{font-family:M;src:url(../fonts/m.woff2)} .hero{background:url(/img/hero.png)}', type: 'text/css' },
      [`${SHOP}/fonts/m.woff2`]: { body: 'woff2 bytes', type: 'application/octet-stream' },
      [`${SHOP}/img/hero.png`]: { body: 'png bytes', type: 'image/png' },
    });
    const ask = pageLists([
      { url: `${SHOP}/img/derby.jpg?w=1200`, kind: 'image', width: 300, height: 225 },
      { url: 'https://www.facebook.com/tr?id=1&ev=PageView', kind: 'image', width: 1, height: 1 },
      { url: `${SHOP}/css/theme.css`, kind: 'stylesheet' },
    ]);
    const page = await read('a1');
    await captureAssets(page, await visitNow(), 0, []);

    expect(ask).toHaveBeenCalledWith(1, { type: 'page/assets', maskSelectors: [], blockSelectors: [] }, { frameId: 0 });
    expect(net.asked).toEqual([`${SHOP}/img/derby.jpg?w=1200`, `${SHOP}/css/theme.css`, `${SHOP}/fonts/m.woff2`, `${SHOP}/img/hero.png`]);
    const used = await uses();
    // Kept under the address as the recording has it: no query.
    expect(Object.keys(used).sort()).toEqual([`${SHOP}/css/theme.css`, `${SHOP}/fonts/m.woff2`, `${SHOP}/img/derby.jpg`, `${SHOP}/img/hero.png`, 'https://www.facebook.com/tr']);
    expect(used['https://www.facebook.com/tr']).toMatchObject({ skipped: 'tracker', width: 1, height: 1 });
    const derby = await getAsset(await db(), used[`${SHOP}/img/derby.jpg`]!.hash!);
    expect([derby?.mime, derby?.width, derby?.height, text(derby!.data)]).toEqual(['image/webp', 600, 450, 'image/webp 600x450 q0.85']);
    expect(used[`${SHOP}/img/derby.jpg`]).toMatchObject({ kind: 'image', pageId: 'a1', width: 300, height: 225 });
    const font = await getAsset(await db(), used[`${SHOP}/fonts/m.woff2`]!.hash!);
    expect([font?.mime, text(font!.data)]).toEqual(['font/woff2', 'woff2 bytes']);
    expect(used[`${SHOP}/fonts/m.woff2`]?.kind).toBe('font');
    const sheet = await getAsset(await db(), used[`${SHOP}/css/theme.css`]!.hash!);
    expect(sheet?.mime).toBe('text/css');
    // Found in a sheet, the hero has no displayed size: kept at its own (the fake decodes to 1200×900).
    expect((await getAsset(await db(), used[`${SHOP}/img/hero.png`]!.hash!))?.width).toBe(1200);
    expect((await visitNow()).assetBytes).toBeGreaterThan(0);
    expect(canvas.bitmaps.every((b) => b.closed)).toBe(true);
  });

  it('fetches an address once per visit, whatever the pages that show it, two at a time', async () => {
    tabsShow({ 1: { url: `${SHOP}/a2` } });
    installFakeCanvas();
    const files: Served = {};
    for (let i = 0; i < 6; i++) files[`${SHOP}/p${i}.jpg`] = { body: `jpeg ${i}`, type: 'image/jpeg' };
    const net = serve(files);
    pageLists(Object.keys(files).map((url) => ({ url, kind: 'image', width: 100, height: 100 })));
    await captureAssets(await read('a2'), await visitNow(), 0, []);
    tabsShow({ 1: { url: `${SHOP}/a3` } });
    await captureAssets(await read('a3'), await visitNow(), 0, []);
    expect(net.asked).toHaveLength(6);
    expect(net.running.max).toBe(2);
    expect(Object.values(await uses()).every((u) => u.pageId === 'a2')).toBe(true);
  });

  it('asks nothing when the evaluator turned it off, or the page is no longer on screen', async () => {
    const ask = pageLists([]);
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, keepAssets: false });
    tabsShow({ 1: { url: `${SHOP}/a4` } });
    await captureAssets(await read('a4'), await visitNow(), 0, []);
    await saveSettings(fakeBrowser.storage.local, DEFAULT_SETTINGS);
    tabsShow({ 1: { url: `${SHOP}/elsewhere` } });
    await captureAssets(await read('a5'), await visitNow(), 0, []);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the page again later for what it loaded meanwhile, fetching only what is new, until the page ends', async () => {
    tabsShow({ 1: { url: `${SHOP}/a7` } });
    installFakeCanvas();
    const net = serve({ [`${SHOP}/top.svg`]: { body: '<svg>1</svg>', type: 'image/svg+xml' }, [`${SHOP}/below.svg`]: { body: '<svg>2</svg>', type: 'image/svg+xml' } });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const lists = [[`${SHOP}/top.svg`], [`${SHOP}/top.svg`, `${SHOP}/below.svg`]];
    const answer = async (_tab: number, message: { type: string }) => {
      const urls = message.type === 'page/assets' ? (lists.shift() ?? []) : [];
      // The evaluator leaves the page after its second answer.
      if (lists.length === 0) await storePage({ id: 'a7', url: `${SHOP}/a7`, autoType: 'product', autoTypeReasons: ['ld+json Product'], endedAt: 99 });
      return { ok: true, value: { dpr: 1, assets: urls.map((url) => ({ url, kind: 'image', width: 10, height: 10 })) } };
    };
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer as never);
    await captureAssets(await read('a7'), await visitNow(), 0, [5, 5, 5]);
    expect(net.asked).toEqual([`${SHOP}/top.svg`, `${SHOP}/below.svg`]);
    // The page ended after the second answer: not asked a third time.
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks nothing of a paused visit', async () => {
    const ask = pageLists([]);
    tabsShow({ 1: { url: `${SHOP}/a6` } });
    await captureAssets(await read('a6'), { ...(await visitNow()), status: 'paused' }, 0);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('keepAll', () => {
  it('records an address that carries a typed value as skipped, without fetching it, and without the value', async () => {
    await rememberTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'f1', value: 'Quenouillard', search: false }] });
    const net = serve({});
    await keepAll([job(`${SHOP}/bonjour/Quenouillard/banner.png`)]);
    expect(net.asked).toEqual([]);
    const [only] = Object.values(await uses());
    expect(only?.skipped).toBe('typed');
    expect(JSON.stringify(only)).not.toMatch(/quenouillard/i);
  });

  it('masks an echo of a typed value in a style sheet or an SVG before keeping it', async () => {
    await rememberTyped({ type: 'recorder/typed', visitId: 'v1', fields: [{ field: 'f1', value: 'Maëlys Quenouillard', search: false }] });
    serve({
      [`${SHOP}/css/hello.css`]: { body: '.hello::after{content:"Bonjour Maëlys Quenouillard"}', type: 'text/css' },
      [`${SHOP}/img/badge.svg`]: { body: '<svg><text>Quenouillard</text></svg>', type: 'image/svg+xml' },
    });
    await keepAll([job(`${SHOP}/css/hello.css`, { kind: 'stylesheet' }), job(`${SHOP}/img/badge.svg`)]);
    const used = await uses();
    const kept = await Promise.all([`${SHOP}/css/hello.css`, `${SHOP}/img/badge.svg`].map(async (u) => text((await getAsset(await db(), used[u]!.hash!))!.data)));
    expect(kept.join(' ')).not.toMatch(/quenouillard|maëlys/i);
    expect(kept[0]).toContain('.hello::after{content:"Bonjour ');
  });

  it('tells an origin it may not read from a failure, and records both', async () => {
    serve({}, { refuse: true });
    permitted(false);
    await keepAll([job('https://cdn.other.example/a.jpg')]);
    permitted(true);
    await keepAll([job(`${SHOP}/b.jpg`)]);
    const used = await uses();
    expect([used['https://cdn.other.example/a.jpg']?.skipped, used[`${SHOP}/b.jpg`]?.skipped]).toEqual(['not-permitted', 'failed']);
  });

  it('once the visit’s budget is reached, records new addresses as skipped without fetching them', async () => {
    await updateVisit(await db(), 'v1', (v) => ({ ...v, assetBudgetReachedAt: 5 }));
    const net = serve({ [`${SHOP}/c.jpg`]: { body: 'x', type: 'image/jpeg' } });
    await keepAll([job(`${SHOP}/c.jpg`)]);
    expect(net.asked).toEqual([]);
    expect((await uses())[`${SHOP}/c.jpg`]?.skipped).toBe('budget');
  });

  it('stores the same bytes once for two addresses', async () => {
    installFakeCanvas();
    serve({ [`${SHOP}/d.svg`]: { body: '<svg/>', type: 'image/svg+xml' }, [`${SHOP}/e.svg`]: { body: '<svg/>', type: 'image/svg+xml' } });
    await keepAll([job(`${SHOP}/d.svg`), job(`${SHOP}/e.svg`)]);
    const used = await uses();
    expect(used[`${SHOP}/d.svg`]?.hash).toBe(used[`${SHOP}/e.svg`]?.hash);
    expect((await visitNow()).assetBytes).toBe(6);
  });

  it('keeps nothing when the visit is deleted while an asset is fetched', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      await deleteVisit(await db(), 'v1');
      return new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } });
    }));
    await keepAll([job(`${SHOP}/late.svg`)]);
    expect([await (await db()).count('assets'), await (await db()).count('visitAssets')]).toEqual([0, 0]);
  });

  it('does not follow a redirect to a payment provider', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(Object.defineProperty(new Response('x', { headers: { 'content-type': 'image/png' } }), 'url', { value: 'https://js.stripe.com/v3/a.png' }))));
    await keepAll([job(`${SHOP}/pay.png`)]);
    expect((await uses())[`${SHOP}/pay.png`]?.skipped).toBe('payment');
  });
});

describe('fetchAsset', () => {
  it('refuses what is larger than the limit, by its declared length or as it reads', async () => {
    const declared = vi.fn(() => Promise.resolve(new Response('0123456789', { headers: { 'content-length': '10' } })));
    expect(await fetchAsset('https://s.example/a', true, 5, 1000, declared as typeof fetch)).toBe('too-large');
    const streamed = vi.fn(() => Promise.resolve(new Response(new Blob(['0123456789']).stream())));
    expect(await fetchAsset('https://s.example/a', true, 5, 1000, streamed as typeof fetch)).toBe('too-large');
    const small = vi.fn(() => Promise.resolve(new Response('0123', { headers: { 'content-type': 'Font/WOFF2; charset=x' } })));
    expect(await fetchAsset('https://s.example/a', true, 5, 1000, small as typeof fetch)).toMatchObject({ mime: 'font/woff2', url: 'https://s.example/a' });
  });

  it('gives up on a server that does not answer in time, or answers an error', async () => {
    const never = vi.fn((_url: string, init?: RequestInit) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    expect(await fetchAsset('https://s.example/a', false, 5, 10, never as typeof fetch)).toBe('failed');
    const error = vi.fn(() => Promise.resolve(new Response('no', { status: 500 })));
    expect(await fetchAsset('https://s.example/a', true, 5, 1000, error as typeof fetch)).toBe('failed');
  });
});

describe('keepImage', () => {
  it('keeps an image already no larger than needed as it came, when re-encoding would not make it lighter', async () => {
    installFakeCanvas({ bitmap: { width: 100, height: 50 } });
    const bytes = new TextEncoder().encode('gif');
    expect(await keepImage(bytes, 'image/gif', { width: 100, height: 50 }, 1)).toEqual({ data: bytes, mime: 'image/gif', width: 100, height: 50 });
  });

  it('keeps an SVG as text, never decoded, and finds a pixel by its decoded size', async () => {
    const canvas = installFakeCanvas({ bitmap: { width: 1, height: 1 } });
    const svg = new TextEncoder().encode('<svg><script>alert(1)</script></svg>');
    expect(await keepImage(svg, 'image/svg+xml', undefined, 1)).toEqual({ data: svg, mime: 'image/svg+xml' });
    expect(canvas.decoded).toEqual([]);
    expect(await keepImage(new TextEncoder().encode('gif'), 'image/gif', undefined, 1)).toBe('tracker');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureAssets, forgetAskedAssets, keepAll, type Job } from '../../../entrypoints/background/assets';
import { readFromPage } from '../../../entrypoints/background/asset-read';
import { readCached } from '../../../utils/assets/read-cached';
import { toBase64 } from '../../../utils/recording/codec';
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
 * The shop's assets kept with the visit: listed by the page, read by the page from the browser's
 * cache (the real page-side reader over a fake cache here), images re-encoded (a fake canvas), each
 * address recorded once per visit. Nothing is ever fetched by the extension itself.
 */

type Cached = { body: string | Uint8Array; type?: string; headers?: Record<string, string>; status?: number; finalUrl?: string };
type Served = Record<string, Cached>;

/** What the page lists for `page/assets`. */
let listed: { dpr: number; assets: unknown[] } = { dpr: 2, assets: [] };
/** The fake cache the page reads, and a hook run while a read is under way. */
let cached: Served = {};
let during: (() => Promise<void>) | undefined;
const reads = { asked: [] as string[], now: 0, max: 0 };

/** The page's fetch: the browser's cache only, as `only-if-cached` in the page's partition does. */
const cacheFetch = vi.fn(async (url: string, init?: RequestInit) => {
  expect([init?.cache, init?.mode]).toEqual(['only-if-cached', 'same-origin']);
  reads.asked.push(url);
  reads.now++;
  reads.max = Math.max(reads.max, reads.now);
  await new Promise((r) => setTimeout(r, 5));
  reads.now--;
  await during?.();
  const file = cached[url];
  if (!file) throw new TypeError('Failed to fetch'); // not in the cache: no request is made
  const response = new Response(file.body as BodyInit, { status: file.status ?? 200, headers: { 'content-type': file.type ?? 'application/octet-stream', ...file.headers } });
  return file.finalUrl ? Object.defineProperty(response, 'url', { value: file.finalUrl }) : response;
});

/** The capture script in the shop's tab: lists `listed`, reads from `cached` through the real reader. */
async function capturePage(_tab: number, message: { type: string; url?: string; maxBytes?: number }): Promise<unknown> {
  if (message.type === 'page/assets') return { ok: true, value: listed };
  if (message.type === 'page/asset-read') {
    const encode = async (blob: Blob) => toBase64(new Uint8Array(await blob.arrayBuffer()));
    return { ok: true, value: await readCached(message.url!, message.maxBytes!, { origin: SHOP, fetcher: cacheFetch as typeof fetch, encode }) };
  }
  return undefined;
}

/** The browser's cache for the shop's page: what it holds; returns the addresses read, in order, and the most at once. */
function serve(files: Served) {
  cached = files;
  return { asked: reads.asked, running: reads };
}

/** The page lists these assets; returns the spy of every message to the page. */
function pageLists(assets: unknown[], dpr = 2) {
  listed = { dpr, assets };
  return vi.mocked(fakeBrowser.tabs.sendMessage);
}

/** The messages of one type sent to the page. */
const sent = (type: string) => vi.mocked(fakeBrowser.tabs.sendMessage).mock.calls.filter((c) => (c[1] as { type: string }).type === type);

const read = (id: string) => storePage({ id, url: `${SHOP}/${id}`, autoType: 'product', autoTypeReasons: ['ld+json Product'] });
const visitNow = async () => (await getVisit(await db(), 'v1'))!;
const uses = async () => Object.fromEntries((await listVisitAssets(await db(), 'v1')).map((u) => [u.url, u]));
const job = (url: string, over: Partial<Job> = {}): Job => ({ visitId: 'v1', pageId: 'p1', tabId: 1, url, kind: 'image', width: 300, height: 225, dpr: 2, depth: 0, ...over });

withVisit();
beforeEach(() => {
  forgetAskedAssets();
  forgetTypedCache();
  listed = { dpr: 2, assets: [] };
  cached = {};
  during = undefined;
  Object.assign(reads, { asked: [], now: 0, max: 0 });
  cacheFetch.mockClear();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(capturePage as never);
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
    // Each read by the page in the shop's tab, the tracker never asked for.
    expect(sent('page/asset-read').map((c) => [c[0], (c[1] as { url: string }).url])).toEqual(net.asked.map((u) => [1, u]));
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
    const lists = [[`${SHOP}/top.svg`], [`${SHOP}/top.svg`, `${SHOP}/below.svg`]];
    const answer = async (tab: number, message: { type: string }) => {
      if (message.type !== 'page/assets') return capturePage(tab, message);
      const urls = lists.shift() ?? [];
      // The evaluator leaves the page after its second answer.
      if (lists.length === 0) await storePage({ id: 'a7', url: `${SHOP}/a7`, autoType: 'product', autoTypeReasons: ['ld+json Product'], endedAt: 99 });
      return { ok: true, value: { dpr: 1, assets: urls.map((url) => ({ url, kind: 'image', width: 10, height: 10 })) } };
    };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer as never);
    await captureAssets(await read('a7'), await visitNow(), 0, [5, 5, 5]);
    expect(net.asked).toEqual([`${SHOP}/top.svg`, `${SHOP}/below.svg`]);
    // The page ended after the second answer: not asked a third time.
    expect(sent('page/assets')).toHaveLength(2);
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

  it('records another site’s asset, one the browser does not hold, an error kept in the cache and a page gone, each with its reason, without any request', async () => {
    serve({ [`${SHOP}/err.jpg`]: { body: 'no', status: 500 } });
    await keepAll([job('https://cdn.other.example/a.jpg'), job(`${SHOP}/b.jpg`), job(`${SHOP}/err.jpg`)]);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('No tab with id: 1'));
    await keepAll([job(`${SHOP}/gone.jpg`)]);
    const used = await uses();
    expect([`https://cdn.other.example/a.jpg`, `${SHOP}/b.jpg`, `${SHOP}/err.jpg`, `${SHOP}/gone.jpg`].map((u) => used[u]?.skipped)).toEqual(['other-site', 'not-cached', 'failed', 'failed']);
    // Another site's address is not even asked of the cache.
    expect(cacheFetch.mock.calls.map((c) => c[0])).toEqual([`${SHOP}/b.jpg`, `${SHOP}/err.jpg`]);
  });

  it('reads again on a later page what was not read yet (the page left mid-read, or the copy was still arriving), and keeps where it was first seen', async () => {
    installFakeCanvas();
    serve({});
    await keepAll([job(`${SHOP}/late.svg`), job(`${SHOP}/lazy.svg`)]);
    expect(Object.values(await uses()).map((u) => u.skipped)).toEqual(['not-cached', 'not-cached']);
    serve({ [`${SHOP}/late.svg`]: { body: '<svg/>', type: 'image/svg+xml' } });
    await keepAll([job(`${SHOP}/late.svg`, { pageId: 'p2' }), job(`${SHOP}/lazy.svg`, { pageId: 'p2' })]);
    const used = await uses();
    expect([used[`${SHOP}/late.svg`]?.hash !== undefined, used[`${SHOP}/late.svg`]?.pageId, used[`${SHOP}/lazy.svg`]?.skipped]).toEqual([true, 'p1', 'not-cached']);
    // Once kept, never read again.
    await keepAll([job(`${SHOP}/late.svg`, { pageId: 'p3' })]);
    expect(reads.asked.filter((u) => u === `${SHOP}/late.svg`)).toHaveLength(2);
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

  it('keeps nothing when the visit is deleted while an asset is read', async () => {
    serve({ [`${SHOP}/late.svg`]: { body: '<svg/>', type: 'image/svg+xml' } });
    during = async () => deleteVisit(await db(), 'v1');
    await keepAll([job(`${SHOP}/late.svg`)]);
    expect([await (await db()).count('assets'), await (await db()).count('visitAssets')]).toEqual([0, 0]);
  });

  it('does not keep what the cache holds as a redirect to a payment provider', async () => {
    serve({ [`${SHOP}/pay.png`]: { body: 'x', type: 'image/png', finalUrl: 'https://js.stripe.com/v3/a.png' } });
    await keepAll([job(`${SHOP}/pay.png`)]);
    expect((await uses())[`${SHOP}/pay.png`]?.skipped).toBe('payment');
  });
});

describe('readCached (the page side)', () => {
  const encode = async (blob: Blob) => toBase64(new Uint8Array(await blob.arrayBuffer()));
  const from = (response: Response) => vi.fn(() => Promise.resolve(response)) as unknown as typeof fetch;

  it('refuses what is larger than the limit, by its declared length or its size', async () => {
    const o = { origin: 'https://s.example', encode };
    expect(await readCached('https://s.example/a', 5, { ...o, fetcher: from(new Response('0123456789', { headers: { 'content-length': '10' } })) })).toEqual({ skipped: 'too-large' });
    expect(await readCached('https://s.example/a', 5, { ...o, fetcher: from(new Response(new Blob(['0123456789']).stream())) })).toEqual({ skipped: 'too-large' });
    const small = await readCached('https://s.example/a', 5, { ...o, fetcher: from(new Response('0123', { headers: { 'content-type': 'Font/WOFF2; charset=x' } })) });
    expect(small).toEqual({ data: btoa('0123'), mime: 'font/woff2', url: 'https://s.example/a' });
  });

  it('reads only its own origin’s addresses, from the cache only, and tells a miss from an error', async () => {
    const fetcher = vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await readCached('https://cdn.example/a', 5, { origin: 'https://s.example', fetcher, encode })).toEqual({ skipped: 'other-site' });
    expect(fetcher).not.toHaveBeenCalled();
    expect(await readCached('https://s.example/a', 5, { origin: 'https://s.example', fetcher, encode })).toEqual({ skipped: 'not-cached' });
    expect(fetcher).toHaveBeenCalledWith('https://s.example/a', expect.objectContaining({ cache: 'only-if-cached', mode: 'same-origin' }));
    expect(await readCached('https://s.example/a', 5, { origin: 'https://s.example', fetcher: from(new Response('x', { status: 404 })), encode })).toEqual({ skipped: 'failed' });
    expect(await readCached('not a url', 5, { origin: 'https://s.example', fetcher, encode })).toEqual({ skipped: 'failed' });
  });
});

describe('readFromPage', () => {
  it('takes the page’s bytes within the limit, and nothing from a malformed answer or a page that does not answer', async () => {
    const answer = (value: unknown) => vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value } as never);
    answer({ data: btoa('abcd'), mime: 'image/png', url: `${SHOP}/a.png` });
    const ok = await readFromPage(1, `${SHOP}/a.png`, 10);
    expect(typeof ok === 'object' && [new TextDecoder().decode(ok.bytes), ok.mime, ok.url]).toEqual(['abcd', 'image/png', `${SHOP}/a.png`]);
    // Longer than the page was allowed to send, not base64, an unknown reason, no answer in time.
    for (const value of [{ data: btoa('0123456789abcdef'), mime: 'image/png', url: `${SHOP}/a.png` }, { data: 'ab$=', mime: 'x', url: `${SHOP}/a` }, { skipped: 'whatever' }]) {
      answer(value);
      expect(await readFromPage(1, `${SHOP}/a.png`, 10)).toBe('failed');
    }
    answer({ skipped: 'not-cached' });
    expect(await readFromPage(1, `${SHOP}/a.png`, 10)).toBe('not-cached');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise(() => undefined) as never);
    expect(await readFromPage(1, `${SHOP}/a.png`, 10, 10)).toBe('failed');
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

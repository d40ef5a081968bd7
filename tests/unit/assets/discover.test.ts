// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { discoverAssets } from '../../../utils/assets/discover';
import { parseAssetsRequest, parsePageAssets } from '../../../utils/messaging/capture-page';

/** A page at the shop's address; scripts and sub-resources are not loaded. */
function pageOf(body: string, head = ''): Document {
  const window = new Window({
    url: 'https://shop.example/produit/derby',
    width: 1280,
    height: 800,
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

/** Gives an element the box the browser would have laid out. */
function box(doc: Document, selector: string, width: number, height: number): void {
  for (const el of doc.querySelectorAll(selector)) {
    el.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });
  }
}

const none = { maskSelectors: [], blockSelectors: [] };

describe('discoverAssets', () => {
  it('lists images by the address shown, at their displayed size, with the page’s pixel ratio', async () => {
    const doc = pageOf('<main><img class="p" src="/img/derby-600.jpg" alt="Derby"><picture><source srcset="/img/b.webp" type="image/webp"><img class="q" src="https://cdn.shop.example/b.jpg"></picture></main>');
    box(doc, 'img.p', 300, 200);
    box(doc, 'img.q', 120, 80);
    const found = await discoverAssets(doc, none);
    expect(found.dpr).toBe(1);
    expect(found.assets).toEqual([
      { url: 'https://shop.example/img/derby-600.jpg', kind: 'image', width: 300, height: 200 },
      { url: 'https://cdn.shop.example/b.jpg', kind: 'image', width: 120, height: 80 },
    ]);
  });

  it('lists style sheets, background images of rendered elements, and font faces of readable sheets', async () => {
    const doc = pageOf(
      '<div class="hero">Soldes</div><p>Texte</p>',
      `<link rel="stylesheet" href="/css/theme.css?v=2"><link rel="preload" href="/other.css"><link rel="STYLESHEET alternate" href="https://cdn.shop.example/alt.css">
       <style>
         .hero { background-image: url("/img/hero.jpg"); }
         @font-face { font-family: "Marque"; src: url(/fonts/marque.woff2) format("woff2"), url(/fonts/marque.woff) format("woff"); }
       </style>`,
    );
    box(doc, '.hero', 1280, 400);
    const urls = (await discoverAssets(doc, none)).assets;
    expect(urls).toEqual([
      { url: 'https://shop.example/css/theme.css?v=2', kind: 'stylesheet' },
      { url: 'https://cdn.shop.example/alt.css', kind: 'stylesheet' },
      { url: 'https://shop.example/img/hero.jpg', kind: 'image', width: 1280, height: 400 },
      { url: 'https://shop.example/fonts/marque.woff2', kind: 'font' },
    ]);
  });

  it('leaves out what is inside masked or blocked zones: the recorder’s, the shop’s markers, the visit’s rules', async () => {
    const doc = pageOf(
      `<img src="/a.jpg"><div class="rr-block"><img src="/b.jpg"></div><div data-hj-suppress><img src="/c.jpg"></div>
       <div contenteditable="true"><img src="/d.jpg"></div><section class="account"><img src="/e.jpg"><span class="bg" style="background-image:url(/f.jpg)"></span></section>
       <aside id="perso"><img src="/g.jpg"></aside>`,
    );
    box(doc, 'img, span', 50, 50);
    const found = await discoverAssets(doc, { maskSelectors: ['.account', 'p['], blockSelectors: ['#perso'] });
    expect(found.assets.map((a) => a.url)).toEqual(['https://shop.example/a.jpg']);
  });

  it('leaves out data: and blob: addresses, and hidden images unless they are real pictures', async () => {
    const doc = pageOf(
      `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="blob:https://shop.example/1"><img class="shown" src="/ok.png">
       <img class="gone" style="display:none" src="/hidden.png">`,
    );
    box(doc, 'img.shown', 10, 10);
    expect((await discoverAssets(doc, none)).assets.map((a) => a.url)).toEqual(['https://shop.example/ok.png']);
  });

  it('lists a video’s poster and an image button at their size, not the video', async () => {
    const doc = pageOf('<video poster="/img/poster.jpg" src="/v.mp4"></video><form><input type="image" src="/img/ok.png"></form><video poster="/img/none.jpg"></video>');
    box(doc, 'video:first-child, input', 640, 360);
    expect((await discoverAssets(doc, none)).assets).toEqual([
      { url: 'https://shop.example/img/poster.jpg', kind: 'image', width: 640, height: 360 },
      { url: 'https://shop.example/img/ok.png', kind: 'image', width: 640, height: 360 },
    ]);
  });

  it('gives each address once, and no more than asked', async () => {
    const doc = pageOf(Array.from({ length: 30 }, (_, i) => `<img src="/p${i % 10}.jpg">`).join(''));
    box(doc, 'img', 20, 20);
    expect((await discoverAssets(doc, none)).assets).toHaveLength(10);
    expect((await discoverAssets(doc, { ...none, max: 4 })).assets).toHaveLength(4);
  });

  it('gives the page turns while it reads many elements', async () => {
    const doc = pageOf('<div></div>'.repeat(1200));
    let turns = 0;
    await discoverAssets(doc, { ...none, pause: () => Promise.resolve(void turns++) });
    expect(turns).toBe(2);
  });

  it('answers what the guard takes', async () => {
    const doc = pageOf('<img src="/a.jpg">');
    box(doc, 'img', 5, 5);
    const found = await discoverAssets(doc, none);
    expect(parsePageAssets(JSON.parse(JSON.stringify(found)))).toEqual(found);
  });
});

describe('the assets question and answer', () => {
  it('takes a well-formed question and refuses a malformed one', () => {
    expect(parseAssetsRequest({ type: 'page/assets', maskSelectors: ['.a'], blockSelectors: [], extra: 1 })).toEqual({
      type: 'page/assets',
      maskSelectors: ['.a'],
      blockSelectors: [],
    });
    expect(parseAssetsRequest({ type: 'page/assets', maskSelectors: [1], blockSelectors: [] })).toBeUndefined();
    expect(parseAssetsRequest({ type: 'page/texts', maskSelectors: [], blockSelectors: [] })).toBeUndefined();
  });

  it('takes http(s) assets of the known kinds, with both sizes or none, and refuses anything else whole', () => {
    const ok = { dpr: 2, assets: [{ url: 'https://s.example/a.jpg', kind: 'image', width: 3, height: 4, extra: 1 }, { url: 'http://s.example/f.woff2', kind: 'font' }] };
    expect(parsePageAssets(ok)).toEqual({ dpr: 2, assets: [{ url: 'https://s.example/a.jpg', kind: 'image', width: 3, height: 4 }, { url: 'http://s.example/f.woff2', kind: 'font' }] });
    expect(parsePageAssets({ ...ok, dpr: 0 })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: [{ url: 'javascript:alert(1)', kind: 'image' }] })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: [{ url: 'https://s.example/a', kind: 'video' }] })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: [{ url: 'https://s.example/a', kind: 'image', width: 3 }] })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: [{ url: 'https://s.example/a', kind: 'image', width: -1, height: 2 }] })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: new Array(2001).fill({ url: 'https://s.example/a', kind: 'font' }) })).toBeUndefined();
    expect(parsePageAssets({ dpr: 1, assets: [{ url: `https://s.example/${'a'.repeat(8200)}`, kind: 'font' }] })).toBeUndefined();
  });
});

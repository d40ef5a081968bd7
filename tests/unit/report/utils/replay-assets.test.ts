// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shop.test/fr/produits/"}
import { snapshot } from 'rrweb-snapshot';
import { describe, expect, it } from 'vitest';
import { placeholderImage } from '../../../../utils/report/asset-placeholder';
import { dataUrlOf, lookupIn, noAssets, rewriteAssets, type AssetAnswer, type AssetCopy } from '../../../../utils/report/replay-assets';
import type { ReplayEvent } from '../../../../utils/report/replay-events';

const T0 = Date.UTC(2026, 11, 7, 9);
const PAGE = 'https://shop.test/fr/produits/';
const bytes = (text: string) => new TextEncoder().encode(text);
const image = (name: string): AssetCopy => ({ kind: 'image', mime: 'image/webp', bytes: bytes(`img:${name}`) });
const font = (name: string): AssetCopy => ({ kind: 'font', mime: 'font/woff2', bytes: bytes(`font:${name}`) });
const sheet = (css: string): AssetCopy => ({ kind: 'stylesheet', mime: 'text/css', bytes: bytes(css) });
const url = (copy: AssetCopy) => dataUrlOf(copy);

/** The page as rrweb records it: Meta, then the full snapshot of the (happy-dom) document. */
function recordPage(html: string, href = PAGE): ReplayEvent[] {
  document.documentElement.innerHTML = html;
  const node = snapshot(document, { inlineStylesheet: true });
  return [
    { type: 4, timestamp: T0, data: { href, width: 1280, height: 800 } },
    { type: 2, timestamp: T0, data: { node, initialOffset: { top: 0, left: 0 } } },
  ];
}

/** The element of a rewritten full snapshot whose attribute `name` was `value` before (same ids). */
function find(events: readonly ReplayEvent[], test: (n: Node) => boolean): Node {
  const stack: unknown[] = events.filter((e) => e.type === 2).map((e) => (e.data as { node: unknown }).node);
  while (stack.length) {
    const n = stack.pop() as Node;
    if (test(n)) return n;
    stack.push(...(n.childNodes ?? []));
  }
  throw new Error('no such node');
}
type Node = { id: number; tagName?: string; attributes?: Record<string, unknown>; childNodes?: Node[]; textContent?: string };
const byTag = (events: readonly ReplayEvent[], tag: string) => find(events, (n) => n.tagName === tag);

/** Every http(s) address left in the events (outside `data:` URLs), the pages' own aside. */
const shopAddresses = (events: readonly ReplayEvent[]) =>
  JSON.stringify(events.filter((e) => e.type !== 4))
    .replace(/data:[^"\\)\s,]*/g, '')
    .match(/https?:\/\/[^"\\)\s,]*/g) ?? [];

describe('rewriteAssets', () => {
  it('points images, srcset candidates, style attributes and <source> at their copies, resolved against the page', () => {
    const events = recordPage(
      `<head></head><body><img src="p/1.jpg" srcset="p/1.jpg 1x, p/2.jpg 2x" width="200" height="100"><div style="background-image:url('../b.png')"></div><picture><source srcset="/s.webp 400w" sizes="50vw"></picture></body>`,
    );
    const copies = new Map<string, AssetAnswer>([
      [`${PAGE}p/1.jpg`, image('1')],
      [`${PAGE}p/2.jpg`, image('2')],
      ['https://shop.test/fr/b.png', image('b')],
      ['https://shop.test/s.webp', image('s')],
    ]);
    const out = rewriteAssets(events, lookupIn(copies));
    expect(byTag(out, 'img').attributes).toMatchObject({ src: url(image('1')), srcset: `${url(image('1'))} 1x, ${url(image('2'))} 2x`, width: '200' });
    expect(byTag(out, 'div').attributes!.style).toBe(`background-image:url("${url(image('b'))}")`);
    expect(byTag(out, 'source').attributes).toEqual({ srcset: `${url(image('s'))} 400w`, sizes: '50vw' });
    expect(shopAddresses(out)).toEqual([]);
  });

  it('makes an image not kept a placeholder of its size: the capture’s first, else its attributes', () => {
    const events = recordPage(`<body><img id="a" src="/a.jpg" width="320" height="240"><img id="b" src="/b.jpg" width="80" height="60"></body>`);
    const out = rewriteAssets(events, lookupIn(new Map([['https://shop.test/b.jpg', { missing: true, width: 640, height: 480 }]])));
    expect(find(out, (n) => n.attributes?.id === 'a').attributes!.src).toBe(placeholderImage(320, 240));
    expect(find(out, (n) => n.attributes?.id === 'b').attributes!.src).toBe(placeholderImage(640, 480));
    expect(decodeURIComponent(placeholderImage(320, 240))).toContain('width="320" height="240"');
  });

  it('drops the srcset candidates that were not kept, and srcset when none was', () => {
    const events = recordPage(`<body><img id="a" src="/a.jpg" srcset="/a.jpg 1x, /a2.jpg 2x"><img id="c" src="/c.jpg" srcset="/c.jpg 1x"></body>`);
    const out = rewriteAssets(events, lookupIn(new Map([['https://shop.test/a2.jpg', image('a2')]])));
    const [first, second] = [find(out, (n) => n.attributes?.id === 'a'), find(out, (n) => n.attributes?.id === 'c')];
    expect(first.attributes!.srcset).toBe(`${url(image('a2'))} 2x`);
    expect(second.attributes!.srcset).toBe('');
    expect(second.attributes!.src).toBe(placeholderImage());
    expect(shopAddresses(out)).toEqual([]);
  });

  it('gives an <img> known only by its srcset, none of it kept, a placeholder of its size', () => {
    const events = recordPage(`<body><img srcset="/only.jpg 1x, /only@2x.jpg 2x"><img srcset="/kept.jpg 1x"></body>`);
    const out = rewriteAssets(events, lookupIn(new Map<string, AssetAnswer>([['https://shop.test/only.jpg', { missing: true, width: 50, height: 60 }], ['https://shop.test/kept.jpg', image('k')]])));
    expect(find(out, (n) => n.tagName === 'img' && n.attributes?.srcset === '').attributes).toEqual({ srcset: '', src: placeholderImage(50, 60) });
    expect(find(out, (n) => n.tagName === 'img' && n.attributes?.srcset !== '').attributes).toEqual({ srcset: `${url(image('k'))} 1x` });
  });

  it('rewrites the url()s of inlined sheets, <style> text and @font-face, dropping a font not kept', () => {
    const events = recordPage(
      `<head><style>body{background:url(img/bg.png)} @font-face{font-family:Shop;src:url(/f/a.woff2) format("woff2"), url(/f/a.woff) format("woff"), local("Arial")} @font-face{font-family:Gone;src:url(/f/gone.woff2)}</style></head><body></body>`,
    );
    const out = rewriteAssets(events, lookupIn(new Map([[`${PAGE}img/bg.png`, image('bg')], ['https://shop.test/f/a.woff', font('a')]])));
    const css = String(byTag(out, 'style').attributes!._cssText);
    expect(css).toContain(`background: url("${url(image('bg'))}")`);
    expect(css).toContain(`src: url("${url(font('a'))}") format("woff"), local("Arial")`);
    expect(css).toMatch(/font-family: Gone;\s*\}/);
    expect(shopAddresses(out)).toEqual([]);
  });

  it('turns a <link> to a stored sheet into its text, its own addresses resolved against the sheet', () => {
    const events = recordPage(`<head><link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/gone.css"><link rel="preload" as="font" href="/f/x.woff2"></head><body></body>`);
    const copies = new Map<string, AssetAnswer>([
      ['https://shop.test/css/site.css', sheet('@charset "utf-8"; @import "parts/more.css" screen; .logo{background:url(../img/logo.svg)}')],
      ['https://shop.test/css/parts/more.css', sheet('h1{background:url("h.png")}')],
      ['https://shop.test/img/logo.svg', image('logo')],
    ]);
    const out = rewriteAssets(events, lookupIn(copies));
    const links = find(out, (n) => n.tagName === 'link' && '_cssText' in (n.attributes ?? {}));
    const css = String(links.attributes!._cssText);
    expect(links.attributes).not.toHaveProperty('href');
    expect(links.attributes).not.toHaveProperty('rel');
    expect(css).toContain(`.logo{background:url("${url(image('logo'))}")}`);
    expect(css).toMatch(/@media screen \{\s*h1\{background:url\("data:image\/svg\+xml,[^"]+"\)\}\s*\}/);
    expect(css).not.toContain('@charset');
    expect(find(out, (n) => n.tagName === 'link' && n.attributes?.rel === 'stylesheet').attributes).toEqual({ rel: 'stylesheet' });
    expect(find(out, (n) => n.tagName === 'link' && n.attributes?.rel === 'preload').attributes).toEqual({ rel: 'preload', as: 'font' });
    expect(shopAddresses(out)).toEqual([]);
  });

  it('follows the page’s <base> for relative addresses', () => {
    const events: ReplayEvent[] = [
      { type: 4, timestamp: T0, data: { href: 'https://shop.test/a/b', width: 800, height: 600 } },
      { type: 2, timestamp: T0, data: { node: el(1, 'html', {}, [el(2, 'base', { href: '/cdn/' }), el(3, 'img', { src: 'x.png' })]) } },
    ];
    const out = rewriteAssets(events, lookupIn(new Map([['https://shop.test/cdn/x.png', image('x')]])));
    expect(byTag(out, 'img').attributes!.src).toBe(url(image('x')));
  });

  it('rewrites what mutations add or change later: images, style text, style diffs, a link loaded late', () => {
    const events: ReplayEvent[] = [
      ...recordPage(`<head><style id="s">p{}</style></head><body><img id="late" src="data:," width="10" height="20"></body>`),
    ];
    const img = byTag(events, 'img').id;
    const style = byTag(events, 'style').id;
    const head = byTag(events, 'head').id;
    const body = byTag(events, 'body').id;
    events.push(
      mutation({ adds: [{ parentId: body, nextId: null, node: el(900, 'div', {}, [el(901, 'img', { src: '/new.jpg', srcset: '/new.jpg 1x', width: '30', height: '40' })]) }] }),
      mutation({ adds: [{ parentId: style, nextId: null, node: { type: 3, id: 902, textContent: 'a{cursor:url(/c.png),auto}' } }] }),
      mutation({ texts: [{ id: 902, value: 'b{background:url(/t.png)}' }] }),
      mutation({ attributes: [{ id: img, attributes: { src: '/swap.jpg' } }] }),
      mutation({ attributes: [{ id: 901, attributes: { style: { 'background-image': ['url(/d.png)', 'important'], color: 'red', margin: false } } }] }),
      mutation({ adds: [{ parentId: head, nextId: null, node: el(903, 'link', { rel: 'stylesheet', href: '/late.css' }) }] }),
      mutation({ attributes: [{ id: 903, attributes: { href: '/later.css' } }] }),
      mutation({ attributes: [{ id: 4242, attributes: { src: '/unseen.jpg' } }] }),
    );
    const copies = new Map<string, AssetAnswer>([
      ['https://shop.test/new.jpg', image('new')],
      ['https://shop.test/t.png', image('t')],
      ['https://shop.test/later.css', sheet('i{background:url(/i.png)}')],
    ]);
    const out = rewriteAssets(events, lookupIn(copies));
    const m = (i: number) => out[2 + i]!.data as { adds: { node: Node }[]; texts: { value: string }[]; attributes: { attributes: Record<string, unknown> }[] };
    expect(m(0).adds[0]!.node.childNodes![0]!.attributes).toMatchObject({ src: url(image('new')), srcset: `${url(image('new'))} 1x` });
    expect(m(1).adds[0]!.node.textContent).toBe(`a{cursor:url("${placeholderImage()}"),auto}`);
    expect(m(2).texts[0]!.value).toBe(`b{background:url("${url(image('t'))}")}`);
    expect(m(3).attributes[0]!.attributes.src).toBe(placeholderImage(10, 20));
    expect(m(4).attributes[0]!.attributes.style).toEqual({ 'background-image': [`url("${placeholderImage()}")`, 'important'], color: 'red', margin: false });
    expect(m(5).adds[0]!.node.attributes).toEqual({ rel: 'stylesheet' });
    expect(m(6).attributes[0]!.attributes).toEqual({ href: null, rel: null, _cssText: `i{background:url("${placeholderImage()}")}` });
    expect(m(7).attributes[0]!.attributes).toEqual({ src: placeholderImage() });
    expect(shopAddresses(out)).toEqual([]);
  });

  it('rewrites style sheet rule events: inserted rules, replace, declarations, adopted sheets', () => {
    const events: ReplayEvent[] = [
      { type: 4, timestamp: T0, data: { href: PAGE, width: 800, height: 600 } },
      { type: 3, timestamp: T0 + 1, data: { source: 8, id: 5, adds: [{ rule: '.a{background:url(a.png)}', index: 0 }], removes: [{ index: 1 }] } },
      { type: 3, timestamp: T0 + 2, data: { source: 8, styleId: 1, replaceSync: '@font-face{font-family:F;src:url(/f.woff2)}' } },
      { type: 3, timestamp: T0 + 3, data: { source: 13, id: 5, index: [0], set: { property: 'background', value: 'url("a.png")', priority: '' } } },
      { type: 3, timestamp: T0 + 4, data: { source: 15, id: 1, styleIds: [2], styles: [{ styleId: 2, rules: [{ rule: '.b{background:url(https://cdn.shop.test/b.png)}' }] }] } },
    ];
    const out = rewriteAssets(events, lookupIn(new Map([[`${PAGE}a.png`, image('a')]])));
    expect(JSON.stringify(out)).toContain(url(image('a')));
    expect((out[2]!.data as { replaceSync: string }).replaceSync).toBe('@font-face{font-family:F}');
    expect(shopAddresses(out)).toEqual([]);
    expect(shopAddresses(events)).not.toEqual([]);
  });

  it('does not change its input', () => {
    const events = recordPage(`<head><style>a{background:url(x.png)}</style></head><body><img src="/a.jpg" srcset="/a.jpg 2x"></body>`);
    events.push(mutation({ attributes: [{ id: 3, attributes: { src: '/b.jpg' } }] }));
    const before = JSON.stringify(events);
    const frozen = deepFreeze(structuredClone(events));
    rewriteAssets(frozen, noAssets);
    rewriteAssets(events, noAssets);
    expect(JSON.stringify(events)).toBe(before);
  });

  it('handles hostile addresses safely: quotes, parentheses, escapes, javascript:, data: kept', () => {
    const events: ReplayEvent[] = [
      { type: 4, timestamp: T0, data: { href: PAGE, width: 800, height: 600 } },
      {
        type: 2,
        timestamp: T0,
        data: {
          node: el(1, 'html', {}, [
            el(2, 'style', { _cssText: `a{background:url("q\\"uo)te.png")} b{background:url(p\\(x\\).png)} c{background:url('\\68 ttps://shop.test/e.png')} d{background:url(data:image/png;base64,AAAA)} e{content:"url(https://shop.test/not-an-address)"} /* url(https://shop.test/comment.png) */` }),
            el(3, 'img', { src: 'javascript:alert(1)' }),
            el(4, 'img', { src: 'data:image/gif;base64,R0lGOD' }),
            el(5, 'div', { style: 'background:url(x.png) ; color: red' }),
          ]),
        },
      },
    ];
    const copies = new Map<string, AssetAnswer>([
      [`${PAGE}q%22uo)te.png`, image('q')],
      [`${PAGE}p(x).png`, image('p')],
    ]);
    const out = rewriteAssets(events, lookupIn(copies));
    const css = String(find(out, (n) => n.id === 2).attributes!._cssText);
    expect(css).toContain(`a{background:url("${url(image('q'))}")}`);
    expect(css).toContain(`b{background:url("${url(image('p'))}")}`);
    expect(css).toContain(`c{background:url("${placeholderImage()}")}`);
    expect(css).toContain('d{background:url("data:image/png;base64,AAAA")}');
    // Strings and comments are not addresses.
    expect(css).toContain('e{content:"url(https://shop.test/not-an-address)"}');
    expect(css).toContain('/* url(https://shop.test/comment.png) */');
    expect(find(out, (n) => n.id === 3).attributes!.src).toBe(placeholderImage());
    expect(find(out, (n) => n.id === 4).attributes!.src).toBe('data:image/gif;base64,R0lGOD');
    expect(find(out, (n) => n.id === 5).attributes!.style).toBe(`background:url("${placeholderImage()}") ; color: red`);
  });

  it('keeps a copy’s data URL safe: a forged mime type, or one not of its kind, is replaced by its kind’s', () => {
    expect(dataUrlOf({ kind: 'image', mime: 'image/png"><script>', bytes: bytes('x') })).toBe('data:application/octet-stream;base64,eA==');
    expect(dataUrlOf({ kind: 'font', mime: 'FONT/WOFF2', bytes: bytes('x') })).toBe('data:font/woff2;base64,eA==');
    expect(dataUrlOf({ kind: 'image', mime: 'text/html', bytes: bytes('x') })).toBe('data:application/octet-stream;base64,eA==');
    expect(dataUrlOf({ kind: 'image', mime: 'image/svg+xml', bytes: bytes('x') })).toBe('data:image/svg+xml;base64,eA==');
  });

  it('uses the caller’s addresses for copies (blob: URLs), one per address', () => {
    const events = recordPage(`<body><img src="/a.jpg"><img src="/a.jpg#x"></body>`);
    let made = 0;
    const out = rewriteAssets(events, lookupIn(new Map([['https://shop.test/a.jpg', image('a')]])), { urlOf: () => `blob:mystere/${++made}` });
    expect(JSON.stringify(out).match(/blob:mystere\/\d/g)).toEqual(['blob:mystere/1', 'blob:mystere/1']);
  });

  it('stops an @import loop and leaves no address of it', () => {
    const events = recordPage(`<head><link rel="stylesheet" href="/a.css"></head><body></body>`);
    const copies = new Map<string, AssetAnswer>([
      ['https://shop.test/a.css', sheet('@import url(/b.css); .a{}')],
      ['https://shop.test/b.css', sheet('@import "/a.css"; .b{}')],
    ]);
    const css = String(find(rewriteAssets(events, lookupIn(copies)), (n) => n.tagName === 'link').attributes!._cssText);
    expect(css).toContain('.b{}');
    expect(css).toContain('.a{}');
    expect(css).not.toContain('@import');
  });
});

function el(id: number, tagName: string, attributes: Record<string, unknown>, childNodes: unknown[] = []): Node {
  return { type: 2, id, tagName, attributes, childNodes } as unknown as Node;
}

function mutation(data: Record<string, unknown>): ReplayEvent {
  return { type: 3, timestamp: T0 + 100, data: { source: 0, adds: [], removes: [], texts: [], attributes: [], ...data } };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

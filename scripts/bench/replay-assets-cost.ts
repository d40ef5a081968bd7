import { performance } from 'node:perf_hooks';
import { lookupIn, noAssets, rewriteAssets, type AssetAnswer } from '../../utils/report/replay-assets';
import type { ReplayEvent } from '../../utils/report/replay-events';

/**
 * What the replay's asset rewrite costs, once before the replay starts: a generated 30-minute visit
 * (40 product-grid pages of ~1 600 nodes, 120 images with a `srcset` each, a style sheet with
 * backgrounds and a font, an image added by the page every 2.5 s), rewritten with no copies and with
 * a 40 KB copy of every image, against `structuredClone` of the same events in the same run (a copy
 * of the recording, the least any rewrite must do). `npx tsx scripts/bench/replay-assets-cost.ts`;
 * prints figures, asserts nothing.
 */

const PAGES = 40;
const PAGE_MS = 45_000;
let id = 10;
const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({ type: 2, id: id++, tagName, attributes, childNodes });
const text = (textContent: string) => ({ type: 3, id: id++, textContent });
const img = (n: number) => el('img', { src: `/img/p${n}.jpg`, srcset: `/img/p${n}.jpg 1x, /img/p${n}@2x.jpg 2x`, width: '220', height: '220', alt: `Produit ${n}` });

function page(p: number, start: number): ReplayEvent[] {
  const css = '.card{border:1px solid #ddd;background:url(/img/bg.png)} @font-face{font-family:Shop;src:url(/f/shop.woff2) format("woff2")}'.repeat(20);
  const cards = Array.from({ length: 120 }, (_, i) =>
    el('article', { class: 'card' }, [img(i), el('h3', {}, [text(`Produit ${i}`)]), el('span', { class: 'price', style: `background:url(/img/tag${i % 5}.png)` }, [text(`${49 + i} €`)])]),
  );
  const node = { type: 0, id: 1, childNodes: [el('html', {}, [el('head', {}, [el('style', { _cssText: css })]), el('body', {}, [el('main', {}, cards)])])] };
  const events: ReplayEvent[] = [
    { type: 4, timestamp: start, data: { href: `https://shop.test/page/${p}`, width: 1280, height: 800 } },
    { type: 2, timestamp: start + 5, data: { node, initialOffset: { left: 0, top: 0 } } },
  ];
  for (let t = 200; t < PAGE_MS; t += 50) {
    events.push({ type: 3, timestamp: start + t, data: { source: 1, positions: [{ x: t % 1280, y: t % 800, id: 12, timeOffset: 0 }] } });
    if (t % 2500 === 0) events.push({ type: 3, timestamp: start + t, data: { source: 0, texts: [], removes: [], attributes: [], adds: [{ parentId: 12, nextId: null, node: img(1000 + t) }] } });
  }
  return events;
}

const events = Array.from({ length: PAGES }, (_, p) => page(p, p * PAGE_MS)).flat();
const copies = new Map<string, AssetAnswer>();
const jpeg = new Uint8Array(40_000).fill(7);
for (let n = 0; n < 1200; n++) copies.set(`https://shop.test/img/p${n}.jpg`, { kind: 'image', mime: 'image/jpeg', bytes: jpeg });
copies.set('https://shop.test/f/shop.woff2', { kind: 'font', mime: 'font/woff2', bytes: jpeg });

const time = (run: () => unknown) => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    run();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2]!;
};
const base = time(() => structuredClone(events));
const none = time(() => rewriteAssets(events, noAssets));
const all = time(() => rewriteAssets(events, lookupIn(copies)));
console.log(`${events.length} events, ${PAGES} pages`);
console.log(`structuredClone: ${base.toFixed(0)} ms (baseline)`);
console.log(`rewriteAssets, no copies: ${none.toFixed(0)} ms (${(none / base).toFixed(2)}× the baseline)`);
console.log(`rewriteAssets, every image kept (40 KB each): ${all.toFixed(0)} ms (${(all / base).toFixed(2)}× the baseline)`);

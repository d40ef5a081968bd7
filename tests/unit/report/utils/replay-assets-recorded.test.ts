// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://shop.test/fr/"}
import { record } from 'rrweb';
import { expect, it } from 'vitest';
import { placeholderImage } from '../../../../utils/report/asset-placeholder';
import { dataUrlOf, lookupIn, rewriteAssets, type AssetAnswer, type AssetCopy } from '../../../../utils/report/replay-assets';
import type { ReplayEvent } from '../../../../utils/report/replay-events';

const copy = (name: string): AssetCopy => ({ kind: 'image', mime: 'image/jpeg', bytes: new TextEncoder().encode(name) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

it('rewrites what rrweb itself records as the page changes: an image added, its src changed, a background set by script', async () => {
  // rrweb's polyfill reads these constructors, which happy-dom does not expose.
  const win = window as unknown as Record<string, unknown>;
  for (const name of ['NodeList', 'DOMTokenList']) win[name] ??= function () {};
  document.documentElement.innerHTML = '<head></head><body><main><img src="/first.jpg" width="300" height="200"></main></body>';
  const events: ReplayEvent[] = [];
  const stop = record({ emit: (e) => void events.push(e as ReplayEvent), slimDOMOptions: 'all', inlineImages: false });
  const main = document.querySelector('main')!;
  const img = document.createElement('img');
  img.src = 'late/1.jpg';
  img.srcset = 'late/1.jpg 1x, late/2.jpg 2x';
  main.append(img);
  await tick();
  img.setAttribute('src', 'late/3.jpg');
  main.style.backgroundImage = 'url(bg.png)';
  await tick();
  stop?.();

  const recorded = JSON.stringify(events);
  expect(recorded).toContain('https://shop.test/fr/late/2.jpg');
  expect(recorded).toContain('url(\\"bg.png\\")');
  const copies = new Map<string, AssetAnswer>([
    ['https://shop.test/fr/late/1.jpg', copy('1')],
    ['https://shop.test/fr/late/2.jpg', copy('2')],
    ['https://shop.test/fr/bg.png', copy('bg')],
  ]);
  const out = JSON.stringify(rewriteAssets(events, lookupIn(copies)));
  expect(out).toContain(JSON.stringify(`${dataUrlOf(copy('1'))} 1x, ${dataUrlOf(copy('2'))} 2x`));
  expect(out).toContain(JSON.stringify(`url("${dataUrlOf(copy('bg'))}")`));
  // Not kept: the first image (its placeholder of its size) and the src set later.
  expect(out).toContain(JSON.stringify(placeholderImage(300, 200)));
  expect(out.match(new RegExp(encodeURIComponent('<svg'), 'g'))?.length).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(rewriteAssets(events, lookupIn(copies)).filter((e) => e.type !== 4)).match(/https?:\/\/shop\.test/g)).toBeNull();
  expect(JSON.stringify(events)).toBe(recorded);
});

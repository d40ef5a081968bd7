import { describe, expect, it } from 'vitest';
import { exportAssets, readExportAssets } from '../../../../utils/report/export-assets';
import { lookupIn, rewriteAssets, type AssetAnswer } from '../../../../utils/report/replay-assets';
import type { ReplayEvent } from '../../../../utils/report/replay-events';

const copies = new Map<string, AssetAnswer>([
  ['https://shop.test/a.jpg', { kind: 'image', mime: 'image/jpeg', bytes: new Uint8Array([255, 216, 255, 0, 1]) }],
  ['https://shop.test/f.woff2', { kind: 'font', mime: 'font/woff2', bytes: new Uint8Array([119, 79, 70, 50]) }],
  ['https://shop.test/gone.png', { missing: true, width: 120, height: 90 }],
]);

describe('the exported file’s assets', () => {
  it('travel through the file’s JSON and read back as the same copies', () => {
    const back = readExportAssets(JSON.parse(JSON.stringify(exportAssets(copies).list)));
    expect(back).toEqual(copies);
    expect(exportAssets(undefined)).toEqual({ list: [], leftOut: 0 });
  });

  it('give the file’s replay the same events as the report page’s', () => {
    const events: ReplayEvent[] = [
      { type: 4, timestamp: 1, data: { href: 'https://shop.test/', width: 800, height: 600 } },
      {
        type: 2,
        timestamp: 1,
        data: {
          node: {
            type: 2,
            id: 1,
            tagName: 'html',
            attributes: { style: 'background:url(a.jpg)' },
            childNodes: [{ type: 2, id: 2, tagName: 'img', attributes: { src: '/gone.png' }, childNodes: [] }],
          },
        },
      },
    ];
    const page = rewriteAssets(events, lookupIn(copies));
    const file = rewriteAssets(events, lookupIn(readExportAssets(JSON.parse(JSON.stringify(exportAssets(copies).list)))));
    expect(file).toEqual(page);
    expect(JSON.stringify(file)).toContain('data:image/jpeg;base64,/9j/AAE=');
    expect(JSON.stringify(file)).toContain(encodeURIComponent('width="120" height="90"'));
  });

  it('carries what fits in its allowance: sheets and fonts first, then the lightest images; the rest as not kept, counted', () => {
    const big = (n: number) => new Uint8Array(n).fill(1);
    const many = new Map<string, AssetAnswer>([
      ['https://shop.test/hero.jpg', { kind: 'image', mime: 'image/jpeg', bytes: big(3000) }],
      ['https://shop.test/thumb.jpg', { kind: 'image', mime: 'image/jpeg', bytes: big(300) }],
      ['https://shop.test/f.woff2', { kind: 'font', mime: 'font/woff2', bytes: big(1500) }],
      ['https://shop.test/gone.png', { missing: true, width: 120, height: 90 }],
    ]);
    // Room for the font (2,000 characters of base64) and the thumbnail (400), not the hero (4,000).
    const { list, leftOut } = exportAssets(many, 2000 + 400 + 3 * 100);
    expect(leftOut).toBe(1);
    expect(list.map((a) => [a.url, 'missing' in a])).toEqual([
      ['https://shop.test/hero.jpg', true],
      ['https://shop.test/thumb.jpg', false],
      ['https://shop.test/f.woff2', false],
      ['https://shop.test/gone.png', true],
    ]);
    expect(exportAssets(many, 100).leftOut).toBe(3);
    expect(exportAssets(many).leftOut).toBe(0);
  });

  it('leaves out entries that are not its own: no address, an unknown kind, unreadable base64', () => {
    const back = readExportAssets([
      { kind: 'image', mime: 'image/png', base64: 'AAAA' },
      { url: 'https://shop.test/s.js', kind: 'script', mime: 'text/javascript', base64: 'AAAA' },
      { url: 'https://shop.test/b.png', kind: 'image', mime: 'image/png', base64: '%%%' },
      { url: 'https://shop.test/m.png', missing: true, width: -4, height: 'x' },
      null,
      'https://shop.test/c.png',
    ]);
    expect(back).toEqual(new Map([['https://shop.test/m.png', { missing: true }]]));
    expect(readExportAssets({ url: 'x' })).toEqual(new Map());
  });
});

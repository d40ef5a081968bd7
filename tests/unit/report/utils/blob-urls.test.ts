import { describe, expect, it } from 'vitest';
import { blobUrls, type BlobWorld } from '../../../../utils/report/blob-urls';
import { lookupIn, rewriteAssets, type AssetAnswer } from '../../../../utils/report/replay-assets';
import type { ReplayEvent } from '../../../../utils/report/replay-events';

/** A fake browser: blob: URLs numbered as made, with what each holds, and the ones revoked. */
function fakeWorld() {
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const world: BlobWorld = {
    create: (blob) => {
      const url = `blob:report/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revoke: (url) => void revoked.push(url),
  };
  return { world, blobs, revoked };
}

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
        attributes: {},
        childNodes: [
          { type: 2, id: 2, tagName: 'img', attributes: { src: '/a.jpg', srcset: '/a.jpg 1x' }, childNodes: [] },
          { type: 2, id: 3, tagName: 'style', attributes: { _cssText: '@font-face{font-family:F;src:url(/f.woff2)}' }, childNodes: [] },
        ],
      },
    },
  },
];
const copies = new Map<string, AssetAnswer>([
  ['https://shop.test/a.jpg', { kind: 'image', mime: 'text/html', bytes: new Uint8Array([1, 2, 3]) }],
  ['https://shop.test/f.woff2', { kind: 'font', mime: 'font/woff2', bytes: new Uint8Array([4, 5]) }],
]);

describe('blobUrls', () => {
  it('makes one blob: URL per copy, of its kind’s type, and frees them all at once', async () => {
    const { world, blobs, revoked } = fakeWorld();
    const urls = blobUrls(world);
    const out = JSON.stringify(rewriteAssets(events, lookupIn(copies), { urlOf: urls.urlOf }));
    expect(out).toContain('"src":"blob:report/1","srcset":"blob:report/1 1x"');
    expect(out).toContain('src: url(\\"blob:report/2\\")');
    expect(blobs.size).toBe(2);
    expect(blobs.get('blob:report/1')!.type).toBe('application/octet-stream');
    expect(new Uint8Array(await blobs.get('blob:report/2')!.arrayBuffer())).toEqual(new Uint8Array([4, 5]));
    urls.revoke();
    urls.revoke();
    expect(revoked).toEqual(['blob:report/1', 'blob:report/2']);
  });
});

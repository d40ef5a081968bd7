import { mimeOf, type AssetCopy } from './asset-resolver';

/** How a page makes and frees `blob:` URLs (the browser's by default; tests pass their own). */
export interface BlobWorld {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const browserBlobs: BlobWorld = { create: (blob) => URL.createObjectURL(blob), revoke: (url) => URL.revokeObjectURL(url) };

/**
 * The visit's copies as `blob:` URLs, for a page that replays them itself (the report page): no
 * base64 text of every image held in memory, as `data:` URLs would. `revoke` frees them all once
 * the replay they were made for is gone.
 */
export function blobUrls(world: BlobWorld = browserBlobs): { urlOf: (copy: AssetCopy) => string; revoke: () => void } {
  const made: string[] = [];
  return {
    urlOf: (copy) => {
      const url = world.create(new Blob([copy.bytes as Uint8Array<ArrayBuffer>], { type: mimeOf(copy) }));
      made.push(url);
      return url;
    },
    revoke: () => made.splice(0).forEach((url) => world.revoke(url)),
  };
}

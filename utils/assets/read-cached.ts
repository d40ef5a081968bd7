/**
 * The page side of keeping an asset (issue 15): the copy the browser already holds for the page,
 * read from its HTTP cache and never from the network. The capture script runs this in its
 * isolated world, so the read is made in the page's cache partition, yet the shop sees nothing of
 * it: `cache: 'only-if-cached'` never goes to the network (a copy that is not there, or is there
 * only under another `Vary`, is an error, not a request: tests/e2e/replay-assets.test.ts and
 * firefox-journey.test.ts count the shop's requests), and in Chromium the page's Resource Timing
 * gets no entry for it (replay-assets.test.ts, and the detection page of the stealth tests); a probe
 * in Chromium found that the page's service worker does not see it either. Firefox does add such an
 * entry, so there this is never run (READS_SEEN_BY_PAGE, entrypoints/background/assets.ts). A fetch by the extension itself would be
 * made in the extension's own cache partition, miss, and reach the shop a second time — a request
 * without cookies, from another initiator, the kind of thing that tells a shop it is being tested.
 *
 * `only-if-cached` requires `mode: 'same-origin'`: an asset of another site (a CDN on its own
 * domain, a font service) cannot be read this way and is left (`other-site`), as is one the shop
 * asked the browser not to store (`Cache-Control: no-store`): `not-cached`.
 */

/** Why the page gives no bytes for an address. */
export const PAGE_READ_SKIPS = ['not-cached', 'other-site', 'too-large', 'failed'] as const;
export type PageReadSkip = (typeof PAGE_READ_SKIPS)[number];

/** The bytes the browser holds for an address, in base64 (Chrome's messaging carries JSON only). */
export type CachedAsset = { data: string; mime: string; url: string };
export type CachedRead = CachedAsset | { skipped: PageReadSkip };

/** The media type of an answer, without parameters, lower case; '' when it says none. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Base64 of a blob, encoded by the browser (FileReader), not byte by byte in script. */
export function blobBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

export type ReadOptions = {
  /** The page's origin: only its own addresses can be read from the cache. */
  origin: string;
  fetcher?: typeof fetch;
  encode?: (blob: Blob) => Promise<string>;
};

export async function readCached(url: string, maxBytes: number, o: ReadOptions): Promise<CachedRead> {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return { skipped: 'failed' };
  }
  if (address.origin !== o.origin) return { skipped: 'other-site' };
  const fetcher = o.fetcher ?? fetch;
  let response: Response;
  try {
    response = await fetcher(address.href, { cache: 'only-if-cached', mode: 'same-origin', credentials: 'same-origin', redirect: 'follow' });
  } catch {
    // Not in the cache (or only under another Vary), or redirected to another origin: nothing was sent.
    return { skipped: 'not-cached' };
  }
  try {
    if (!response.ok) return { skipped: 'failed' };
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) return { skipped: 'too-large' };
    const blob = await response.blob();
    if (blob.size > maxBytes) return { skipped: 'too-large' };
    const data = await (o.encode ?? blobBase64)(blob);
    return { data, mime: mediaType(response.headers.get('content-type')), url: response.url || address.href };
  } catch {
    return { skipped: 'failed' };
  }
}

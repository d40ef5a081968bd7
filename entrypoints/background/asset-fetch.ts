import { MAX_ASSET_BYTES, type SkipReason } from '../../utils/assets/schema';

/**
 * One asset fetched by the extension, never by the page. Without cookies (`credentials: 'omit'`):
 * the shop's cookies could personalise an image (a greeting banner, a recently viewed strip), and a
 * request carrying them would be the evaluator's session replayed by us; what is kept is what any
 * visitor gets. Bounded in time and in size (the body is read until `maxBytes`, then dropped).
 *
 * From an origin the extension may read (the visit's, granted at its start), the answer is read
 * whatever its CORS headers; from any other, only when it allows any origin to read it — a refusal
 * there is `not-permitted`, not a failure of the shop.
 */

export const FETCH_TIMEOUT_MS = 20_000;

export type Fetched = { bytes: Uint8Array<ArrayBuffer>; mime: string; url: string };

/** The media type of an answer, without parameters, lower case; '' when it says none. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function fetchAsset(
  url: string,
  permitted: boolean,
  maxBytes = MAX_ASSET_BYTES,
  timeoutMs = FETCH_TIMEOUT_MS,
  fetcher: typeof fetch = fetch,
): Promise<Fetched | SkipReason> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetcher(url, { credentials: 'omit', redirect: 'follow', signal: controller.signal });
    } catch {
      // A network error and a CORS refusal look alike; only the second is expected without permission.
      return controller.signal.aborted || permitted ? 'failed' : 'not-permitted';
    }
    if (!response.ok || !response.body) return 'failed';
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return 'too-large';
    }
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        controller.abort();
        return 'too-large';
      }
      parts.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return { bytes, mime: mediaType(response.headers.get('content-type')), url: response.url || url };
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

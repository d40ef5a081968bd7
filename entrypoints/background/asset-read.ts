import type { PageReadSkip } from '../../utils/assets/read-cached';
import { MAX_ASSET_BYTES } from '../../utils/assets/schema';
import { parseAssetRead, parseCaptureReply, type AssetReadRequest } from '../../utils/messaging/capture-page';
import { fromBase64 } from '../../utils/recording/codec';
import { askCapture } from './capture-script';

/**
 * One asset as the browser holds it for the shop's page: the capture script, injected on demand in
 * the page's tab, reads it from the HTTP cache in the page's own partition and never from the
 * network (utils/assets/read-cached.ts). The extension never fetches the shop's assets itself: its
 * request would miss its own cache partition and reach the shop a second time, a tell.
 */

/** The page answers when it is idle (a second at most), then reads from the cache. */
export const READ_TIMEOUT_MS = 15_000;

export type Fetched = { bytes: Uint8Array<ArrayBuffer>; mime: string; url: string };

/** The bytes of `url` as the tab's page holds them, or why there are none (`failed` when the tab is gone or does not answer). */
export async function readFromPage(tabId: number, url: string, maxBytes = MAX_ASSET_BYTES, timeoutMs = READ_TIMEOUT_MS): Promise<Fetched | PageReadSkip> {
  try {
    const request: AssetReadRequest = { type: 'page/asset-read', url, maxBytes };
    const reply = await askCapture(tabId, request, timeoutMs);
    const parsed = parseCaptureReply(reply, (v) => parseAssetRead(v, maxBytes));
    if (!parsed?.ok) return 'failed';
    const read = parsed.value;
    if ('skipped' in read) return read.skipped;
    const bytes = fromBase64(read.data);
    if (bytes.byteLength > maxBytes) return 'too-large';
    return { bytes, mime: read.mime, url: read.url };
  } catch {
    return 'failed'; // the tab closed, or its page refuses scripts
  }
}

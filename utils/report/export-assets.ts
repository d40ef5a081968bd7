import { fromBase64, toBase64 } from '../recording/codec';
import type { AssetAnswer, AssetKind } from './asset-resolver';

/**
 * A visit's asset copies as the exported file carries them (each once, base64, in its JSON payload),
 * and read back by its player script: the file stays one self-contained file, and its replay rewrites
 * the recording from them as the report page does.
 */
export type ExportAsset =
  | { url: string; kind: AssetKind; mime: string; base64: string }
  | { url: string; missing: true; width?: number; height?: number };

/** The exported file's size budget (docs/report.md, "Figures"): its copies of the shop's assets give way first. */
export const EXPORT_BUDGET_BYTES = 25 * 1024 * 1024;

const KIND_ORDER: Record<AssetKind, number> = { stylesheet: 0, font: 1, image: 2 };
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * The copies (and what is known of the addresses not kept) for the export's payload, within
 * `allowance` characters of base64: style sheets and fonts first (few, and the look of every page),
 * then images from the lightest (the most pictures for the room). A copy that does not fit is given
 * as not kept — a placeholder in the file's replay — and counted in `leftOut`; the bundle carries
 * them all.
 */
export function exportAssets(assets: ReadonlyMap<string, AssetAnswer> | undefined, allowance = Number.POSITIVE_INFINITY): { list: ExportAsset[]; leftOut: number } {
  const entries = Array.from(assets ?? []);
  const copies = entries
    .flatMap(([url, a]) => ('missing' in a ? [] : [{ url, a }]))
    .sort((x, y) => KIND_ORDER[x.a.kind] - KIND_ORDER[y.a.kind] || x.a.bytes.byteLength - y.a.bytes.byteLength);
  const fits = new Set<string>();
  let room = allowance;
  for (const { url, a } of copies) {
    const cost = base64Length(a.bytes.byteLength) + url.length + 64;
    if (cost > room) continue;
    room -= cost;
    fits.add(url);
  }
  const list = entries.map(([url, a]): ExportAsset => {
    if ('missing' in a) return { url, missing: true as const, ...size(a.width, a.height) };
    if (!fits.has(url)) return { url, missing: true as const };
    return { url, kind: a.kind, mime: a.mime, base64: toBase64(a.bytes) };
  });
  return { list, leftOut: copies.length - fits.size };
}

const KINDS: readonly unknown[] = ['image', 'font', 'stylesheet'] satisfies AssetKind[];
const dim = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
const size = (width: unknown, height: unknown) => ({ ...(dim(width) ? { width: dim(width) } : {}), ...(dim(height) ? { height: dim(height) } : {}) });

/**
 * The payload's assets back as copies by address. The file may have been edited by hand: an entry
 * that is not one of ours, or whose base64 does not read, is left out (its address then shows as not
 * kept).
 */
export function readExportAssets(list: unknown): Map<string, AssetAnswer> {
  const out = new Map<string, AssetAnswer>();
  if (!Array.isArray(list)) return out;
  for (const entry of list as Record<string, unknown>[]) {
    if (typeof entry !== 'object' || entry === null || typeof entry.url !== 'string') continue;
    if (entry.missing === true) out.set(entry.url, { missing: true, ...size(entry.width, entry.height) });
    else if (KINDS.includes(entry.kind) && typeof entry.mime === 'string' && typeof entry.base64 === 'string') {
      try {
        out.set(entry.url, { kind: entry.kind as AssetKind, mime: entry.mime, bytes: fromBase64(entry.base64) });
      } catch {
        continue;
      }
    }
  }
  return out;
}

import { PAGE_READ_SKIPS, type CachedRead, type PageReadSkip } from '../assets/read-cached';
import type { Rect } from '../screenshots/geometry';

/**
 * The background's questions to the page while it takes a screenshot, and the page's answers.
 * Hand-written guards, no zod: the content script imports this file and stays small. Each guard
 * returns the value as declared (a fresh object, without extra fields) or undefined.
 */

export type { Rect };

/** What to hide, and where the page stands. */
export type MeasureRequest = {
  type: 'capture/measure';
  maskSelectors: string[];
  blockSelectors: string[];
  /** What the evaluator typed anywhere in the visit (from the background's memory): its echoes are hidden. */
  typed: string[];
  /** Its search terms, hidden where they come back whole. */
  search: string[];
};
/** Scroll to `y` and answer once the page has painted there. */
export type ScrollRequest = { type: 'capture/scroll'; y: number };
/** Put the scroll position back where the evaluator left it. */
export type RestoreRequest = { type: 'capture/restore'; x: number; y: number };
export type CaptureRequest = MeasureRequest | ScrollRequest | RestoreRequest;

/** The answer to `capture/measure`, in CSS pixels; `rects` are in viewport coordinates. */
export type Measurement = {
  rects: Rect[];
  scrollX: number;
  scrollY: number;
  viewportWidth: number;
  viewportHeight: number;
  scrollHeight: number;
  dpr: number;
};
/** The answer to `capture/scroll` and `capture/restore`: where the page really is. */
export type ScrollPosition = { scrollY: number };

export type CaptureReply<T> = { ok: true; value: T } | { ok: false; error: string; detail?: string };

/** More selectors than settings allow (100 of each, plus defaults), but a bound all the same. */
export const MAX_SELECTORS = 200;
export const MAX_SELECTOR_CHARS = 1000;
/** A page with more boxes than this is absurd; the answer is refused rather than trusted. */
export const MAX_RECTS = 50_000;
/** The most typed values a capture is told (the background remembers 500 fields at most). */
export const MAX_TYPED = 500;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isSize = (v: unknown): v is number => isNum(v) && v >= 0;

function isSelectors(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > MAX_SELECTORS) return false;
  // A for loop, not every(): every() skips the holes of a sparse array.
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || s.length > MAX_SELECTOR_CHARS) return false;
  }
  return true;
}

/** The typed values a capture hides: as many as the background remembers, each bounded. */
function isTyped(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > MAX_TYPED) return false;
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || s.length > 5000) return false;
  }
  return true;
}

export function parseCaptureRequest(v: unknown): CaptureRequest | undefined {
  if (!isObj(v)) return undefined;
  switch (v.type) {
    case 'capture/measure':
      return isSelectors(v.maskSelectors) && isSelectors(v.blockSelectors) && isTyped(v.typed) && isTyped(v.search)
        ? { type: v.type, maskSelectors: [...v.maskSelectors], blockSelectors: [...v.blockSelectors], typed: [...v.typed], search: [...v.search] }
        : undefined;
    case 'capture/scroll':
      return isNum(v.y) ? { type: v.type, y: v.y } : undefined;
    case 'capture/restore':
      return isNum(v.x) && isNum(v.y) ? { type: v.type, x: v.x, y: v.y } : undefined;
    default:
      return undefined;
  }
}

function parseRect(v: unknown): Rect | undefined {
  if (!isObj(v)) return undefined;
  const { x, y, width, height } = v;
  return isNum(x) && isNum(y) && isSize(width) && isSize(height) ? { x, y, width, height } : undefined;
}

export function parseMeasurement(v: unknown): Measurement | undefined {
  if (!isObj(v) || !Array.isArray(v.rects) || v.rects.length > MAX_RECTS) return undefined;
  const { scrollX, scrollY, viewportWidth, viewportHeight, scrollHeight, dpr } = v;
  if (!isNum(scrollX) || !isNum(scrollY) || !isSize(scrollHeight)) return undefined;
  // The capture is scaled by the viewport's size: a zero one would divide by zero.
  if (!isSize(viewportWidth) || !isSize(viewportHeight) || viewportWidth === 0 || viewportHeight === 0) return undefined;
  if (!isNum(dpr) || dpr <= 0) return undefined;
  const rects: Rect[] = [];
  for (let i = 0; i < v.rects.length; i++) {
    const rect = parseRect(v.rects[i]);
    if (!rect) return undefined;
    rects.push(rect);
  }
  return { rects, scrollX, scrollY, viewportWidth, viewportHeight, scrollHeight, dpr };
}

export function parseScrollPosition(v: unknown): ScrollPosition | undefined {
  return isObj(v) && isNum(v.scrollY) ? { scrollY: v.scrollY } : undefined;
}

/** A reply, its value checked by `parseValue`; undefined for no reply or a malformed one. */
export function parseCaptureReply<T>(v: unknown, parseValue: (value: unknown) => T | undefined): CaptureReply<T> | undefined {
  if (!isObj(v)) return undefined;
  if (v.ok === true) {
    const value = parseValue(v.value);
    return value === undefined ? undefined : { ok: true, value };
  }
  if (v.ok === false && typeof v.error === 'string') {
    return typeof v.detail === 'string' ? { ok: false, error: v.error, detail: v.detail } : { ok: false, error: v.error };
  }
  return undefined;
}

/** The checklist's page checks: what its automatic suggestions read on the page (answered by the same script). */
export const CHECKS_REQUEST = { type: 'page/checks' } as const;
export type ChecksRequest = typeof CHECKS_REQUEST;

/** Whether a message asks for the page checks. */
export function isChecksRequest(message: unknown): message is ChecksRequest {
  return (message as { type?: unknown } | null)?.type === CHECKS_REQUEST.type;
}

/** The most texts one question carries: a mission's steps × their conditions. */
export const MAX_TEXTS = 120;
/** The longest expected text, folded. */
export const MAX_TEXT_CHARS = 400;

/**
 * Which of a mission's expected texts the page shows now (its steps' visible-text conditions), each
 * already folded (`foldText`). The page answers with their indices only: its own text never leaves it.
 * Text inside masked or blocked elements does not count.
 */
export type TextsRequest = { type: 'page/texts'; texts: string[]; maskSelectors: string[]; blockSelectors: string[] };

export function parseTextsRequest(v: unknown): TextsRequest | undefined {
  if (!isObj(v) || v.type !== 'page/texts' || !Array.isArray(v.texts) || v.texts.length > MAX_TEXTS) return undefined;
  const texts: string[] = [];
  for (let i = 0; i < v.texts.length; i++) {
    const t: unknown = v.texts[i];
    if (typeof t !== 'string' || t.length === 0 || t.length > MAX_TEXT_CHARS) return undefined;
    texts.push(t);
  }
  if (!isSelectors(v.maskSelectors) || !isSelectors(v.blockSelectors)) return undefined;
  return { type: 'page/texts', texts, maskSelectors: [...v.maskSelectors], blockSelectors: [...v.blockSelectors] };
}

/** The page's answer: the indices of the texts it shows, each once, in order. */
export function parseTextsFound(v: unknown, count: number): number[] | undefined {
  if (!Array.isArray(v) || v.length > count) return undefined;
  const found: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= count || found.includes(n)) return undefined;
    found.push(n);
  }
  return found;
}

/**
 * The assets the page displays (issue 15): images, style sheets, fonts, each by its absolute
 * address, outside the zones masked or blocked by these selectors (and the recorder's own lists).
 */
export type AssetsRequest = { type: 'page/assets'; maskSelectors: string[]; blockSelectors: string[] };

/** One asset the page displays; an image's size is what it is displayed at (CSS px), when it is shown. */
export type PageAsset = { url: string; kind: 'image' | 'font' | 'stylesheet'; width?: number; height?: number };
/** The page's answer: its assets and its device pixel ratio. */
export type PageAssets = { dpr: number; assets: PageAsset[] };

/** Bounds of the answer: the most addresses one page reports (what a page can ask the extension to fetch), and an address's length. */
export const MAX_ASSETS_ANSWERED = 2000;
export const MAX_ASSET_URL_CHARS = 8192;
const ASSET_KINDS = new Set(['image', 'font', 'stylesheet']);

export function parseAssetsRequest(v: unknown): AssetsRequest | undefined {
  if (!isObj(v) || v.type !== 'page/assets' || !isSelectors(v.maskSelectors) || !isSelectors(v.blockSelectors)) return undefined;
  return { type: 'page/assets', maskSelectors: [...v.maskSelectors], blockSelectors: [...v.blockSelectors] };
}

function parsePageAsset(v: unknown): PageAsset | undefined {
  if (!isObj(v) || typeof v.url !== 'string' || v.url.length === 0 || v.url.length > MAX_ASSET_URL_CHARS) return undefined;
  if (typeof v.kind !== 'string' || !ASSET_KINDS.has(v.kind)) return undefined;
  if (!/^https?:\/\//i.test(v.url)) return undefined;
  const asset: PageAsset = { url: v.url, kind: v.kind as PageAsset['kind'] };
  if (v.width === undefined && v.height === undefined) return asset;
  return isSize(v.width) && isSize(v.height) ? { ...asset, width: v.width, height: v.height } : undefined;
}

/** The page's answer to `page/assets`, each asset checked; undefined when anything is malformed. */
export function parsePageAssets(v: unknown): PageAssets | undefined {
  if (!isObj(v) || !isNum(v.dpr) || v.dpr <= 0 || !Array.isArray(v.assets) || v.assets.length > MAX_ASSETS_ANSWERED) return undefined;
  const assets: PageAsset[] = [];
  for (let i = 0; i < v.assets.length; i++) {
    const asset = parsePageAsset(v.assets[i]);
    if (!asset) return undefined;
    assets.push(asset);
  }
  return { dpr: v.dpr, assets };
}

/**
 * Read one asset the page displayed from the browser's cache, never from the network
 * (utils/assets/read-cached.ts); at most `maxBytes`.
 */
export type AssetReadRequest = { type: 'page/asset-read'; url: string; maxBytes: number };

export function parseAssetReadRequest(v: unknown): AssetReadRequest | undefined {
  if (!isObj(v) || v.type !== 'page/asset-read' || typeof v.url !== 'string' || v.url.length === 0 || v.url.length > MAX_ASSET_URL_CHARS) return undefined;
  if (!/^https?:\/\//i.test(v.url) || !isNum(v.maxBytes) || !Number.isInteger(v.maxBytes) || v.maxBytes <= 0) return undefined;
  return { type: 'page/asset-read', url: v.url, maxBytes: v.maxBytes };
}

const PAGE_SKIPS = new Set<string>(PAGE_READ_SKIPS);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The page's answer to `page/asset-read`: base64 no longer than `maxBytes` allow, or why there is none. */
export function parseAssetRead(v: unknown, maxBytes: number): CachedRead | undefined {
  if (!isObj(v)) return undefined;
  if (v.skipped !== undefined) return typeof v.skipped === 'string' && PAGE_SKIPS.has(v.skipped) ? { skipped: v.skipped as PageReadSkip } : undefined;
  if (typeof v.data !== 'string' || v.data.length % 4 !== 0 || v.data.length > Math.ceil(maxBytes / 3) * 4 || !BASE64.test(v.data)) return undefined;
  if (typeof v.mime !== 'string' || v.mime.length > 200 || typeof v.url !== 'string' || v.url.length > MAX_ASSET_URL_CHARS || !/^https?:\/\//i.test(v.url)) return undefined;
  return { data: v.data, mime: v.mime, url: v.url };
}

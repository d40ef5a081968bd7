import { browser } from 'wxt/browser';
import { stylesheetUrls } from '../../utils/assets/css-urls';
import { skipBeforeFetch } from '../../utils/assets/filters';
import { sha256Hex } from '../../utils/assets/hash';
import { limiter } from '../../utils/assets/limit';
import { storedMime } from '../../utils/assets/mime';
import { RETRIED_SKIPS, type Asset, type AssetKind, type SkipReason, type VisitAsset } from '../../utils/assets/schema';
import { db } from '../../utils/db/database';
import { getVisitAsset, recordVisitAsset } from '../../utils/db/assets';
import { VisitGoneError } from '../../utils/db/errors';
import { getPage, getVisit } from '../../utils/db/repository';
import { parseCaptureReply, parsePageAssets, type AssetsRequest, type PageAssets } from '../../utils/messaging/capture-page';
import { visitSelectors } from '../../utils/mission/privacy';
import { TypedMatcher } from '../../utils/privacy/typed';
import { bareUrl } from '../../utils/privacy/urls';
import type { Page } from '../../utils/schema/page';
import { isActive, type Visit } from '../../utils/schema/visit';
import { loadSettings } from '../../utils/settings';
import { readFromPage } from './asset-read';
import { askCapture } from './capture-script';
import { keepImage } from './asset-image';
import { privacyPass, typedValues } from './privacy';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { tabShows } from './tabs';

/**
 * The shop's images, fonts and style sheets kept with the visit (issue 15; docs/recording.md,
 * "Assets kept for the replay"). Once a page of a recording visit has settled, the capture script
 * (injected on demand) lists what the page displays (`page/assets`); each address is read once per
 * visit, two at a time, from the copy the browser holds for the page (`page/asset-read`, never the
 * network: ./asset-read.ts), after filters (payment providers, trackers, typed values); images are
 * re-encoded at their displayed size, style sheets followed to their fonts, images and imports, and
 * each copy stored once by its hash, within the visit's asset budget (utils/db/assets.ts).
 *
 * A worker that stops midway loses the addresses not yet read for that page: the record of each
 * address is written as it is done, and the page is asked again at its next write by a new worker.
 */

/** After the page is read: lazy images and late fonts have had time to arrive (as audits wait). */
const SETTLE_MS = 2000;
const ANSWER_TIMEOUT_MS = 10_000;
/** Asked again this long after, then after this long more: what the evaluator scrolled to meanwhile. */
const RECHECK_MS = [15_000, 60_000];
/** Two reads at a time across the visit: each asks the shop's page for a moment of its time. */
const CONCURRENCY = 2;
/** Style sheets imported by style sheets, this deep at most. */
const MAX_SHEET_DEPTH = 3;

/**
 * Firefox adds a content script's `fetch` to the page's Resource Timing, even one answered from the
 * cache, where the shop's scripts can see it (caught by the stealth test's detection page): there,
 * no copies are kept, and the replay shows placeholders.
 */
export const READS_SEEN_BY_PAGE = import.meta.env.FIREFOX;

/** Pages asked for their assets, so each is asked once per worker. A cache: what matters is stored per address. */
const asked = new Set<string>();
/** Addresses being read now (visit and bare address), so two pages showing one logo have it read once. */
const inFlight = new Set<string>();
const run = limiter(CONCURRENCY);

/** One address to keep: where it was met, and the displayed size of an image. */
export type Job = {
  visitId: string;
  pageId: string;
  /** The page's tab: its page reads the copy from the browser's cache. */
  tabId: number;
  url: string;
  kind: AssetKind;
  width?: number | undefined;
  height?: number | undefined;
  dpr: number;
  depth: number;
};

/** Whether the page's assets are worth asking for now: once, when its document has been read, while the visit records. */
function wanted(page: Page, visit: Visit): boolean {
  return visit.status === 'recording' && !asked.has(page.id) && !page.typedFromUrl && page.autoTypeReasons.length > 0 && page.endedAt === undefined;
}

/**
 * A page of the recording visit has been read: list its assets once it has settled, keep them, and
 * ask again after `recheckMs` (one after the other) while the page is on screen and the visit
 * records — images a page loads as the evaluator scrolls (lazy loading) are met then; addresses
 * already kept are not fetched again.
 */
export async function captureAssets(page: Page, visit: Visit, settleMs = SETTLE_MS, recheckMs: readonly number[] = RECHECK_MS): Promise<void> {
  if (READS_SEEN_BY_PAGE || !wanted(page, visit)) return;
  // Marked before any wait: two writes of the page close together must not both ask.
  asked.add(page.id);
  const settings = await loadSettings(browser.storage.local);
  if (!settings.keepAssets) {
    asked.delete(page.id);
    return;
  }
  const request: AssetsRequest = { type: 'page/assets', ...visitSelectors(visit, settings) };
  for (const delay of [settleMs, ...recheckMs]) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const d = await db();
    const [now, visitNow] = await Promise.all([getPage(d, page.id), getVisit(d, page.visitId)]);
    if (!now || now.endedAt !== undefined || visitNow?.status !== 'recording') return;
    const found = await askPage(now, request);
    if (!found) return;
    await keepAll(found.assets.map((a) => ({ visitId: page.visitId, pageId: page.id, tabId: now.tabId, url: a.url, kind: a.kind, width: a.width, height: a.height, dpr: found.dpr, depth: 0 })));
    await notifyChanged();
  }
}

/** The page's list of assets, or undefined when it is no longer on screen or does not answer. */
async function askPage(page: Page, request: AssetsRequest): Promise<PageAssets | undefined> {
  try {
    if (!(await tabShows(page))) return undefined;
    const reply = await askCapture(page.tabId, request, ANSWER_TIMEOUT_MS);
    const parsed = parseCaptureReply(reply, parsePageAssets);
    // A single-page shop may have moved to another route meanwhile: what was read is not this page's.
    if (!parsed?.ok || !(await tabShows(page))) return undefined;
    return parsed.value;
  } catch {
    return undefined; // a page that went away or refused the script keeps no assets
  }
}

/** Keeps every job, two at a time; what a style sheet uses is kept after the page's own assets. */
export async function keepAll(jobs: Job[]): Promise<void> {
  let pending = jobs;
  while (pending.length > 0) {
    const next = await Promise.all(pending.map((job) => run(() => keepOne(job).catch(() => []))));
    pending = next.flat();
  }
}

/** Keeps one address, unless the visit has it already; returns what a style sheet uses, to keep next. */
async function keepOne(job: Job): Promise<Job[]> {
  const url = bareUrl(job.url);
  const key = `${job.visitId} ${url}`;
  if (inFlight.has(key)) return [];
  inFlight.add(key);
  try {
    const d = await db();
    const visit = await getVisit(d, job.visitId);
    if (!visit || !isActive(visit)) return [];
    const known = await getVisitAsset(d, job.visitId, url);
    if (known && !(known.skipped !== undefined && RETRIED_SKIPS.has(known.skipped))) return [];
    const use: VisitAsset = {
      visitId: job.visitId,
      url,
      kind: job.kind,
      pageId: job.pageId,
      ...(job.kind === 'image' && job.width !== undefined && job.height !== undefined ? { width: job.width, height: job.height } : {}),
      at: Date.now(),
    };
    const { values, searchTerms } = await typedValues();
    const typed = new TypedMatcher(values, searchTerms);
    const before = skipBeforeFetch(job, job.kind, typed);
    if (before) return await skip(use, before);
    if (visit.assetBudgetReachedAt !== undefined) return await skip(use, 'budget');
    const held = await readFromPage(job.tabId, job.url);
    if (typeof held === 'string') return await skip(use, held);
    // A redirect may lead to a payment provider or a tracker.
    if (held.url !== job.url) {
      const after = skipBeforeFetch({ ...job, url: held.url }, job.kind, typed);
      if (after) return await skip(use, after);
    }
    const mime = storedMime(job.kind, held.mime, held.url);
    if (!mime) return await skip(use, 'failed');
    let kept: { data: Uint8Array<ArrayBuffer>; mime: string; width?: number; height?: number };
    let follow: Job[] = [];
    if (mime === 'text/css' || mime === 'image/svg+xml') held.bytes = withoutTyped(held.bytes, typed);
    if (job.kind === 'image') {
      const image = await keepImage(held.bytes, mime, job, job.dpr).catch(() => undefined);
      if (!image) return await skip(use, 'failed');
      if (image === 'tracker') return await skip(use, 'tracker');
      kept = image;
    } else {
      kept = { data: held.bytes, mime };
      if (job.kind === 'stylesheet') follow = sheetJobs(job, new TextDecoder().decode(held.bytes), held.url);
    }
    const asset: Asset = { hash: await sha256Hex(kept.data), mime: kept.mime, size: kept.data.byteLength, data: kept.data };
    if (kept.width !== undefined && kept.height !== undefined) Object.assign(asset, { width: kept.width, height: kept.height });
    await guardWrite(() => recordVisitAsset(d, use, asset));
    return follow;
  } catch (error) {
    if (!(error instanceof VisitGoneError)) throw error;
    return [];
  } finally {
    inFlight.delete(key);
  }
}

/**
 * A text asset (a style sheet, an SVG) with any echo of what the evaluator typed masked, as the
 * privacy pass masks the recording: a shop that writes a customer's name into generated CSS or SVG
 * must not have it kept. Most are untouched, and their bytes kept as fetched.
 */
function withoutTyped(bytes: Uint8Array<ArrayBuffer>, typed: TypedMatcher): Uint8Array<ArrayBuffer> {
  if (typed.empty) return bytes;
  const text = new TextDecoder().decode(bytes);
  const masked = typed.mask(text);
  return masked === text ? bytes : new TextEncoder().encode(masked);
}

/** What a fetched style sheet uses, as jobs of the same page (imports only so deep). */
function sheetJobs(job: Job, css: string, sheetUrl: string): Job[] {
  return stylesheetUrls(css, sheetUrl)
    .filter((u) => u.kind !== 'stylesheet' || job.depth + 1 < MAX_SHEET_DEPTH)
    .map((u) => ({ visitId: job.visitId, pageId: job.pageId, tabId: job.tabId, url: u.url, kind: u.kind, dpr: job.dpr, depth: job.depth + 1 }));
}

/**
 * Records an address without a copy. One that carries a typed value or names a person is recorded
 * as the privacy pass writes addresses, so that the reason it was skipped is not kept in its record.
 */
async function skip(use: VisitAsset, reason: SkipReason): Promise<Job[]> {
  const url = reason === 'typed' || reason === 'private' ? (await privacyPass()).url(use.url) : use.url;
  await guardWrite(async () => recordVisitAsset(await db(), { ...use, url, skipped: reason }));
  return [];
}

/** Forgets which pages were asked (tests; a new worker starts with none). */
export function forgetAskedAssets(): void {
  asked.clear();
}

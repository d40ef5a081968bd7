import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { toBase64 } from '../../utils/recording/codec';
import { launchChromium, type Launched } from '../automation/chromium';
import { allowDownloads, filesIn, waitForDownload } from '../automation/downloads';
import { createHash } from 'node:crypto';
import { ASSET_BUDGET_BYTES } from '../../utils/assets/schema';
import { GENERATED, generateVisit, productImageUrl, THEME_URL, type GeneratedAsset, type GeneratedRecords } from './generated-visit';
import { median } from './stats';

/**
 * The report's cost on a generated 30-minute visit with 60 screenshots and its kept copies of the
 * shop's assets (product pictures up to the 30 MB asset budget, and a theme), against a one-page
 * visit (the baseline) in the same browser: time until the report is shown and its replay playable,
 * time to export the HTML file and the bundle, their sizes, and the asset store's size for each.
 */

export interface ReportCost {
  visit: 'one page' | '30 minutes';
  openMs: number;
  exportHtmlMs: number;
  exportBundleMs: number;
  htmlBytes: number;
  bundleBytes: number;
  /** The visit's kept copies of the shop's assets, as stored (the asset store's size for it). */
  assetBytes: number;
  assetCopies: number;
}

/** The budgets of issue 6, for a 30-minute visit with 60 screenshots. */
export const REPORT_BUDGETS = { openMs: 3000, exportHtmlMs: 5000, htmlBytes: 25 * 1024 * 1024 } as const;

const SHOP_PATHS = ['/', '/category/chaussures', '/produit/derby-cuir', '/produit/basket-lin', '/panier', '/contact'];

/** Real JPEG screenshots of the fixture shop, at the size and quality the extension captures. */
async function screenshots(launched: Launched, origin: string, count: number) {
  const page = await launched.browser.newPage();
  const shots = [];
  for (let i = 0; i < count; i++) {
    await page.goto(origin + SHOP_PATHS[i % SHOP_PATHS.length]!, { waitUntil: 'load' });
    const full = i % 10 === 0;
    const image = await page.screenshot({ type: 'jpeg', quality: 82, fullPage: full });
    const thumb = await page.screenshot({ type: 'jpeg', quality: 70, clip: { x: 0, y: 0, width: 1280, height: 800, scale: 0.25 } });
    const height = full ? await page.evaluate(() => document.documentElement.scrollHeight) : 800;
    shots.push({ image: new Uint8Array(image), thumb: new Uint8Array(thumb), width: 1280, height });
  }
  await page.close();
  return shots;
}

/**
 * The kept copies of a 30-minute visit's shop, as the extension stores them: `count` distinct product
 * pictures re-encoded as WebP at 440 × 440 (a 220 px card × 2), drawn in the browser with a gradient,
 * shapes and grain so that each weighs what a product photo does (~40 KB), and the shop's theme.
 */
async function keptAssets(launched: Launched, count: number): Promise<GeneratedAsset[]> {
  const page = await launched.browser.newPage();
  await page.evaluate('globalThis.__name = (f) => f');
  const encoded: string[] = [];
  // In slices: each answer is a few MB of base64, not the whole store at once.
  for (let from = 0; from < count; from += 40) {
    encoded.push(...(await page.evaluate(async (start: number, n: number) => {
    const out: string[] = [];
    let seed = 7 + start;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = start; k < start + n; k++) {
      const canvas = new OffscreenCanvas(440, 440);
      const ctx = canvas.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, 440, 440);
      g.addColorStop(0, `hsl(${(k * 37) % 360} 45% 80%)`);
      g.addColorStop(1, `hsl(${(k * 37 + 60) % 360} 40% 35%)`);
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 440, 440);
      for (let i = 0; i < 12; i++) {
        ctx.fillStyle = `hsl(${Math.floor(random() * 360)} 50% ${30 + Math.floor(random() * 50)}%)`;
        ctx.beginPath();
        ctx.ellipse(random() * 440, random() * 440, 20 + random() * 90, 20 + random() * 90, random() * 3, 0, 2 * Math.PI);
        ctx.fill();
      }
      const pixels = ctx.getImageData(0, 0, 440, 440);
      for (let i = 0; i < pixels.data.length; i += 4) if (random() < 0.05) pixels.data[i] = pixels.data[i + 1] = pixels.data[i + 2] = Math.floor(random() * 255);
      ctx.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out.push(btoa(text));
    }
    return out;
  }, from, Math.min(40, count - from))));
  }
  await page.close();
  const hash = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  const images = encoded.map((b64, k): GeneratedAsset => {
    const data = new Uint8Array(Buffer.from(b64, 'base64'));
    return { url: productImageUrl(k), kind: 'image', mime: 'image/webp', hash: hash(data), data, width: 440, height: 440 };
  });
  const css = new TextEncoder().encode('.card img{display:block;border-radius:4px}\n'.repeat(400));
  // As the extension would: copies are kept while the visit's asset budget allows.
  let room = ASSET_BUDGET_BYTES - css.byteLength;
  const admitted = images.filter((a) => (room -= a.data.byteLength) >= 0);
  return [...admitted, { url: THEME_URL, kind: 'stylesheet', mime: 'text/css', hash: hash(css), data: css }];
}

/** Writes a generated visit into the extension's database, as the background would have. */
async function seed(page: Page, records: GeneratedRecords, images: Map<string, { image: Uint8Array; thumb: Uint8Array }>, assets: GeneratedAsset[] = []) {
  // The kept copies first, a few MB at a time, in their own transactions.
  await page.evaluate('globalThis.__name = (f) => f');
  for (let from = 0; from < assets.length; from += 40) {
    const copies = assets.slice(from, from + 40).map((a) => ({ hash: a.hash, mime: a.mime, size: a.data.byteLength, ...(a.width ? { width: a.width, height: a.height } : {}), data: toBase64(a.data) }));
    await page.evaluate(async (json: string) => {
      const list = JSON.parse(json) as (Record<string, unknown> & { data: string })[];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('mystere');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      const tx = db.transaction('assets', 'readwrite');
      for (const c of list) tx.objectStore('assets').put({ ...c, data: Uint8Array.from(atob(c.data), (ch) => ch.charCodeAt(0)) });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    }, JSON.stringify(copies));
  }
  const payload = JSON.stringify({
    data: records.data,
    chunks: records.chunks.map((c) => ({ ...c, visitId: records.data.visit.id, data: toBase64(c.data) })),
    images: [...images].map(([id, i]) => ({ id, image: toBase64(i.image), thumb: toBase64(i.thumb) })),
  });
  // tsx names inner functions with an `__name` helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(async (json: string) => {
    type Row = Record<string, unknown> & { id: string };
    interface Payload {
      data: { visit: Row; pages: Row[]; screenshots: Row[]; notes: Row[]; signals: Row[]; abandonments: Row[]; answers: Row[]; audits: Row[]; assets?: Row[] };
      chunks: (Row & { data: string })[];
      images: { id: string; image: string; thumb: string }[];
    }
    const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const p = JSON.parse(json) as Payload;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('mystere');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    const stores = ['visits', 'pages', 'chunks', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits', 'assets', 'visitAssets'];
    const tx = db.transaction(stores, 'readwrite');
    const put = (store: string, value: unknown) => tx.objectStore(store).put(value);
    const d = p.data;
    put('visits', d.visit);
    for (const x of d.pages) put('pages', x);
    for (const c of p.chunks) put('chunks', { ...c, data: bytes(c.data) });
    const img = new Map(p.images.map((i) => [i.id, i]));
    for (const s of d.screenshots) {
      const i = img.get(s.id)!;
      put('screenshots', { ...s, image: bytes(i.image), thumb: bytes(i.thumb) });
    }
    const lists: [string, Row[]][] = [['notes', d.notes], ['signals', d.signals], ['abandonments', d.abandonments], ['answers', d.answers], ['audits', d.audits]];
    for (const [store, list] of lists) for (const x of list) put(store, x);
    for (const u of d.assets ?? []) put('visitAssets', u);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, payload);
}

async function measureOnce(launched: Launched, visitId: string, label: ReportCost['visit'], downloads: string): Promise<ReportCost> {
  const page = await launched.browser.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/report.html?visit=${visitId}`);
  await page.waitForFunction(() => performance.getEntriesByName('mystere-report-ready').length > 0, { timeout: 60_000 });
  const openMs = await page.evaluate(() => performance.getEntriesByName('mystere-report-ready')[0]!.startTime);
  const phases = await page.evaluate(() => ['mystere-report-loaded', 'mystere-report-decoded', 'mystere-report-rewritten', 'mystere-report-ready'].map((n) => `${n.slice(15)} ${Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1)}`).join(', '));
  console.log(`[report-cost] ${label}: ${phases}`);
  const measure = async (testId: string, name: string, suffix: string) => {
    const before = filesIn(downloads);
    await page.click(`[data-testid=${testId}]`);
    const file = await waitForDownload(downloads, suffix, before, 120_000);
    await page.waitForFunction((n: string) => performance.getEntriesByName(n).length > 0, {}, name);
    const ms = await page.evaluate((n: string) => performance.getEntriesByName(n).at(-1)!.duration, name);
    const bytes = statSync(file).size;
    rmSync(file);
    return { ms, bytes };
  };
  const html = await measure('report-export-html', 'mystere-export-html', '.html');
  const bundle = await measure('bundle-export', 'mystere-export-bundle', '.zip');
  await page.close();
  return { visit: label, openMs, exportHtmlMs: html.ms, exportBundleMs: bundle.ms, htmlBytes: html.bytes, bundleBytes: bundle.bytes, ...(await assetStore(launched, visitId)) };
}

/** The visit's kept copies as the asset store holds them: bytes and count, read from the database. */
async function assetStore(launched: Launched, visitId: string): Promise<{ assetBytes: number; assetCopies: number }> {
  const page = await launched.browser.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
  await page.evaluate('globalThis.__name = (f) => f');
  const found = await page.evaluate(async (id: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('mystere');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(new Error(String(r.error)));
      });
    const hashes = new Set((await all<{ visitId: string; hash?: string }>('visitAssets')).filter((u) => u.visitId === id && u.hash).map((u) => u.hash));
    const copies = (await all<{ hash: string; size: number }>('assets')).filter((a) => hashes.has(a.hash));
    db.close();
    return { assetBytes: copies.reduce((n, a) => n + a.size, 0), assetCopies: copies.length };
  }, visitId);
  await page.close();
  return found;
}

/** Runs `rounds` rounds, the small and the large visit alternating first; returns the medians. */
export async function measureReportCost(origin: string, rounds: number): Promise<ReportCost[]> {
  const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-bench-report-'));
  const launched = await launchChromium();
  try {
    await allowDownloads(launched.browser, downloads);
    const shots = await screenshots(launched, origin, GENERATED.screenshots);
    const assets = await keptAssets(launched, GENERATED.assetImages);
    const now = Date.now();
    const large = generateVisit(now, shots, undefined, assets);
    const small = generateVisit(now, shots.slice(0, 1), { visitId: 'bench-one-page', minutes: 1, pages: 1 });
    const seeder = await launched.browser.newPage();
    await seeder.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await seed(seeder, large.records, large.images, assets);
    await seed(seeder, small.records, small.images);
    await seeder.close();
    const runs: ReportCost[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
      for (const which of order) {
        const visit = which === 'small' ? small : large;
        runs.push(await measureOnce(launched, visit.records.data.visit.id, which === 'small' ? 'one page' : '30 minutes', downloads));
      }
    }
    return (['one page', '30 minutes'] as const).map((label) => {
      const mine = runs.filter((r) => r.visit === label);
      const med = (key: keyof Omit<ReportCost, 'visit'>) => median(mine.map((r) => r[key]));
      return {
        visit: label, openMs: med('openMs'), exportHtmlMs: med('exportHtmlMs'), exportBundleMs: med('exportBundleMs'), htmlBytes: med('htmlBytes'), bundleBytes: med('bundleBytes'),
        assetBytes: med('assetBytes'), assetCopies: med('assetCopies'),
      };
    });
  } finally {
    await launched.browser.close();
    rmSync(downloads, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The report-cost table, with the 30-minute visit against the one-page baseline and the budgets. */
export function reportCostSection(costs: ReportCost[]): string {
  const [small, large] = costs;
  if (!small || !large) return 'Report: not measured.';
  const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(1)}` : '—');
  const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER budget');
  return [
    `Report of a generated ${GENERATED.minutes}-minute visit with ${GENERATED.screenshots} screenshots and ${large.assetCopies} kept copies of the shop's assets (median; baseline: a one-page visit without kept assets, same browser)`,
    `| | one page | 30 minutes | ratio | budget |`,
    `| --- | --- | --- | --- | --- |`,
    `| open (shown, replay playable) | ${s(small.openMs)} | ${s(large.openMs)} | ${ratio(large.openMs, small.openMs)} | ≤ 3 s: ${verdict(large.openMs, REPORT_BUDGETS.openMs)} |`,
    `| export HTML | ${s(small.exportHtmlMs)} | ${s(large.exportHtmlMs)} | ${ratio(large.exportHtmlMs, small.exportHtmlMs)} | ≤ 5 s: ${verdict(large.exportHtmlMs, REPORT_BUDGETS.exportHtmlMs)} |`,
    `| HTML file | ${mb(small.htmlBytes)} | ${mb(large.htmlBytes)} | ${ratio(large.htmlBytes, small.htmlBytes)} | ≤ 25 MB: ${verdict(large.htmlBytes, REPORT_BUDGETS.htmlBytes)} |`,
    `| export bundle | ${s(small.exportBundleMs)} | ${s(large.exportBundleMs)} | ${ratio(large.exportBundleMs, small.exportBundleMs)} | — |`,
    `| bundle file | ${mb(small.bundleBytes)} | ${mb(large.bundleBytes)} | ${ratio(large.bundleBytes, small.bundleBytes)} | — |`,
    `| asset store (kept copies) | ${mb(small.assetBytes)} (${small.assetCopies}) | ${mb(large.assetBytes)} (${large.assetCopies}) | — | ≤ 30 MB per visit: ${verdict(large.assetBytes, ASSET_BUDGET_BYTES)} |`,
  ].join('\n');
}

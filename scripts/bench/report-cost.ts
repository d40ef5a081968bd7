import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { toBase64 } from '../../utils/recording/codec';
import { launchChromium, type Launched } from '../automation/chromium';
import { allowDownloads, filesIn, waitForDownload } from '../automation/downloads';
import { GENERATED, generateVisit, type GeneratedRecords } from './generated-visit';
import { median } from './stats';

/**
 * The report's cost on a generated 30-minute visit with 60 screenshots, against a one-page visit
 * (the baseline) in the same browser: time until the report is shown and its replay playable, time
 * to export the HTML file and the bundle, and their sizes.
 */

export interface ReportCost {
  visit: 'one page' | '30 minutes';
  openMs: number;
  exportHtmlMs: number;
  exportBundleMs: number;
  htmlBytes: number;
  bundleBytes: number;
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

/** Writes a generated visit into the extension's database, as the background would have. */
async function seed(page: Page, records: GeneratedRecords, images: Map<string, { image: Uint8Array; thumb: Uint8Array }>) {
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
      data: { visit: Row; pages: Row[]; screenshots: Row[]; notes: Row[]; signals: Row[]; abandonments: Row[]; answers: Row[]; audits: Row[] };
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
    const stores = ['visits', 'pages', 'chunks', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits'];
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
  return { visit: label, openMs, exportHtmlMs: html.ms, exportBundleMs: bundle.ms, htmlBytes: html.bytes, bundleBytes: bundle.bytes };
}

/** Runs `rounds` rounds, the small and the large visit alternating first; returns the medians. */
export async function measureReportCost(origin: string, rounds: number): Promise<ReportCost[]> {
  const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-bench-report-'));
  const launched = await launchChromium();
  try {
    await allowDownloads(launched.browser, downloads);
    const shots = await screenshots(launched, origin, GENERATED.screenshots);
    const now = Date.now();
    const large = generateVisit(now, shots);
    const small = generateVisit(now, shots.slice(0, 1), { visitId: 'bench-one-page', minutes: 1, pages: 1 });
    const seeder = await launched.browser.newPage();
    await seeder.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await seed(seeder, large.records, large.images);
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
      return { visit: label, openMs: med('openMs'), exportHtmlMs: med('exportHtmlMs'), exportBundleMs: med('exportBundleMs'), htmlBytes: med('htmlBytes'), bundleBytes: med('bundleBytes') };
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
    `Report of a generated ${GENERATED.minutes}-minute visit with ${GENERATED.screenshots} screenshots (median; baseline: a one-page visit, same browser)`,
    `| | one page | 30 minutes | ratio | budget |`,
    `| --- | --- | --- | --- | --- |`,
    `| open (shown, replay playable) | ${s(small.openMs)} | ${s(large.openMs)} | ${ratio(large.openMs, small.openMs)} | ≤ 3 s: ${verdict(large.openMs, REPORT_BUDGETS.openMs)} |`,
    `| export HTML | ${s(small.exportHtmlMs)} | ${s(large.exportHtmlMs)} | ${ratio(large.exportHtmlMs, small.exportHtmlMs)} | ≤ 5 s: ${verdict(large.exportHtmlMs, REPORT_BUDGETS.exportHtmlMs)} |`,
    `| HTML file | ${mb(small.htmlBytes)} | ${mb(large.htmlBytes)} | ${ratio(large.htmlBytes, small.htmlBytes)} | ≤ 25 MB: ${verdict(large.htmlBytes, REPORT_BUDGETS.htmlBytes)} |`,
    `| export bundle | ${s(small.exportBundleMs)} | ${s(large.exportBundleMs)} | ${ratio(large.exportBundleMs, small.exportBundleMs)} | — |`,
    `| bundle file | ${mb(small.bundleBytes)} | ${mb(large.bundleBytes)} | ${ratio(large.bundleBytes, small.bundleBytes)} | — |`,
  ].join('\n');
}

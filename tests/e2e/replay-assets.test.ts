import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { ssim } from 'ssim.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowDownloads, filesIn, waitForDownload } from '../../scripts/automation/downloads';
import { readImage } from '../../scripts/automation/evidence-data';
import { dumpDatabase } from '../../scripts/automation/extension-data';
import { openSession, type Session } from './support/session';

/**
 * Issue 15: the replay in the exported HTML file, opened from disk and offline, shows the shop as
 * the evaluator saw it — its images and styles from the copies kept with the visit. Each page's
 * replay, at the moment of the screenshot taken during the visit, is compared with that screenshot.
 *
 * The measure is SSIM (Wang et al., 2004, as ssim.js computes it, on luminance): it compares
 * structure — edges, shapes, contrast — window by window, so the JPEG noise of the screenshot and
 * the replay's own scaling and anti-aliasing barely move it, while a missing product image or an
 * unstyled page does. A pixel-exact difference (pixelmatch) would fail on JPEG artefacts alone.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Both images are compared at this size (the screenshots are 1280 × 800; the player scales the page). */
const SIZE = { width: 640, height: 400 };

/** An image (a data: URL) drawn at SIZE, as RGBA bytes, in a page of the browser. */
async function pixels(page: Page, src: string): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const base64 = await page.evaluate(
    async (url: string, w: number, h: number) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, w, h);
      const bytes = ctx.getImageData(0, 0, w, h).data;
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    src,
    SIZE.width,
    SIZE.height,
  );
  return { data: new Uint8ClampedArray(Buffer.from(base64, 'base64')), ...SIZE };
}

/** The shop's style sheet and images: the paths whose requests are counted. */
const ASSET_PATHS = ['/css/shop.css', '/img/hero-xl.png', ...readdirSync(path.resolve('tests/fixtures/shop/public/img')).map((f) => `/img/${f}`)];

type Outcome = {
  scores: Record<string, number>;
  /** How many requests reached each asset path of the shop during the whole visit. */
  requests: Record<string, number>;
  /** The product page's Resource Timing entries, as the page sees them (type and path), sorted. */
  timing: string[];
  /** Addresses kept, and not kept by reason. */
  kept: string[];
  skipped: Record<string, string>;
};

/** A visit of home, listing and product, each screenshot compared with the exported file's replay at its moment. */
async function visitAndCompare(keepAssets: boolean): Promise<Outcome> {
  const session: Session = await openSession();
  const shots = new Map<string, string>();
  const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-assets-'));
  const scores: Record<string, number> = {};
  let requests: Record<string, number> = {};
  let timing: string[] = [];
  let kept: string[] = [];
  const skipped: Record<string, string> = {};
  try {
    const { journey, panel, launched } = session;
    await panel.page.evaluate(`chrome.storage.local.set({ settings: { keepAssets: ${keepAssets} } })`);
    await panel.start();
    await sleep(800);
    await journey.dismissCookies();
    await sleep(2500);
    shots.set('home', await panel.capture('visible'));
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await journey.page.waitForSelector('#late-promo', { visible: true, timeout: 5000 }).catch(() => undefined);
    await sleep(2500);
    shots.set('listing', await panel.capture('visible'));
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await sleep(2500);
    shots.set('product', await panel.capture('visible'));
    // The copies are read once each page has settled.
    await sleep(3000);
    timing = (await journey.page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${(e).initiatorType} ${new URL(e.name).pathname}`))).sort();
    await panel.stop();
    const uses = ((JSON.parse((await dumpDatabase(panel.page)).text) as { visitAssets?: unknown[] }).visitAssets ?? []) as { url: string; hash?: string; skipped?: string }[];
    kept = uses.filter((u) => u.hash).map((u) => new URL(u.url).pathname).sort();
    for (const u of uses) if (u.skipped) skipped[new URL(u.url).pathname] = u.skipped;

    await allowDownloads(launched.browser, downloads);
    const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
    await panel.page.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
    const report = (await (await opened).page())!;
    await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
    const before = filesIn(downloads);
    await report.locator('[data-testid=report-export-html]').click();
    const html = await waitForDownload(downloads, '.html', before);

    const offline = await launched.browser.newPage();
    await offline.setViewport({ width: 1400, height: 1000 });
    await offline.setOfflineMode(true);
    await offline.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await offline.waitForSelector('#replay-player[data-state=ready]', { timeout: 20_000 });

    const replays = new Map<string, string>();
    for (const [name, id] of shots) {
      // The screenshot's own link to its moment in the replay.
      const at = await offline.evaluate((sid: string) => document.getElementById(`shot-${sid}`)?.querySelector('[data-replay-at]')?.getAttribute('data-replay-at') ?? null, id);
      if (at === null) throw new Error(`${name}: the screenshot has no moment in the replay`);
      await offline.evaluate((a: string) => (document.querySelector(`[data-replay-at="${a}"]`) as HTMLElement).click(), at);
      await sleep(1500);
      const shot = await (await offline.$('#replay-player .replayer-wrapper'))!.screenshot({ encoding: 'base64' });
      replays.set(name, `data:image/png;base64,${shot}`);
    }
    const blank = await launched.browser.newPage();
    for (const [name, id] of shots) {
      const visit = `data:image/jpeg;base64,${(await readImage(panel.page, id)).toString('base64')}`;
      scores[name] = ssim(await pixels(blank, visit), await pixels(blank, replays.get(name)!)).mssim;
      if (name === 'product') scores['product vs home'] = ssim(await pixels(blank, visit), await pixels(blank, replays.get('home')!)).mssim;
    }
    requests = Object.fromEntries(ASSET_PATHS.map((p) => [p, session.shop.requests(p)]));
  } finally {
    await session.close();
  }
  console.info(`[replay-assets] keepAssets ${keepAssets}, SSIM: ${Object.entries(scores).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}; kept ${kept.length}, skipped ${JSON.stringify(skipped)}`);
  return { scores, requests, timing, kept, skipped };
}

describe('the replay of the exported file, offline, against the screenshots of the visit', () => {
  let withCopies: Outcome;
  let without: Outcome;
  let kept: Record<string, number>;
  let notKept: Record<string, number>;

  beforeAll(async () => {
    withCopies = await visitAndCompare(true);
    // The same visit with the shop's assets not kept: what the replay showed before issue 15.
    without = await visitAndCompare(false);
    kept = withCopies.scores;
    notKept = without.scores;
  }, 360_000);

  it('kept the style sheet and the pictures the pages showed', () => {
    expect(withCopies.kept).toEqual(expect.arrayContaining(['/css/shop.css', '/img/logo.svg', '/img/derby-cuir.svg', '/img/hero-xl.png']));
    expect(without.kept).toEqual([]);
  });

  it('asked the shop for nothing more: the same requests reach it with and without kept copies, and the page sees the same resources', () => {
    expect(Object.values(withCopies.requests).some((n) => n > 0)).toBe(true);
    expect(withCopies.requests).toEqual(without.requests);
    expect(withCopies.timing).toEqual(without.timing);
  });

  for (const name of ['home', 'listing', 'product']) {
    it(`shows the ${name} page as its screenshot did (SSIM ≥ 0.9)`, () => {
      expect(kept[name]).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('tells pages apart: the product’s screenshot is not the home page’s replay', () => {
    expect(kept['product vs home']).toBeLessThan(0.9);
  });

  it('owes it to the kept copies: without them, the product page’s replay is further from its screenshot', () => {
    expect(notKept.product).toBeLessThan(kept.product!);
  });
});

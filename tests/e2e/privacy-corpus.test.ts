import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowDownloads, filesIn, waitForDownload } from '../../scripts/automation/downloads';
import { readEvidence, readImage } from '../../scripts/automation/evidence-data';
import { dumpDatabase, dumpSource, parseDump, progressSource, until, type Progress } from '../../scripts/automation/extension-data';
import { startShop, type Shop } from '../../scripts/automation/shop';
import { CANARIES, ORDINARY, TYPED, fold } from '../shared/privacy-canaries';
import { Firefox } from './support/firefox';
import { ocr } from './support/images';
import { describeScan, scanOcr, scanStores, scanText, type Leak } from './support/privacy-scan';
import { openSession, type Session } from './support/session';

/** Where the background keeps what was typed, in memory (see entrypoints/background/privacy.ts). */
const TYPED_MEMORY_KEY = 'privacy/typed';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The privacy corpus (tests/fixtures/privacy): a shopper's walk through three shops that leak the way
 * real shops do, the canaries typed with the keyboard, screenshots taken on the pages that echo them.
 * Then every record of every store (chunks decompressed), the same URL-decoded, the exported report
 * and bundle, and OCR of every screenshot: no canary anywhere.
 */
describe('the privacy corpus, visited in Chromium: no canary is kept anywhere', () => {
  let session: Session;
  const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-privacy-'));
  const leaks: Leak[] = [];
  /** What the pages showed while the shopper was there: proof that the corpus echoed what was typed. */
  const shown: Record<string, string> = {};
  let storeText = '';
  let ocrText = '';
  let pageCount = 0;
  let shotCount = 0;

  /** Waits for `n` recorded pages; a page the extension does not record is reported, not fatal. */
  async function pages(n: number): Promise<void> {
    await session.panel.waitForPages(n).catch((err: Error) => console.warn(`[privacy-corpus] ${err.message}`));
  }

  async function type(selector: string, text: string): Promise<void> {
    await session.journey.typeInto(selector, text);
  }

  async function text(page: Page, selector: string): Promise<string> {
    return page.$eval(selector, (e) => e.textContent ?? '');
  }

  beforeAll(async () => {
    session = await openSession({ path: '/privacy/shopify/' });
    const { journey, panel, launched } = session;
    const page = journey.page;
    await panel.start();
    await sleep(800);
    await pages(1);
    await panel.capture('visible');

    // Shopify: search, product, checkout, thank-you, order status.
    await type('#Search-In-Template', TYPED.search);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    shown.searchHeading = await text(page, '#search-heading');
    shown.searchTitle = await page.title();
    await pages(2);
    await panel.capture('visible');
    await journey.clickAndLoad('#result-link');
    await journey.clickAndLoad('#buy-now');
    await pages(4);
    await type('#email', TYPED.email);
    await type('#TextField0', TYPED.firstName);
    await type('#TextField1', TYPED.lastName);
    await type('#TextField2', TYPED.street);
    await type('#TextField5', TYPED.phone);
    await type('#delivery-note', TYPED.deliveryNote);
    await journey.clickAndLoad('#continue-button');
    shown.thanks = await text(page, '#customer-information');
    shown.thanksTitle = await page.title();
    await pages(5);
    await sleep(500);
    await panel.capture('visible');
    await panel.capture('full-page');
    await journey.clickAndLoad('#order-status-link');
    await journey.clickAndLoad('#to-woo');
    await pages(7);

    // WooCommerce: a card form sent with GET, a file chosen, an order-received page that throws.
    await type('#lumi_pay-card-number', TYPED.card);
    await type('#lumi_pay-card-expiry', TYPED.cardExpiry);
    await type('#lumi_pay-card-cvc', TYPED.cvc);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mystere-upload-')), TYPED.fileName);
    writeFileSync(file, '%PDF-1.4\n% corpus\n');
    const input = await page.waitForSelector('#wc-upload-proof');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
    await page.waitForFunction(() => (document.querySelector('#wc-upload-status')?.textContent ?? '').includes('Fichier'));
    shown.fileStatus = await text(page, '#wc-upload-status');
    await panel.capture('visible');
    await journey.clickAndLoad('#place_order');
    shown.orderReceivedUrl = page.url();
    await pages(8);
    await sleep(600); // the page's script throws 200 ms after it loads
    await panel.capture('visible');

    // PrestaShop: the password-reset link, then the sign-in with a token in the fragment.
    await journey.clickAndLoad('#to-presta');
    await pages(9);
    await panel.capture('visible');
    await journey.clickAndLoad('#oauth-login');
    shown.oauthUrl = page.url();
    await pages(10);
    await panel.capture('visible');
    await sleep(1500);
    await panel.stop();
    const p = panel.page;
    await until(() => readEvidence(p), (d) => d.visits[0]?.status === 'ended', 'the visit ended');

    // The exports: the report's HTML and the bundle.
    await allowDownloads(launched.browser, downloads);
    const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
    await p.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
    const report = (await (await opened).page())!;
    await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 30_000 });
    await report.locator('[data-testid=verdict-alias]').fill('Évaluatrice 11');
    await report.locator('[data-testid=verdict-text]').fill('Parcours du corpus de confidentialité.');
    await report.locator('[data-testid=verdict-final]').click();
    await report.waitForSelector('[data-testid=report-state][data-final=true]', { timeout: 10_000 });
    const before = filesIn(downloads);
    await report.locator('[data-testid=report-export-html]').click();
    const htmlPath = await waitForDownload(downloads, '.html', before);
    await report.locator('[data-testid=bundle-export]').click();
    const bundlePath = await waitForDownload(downloads, '.zip', before);

    // 1. Every store, every record, every field (chunks decompressed), as is and URL-decoded.
    const dump = await dumpDatabase(p);
    storeText = dump.text;
    pageCount = dump.pages.length;
    const stores = JSON.parse(dump.text) as Record<string, unknown[]>;
    leaks.push(...scanStores(stores));
    // The extension's other storage, for good measure.
    const storage = await p.evaluate(async () => {
      type Area = { get(k: null): Promise<Record<string, unknown>> };
      const { storage: s } = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      return { local: await s.local.get(null), session: await s.session.get(null) };
    });
    // What was typed lives in session storage, in memory, for the privacy pass (never on disk):
    // it must be there, and only there.
    const { [TYPED_MEMORY_KEY]: typedMemory, ...sessionRest } = storage.session;
    expect(JSON.stringify(typedMemory)).toContain(TYPED.lastName);
    leaks.push(...scanStores({ local: [storage.local], session: [sessionRest] }, 'storage'));

    // 2. The exports.
    leaks.push(...scanText(readFileSync(htmlPath, 'utf8'), 'exported report HTML', path.basename(htmlPath)));
    const zip = unzipSync(new Uint8Array(readFileSync(bundlePath)));
    for (const [name, bytes] of Object.entries(zip)) {
      if (name.endsWith('.jpg')) continue; // the same images as the store's, read by OCR below
      const content = name.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : Buffer.from(bytes).toString('utf8');
      leaks.push(...scanText(content, 'bundle', name));
    }

    // 3. OCR of every screenshot.
    const shots = (stores.screenshots ?? []) as Array<{ id: string; trigger: string; pageId: string }>;
    shotCount = shots.length;
    const urls = new Map((dump.pages as Array<{ id: string; url: string }>).map((pg) => [pg.id, pg.url]));
    for (const shot of shots) {
      const read = ocr(await readImage(p, shot.id));
      ocrText += `\n${read}`;
      const where = `screenshot ${shot.id} (${shot.trigger}, ${new URL(urls.get(shot.pageId) ?? 'http://x/').pathname})`;
      leaks.push(...scanOcr(read, where));
    }
    const out = process.env.MYSTERE_PRIVACY_REPORT;
    if (out) writeFileSync(out, JSON.stringify({ leaks, shown }, null, 2));
  }, 300_000);

  afterAll(() => session?.close());

  it('walked the corpus as a shopper: the pages echoed what was typed', () => {
    expect(shown.searchHeading).toContain(TYPED.search);
    expect(shown.searchTitle).toContain(TYPED.search);
    expect(shown.thanks).toContain(TYPED.email);
    expect(shown.thanks).toContain(TYPED.lastName.toUpperCase());
    expect(shown.thanksTitle).toContain(TYPED.firstName);
    expect(shown.fileStatus).toBe(`Fichier : ${TYPED.fileName}`);
    expect(decodeURIComponent(shown.orderReceivedUrl!)).toContain('7391');
    expect(shown.oauthUrl).toContain('#access_token=');
    expect(pageCount).toBeGreaterThanOrEqual(10);
    expect(shotCount).toBeGreaterThanOrEqual(8);
  });

  it('sees the pages: ordinary page text is in the stores, and OCR reads the screenshots', () => {
    for (const words of ORDINARY.stores) expect(fold(storeText), words).toContain(fold(words));
    for (const word of ORDINARY.ocr) expect(fold(ocrText), word).toContain(fold(word));
  });

  it('kept copies of the pages’ sheet and pictures (scanned with the stores), and none of the pixel that carries what was typed', () => {
    const uses = ((JSON.parse(storeText) as { visitAssets?: { url: string; hash?: string; skipped?: string }[] }).visitAssets ?? []).map((u) => ({ ...u, path: new URL(u.url).pathname }));
    const kept = uses.filter((u) => u.hash).map((u) => u.path);
    expect(kept).toEqual(expect.arrayContaining(['/privacy/assets/corpus.css', '/privacy/assets/lampe.svg', '/privacy/assets/bandeau.svg']));
    const pixel = uses.filter((u) => u.path === '/privacy/assets/pixel.svg');
    expect(pixel.length).toBeGreaterThan(0);
    for (const u of pixel) expect(u.hash, JSON.stringify(u)).toBeUndefined();
  });

  it('finds no canary in any store, export or screenshot (each canary looked for is printed)', () => {
    console.log(`[privacy-corpus] ${CANARIES.length} canaries looked for:\n${describeScan(leaks)}`);
    const summary = [...new Set(leaks.map((l) => `${l.canary} — ${l.place}`))].sort();
    expect(summary).toEqual([]);
  });
});

/** The same walk in Firefox ESR (Marionette: real key events), for the recording: the stores are scanned. */
describe('the privacy corpus, recorded in Firefox ESR: no canary is kept in the stores', () => {
  let shop: Shop;
  let firefox: Firefox;
  const leaks: Leak[] = [];
  let storeText = '';
  let pageCount = 0;

  /** The window of the panel, beside the shop's. */
  let panel: string;

  const type = (selector: string, text: string) => firefox.type(selector, text);
  /** Clicks, and waits for the page whose path matches to have loaded and joined the visit. */
  async function clickTo(selector: string, path: RegExp, pages: number): Promise<void> {
    await firefox.click(selector);
    await loaded(path, pages);
  }
  /**
   * A shopper reads each page before acting on it: until it is loaded and has joined the visit (the
   * visit's `pages`th page, its first recorded batch stored), as the Chromium walk waits for the panel
   * to list it recorded. A page the extension does not record is reported, not fatal.
   */
  async function loaded(path: RegExp, pages: number): Promise<void> {
    await firefox.waitFor(`return document.readyState === 'complete' && new RegExp(arguments[0]).test(location.pathname)`.replace('arguments[0]', JSON.stringify(path.source)), `a page at ${path.source}`);
    await until(
      async () => JSON.parse(await firefox.runIn<string>(panel, `return ${progressSource('window.wrappedJSObject.indexedDB')}`)) as Progress,
      (p) => p.pages.length >= pages && p.pages.every((pg) => pg.seqs.includes(0)),
      `${pages} recorded pages`,
    ).catch((err: Error) => console.warn(`[privacy-corpus, Firefox] ${err.message.slice(0, 500)}`));
  }

  beforeAll(async () => {
    shop = await startShop();
    firefox = await Firefox.launch();
    await firefox.installExtension();
    await firefox.navigate(`${shop.origin}/privacy/shopify/`);
    // The panel in a window of its own beside the shop's: the shop's tab stays shown all along.
    ({ panel } = await firefox.startVisitBeside(shop.origin));
    await loaded(/\/privacy\/shopify\/$/, 1);

    await type('#Search-In-Template', `${TYPED.search}\uE007`);
    await loaded(/\/search$/, 2);
    await clickTo('#result-link', /\/products\//, 3);
    await clickTo('#buy-now', /\/information$/, 4);
    await type('#email', TYPED.email);
    await type('#TextField0', TYPED.firstName);
    await type('#TextField1', TYPED.lastName);
    await type('#TextField2', TYPED.street);
    await type('#TextField5', TYPED.phone);
    await type('#delivery-note', TYPED.deliveryNote);
    await clickTo('#continue-button', /\/thank-you$/, 5);
    await clickTo('#order-status-link', /\/authenticate$/, 6);
    await clickTo('#to-woo', /\/woo\/checkout\/?$/, 7);
    await type('#lumi_pay-card-number', TYPED.card);
    await type('#lumi_pay-card-expiry', TYPED.cardExpiry);
    await type('#lumi_pay-card-cvc', TYPED.cvc);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mystere-upload-')), TYPED.fileName);
    writeFileSync(file, '%PDF-1.4\n% corpus\n');
    await type('#wc-upload-proof', file);
    await firefox.waitFor(`return (document.querySelector('#wc-upload-status')?.textContent ?? '').includes('Fichier')`, 'the chosen file shown');
    await sleep(1000);
    await clickTo('#place_order', /\/order-received\//, 8);
    await clickTo('#to-presta', /\/recuperation-mot-de-passe$/, 9);
    await clickTo('#oauth-login', /\/callback$/, 10);

    await firefox.stopVisit(panel);
    const read = async () => parseDump(await firefox.runIn<string>(panel, `return ${dumpSource('window.wrappedJSObject.indexedDB')}`));
    const dump = await until(
      read,
      (d) => d.pages.length >= 10 && d.pages.every((p) => d.chunks.some((c) => c.pageId === p.id && c.seq === 0)),
      'every page’s first recorded batch',
    ).catch(read);
    storeText = dump.text;
    pageCount = dump.pages.length;
    leaks.push(...scanStores(JSON.parse(dump.text) as Record<string, unknown[]>, 'Firefox IndexedDB'));
  }, 240_000);

  afterAll(async () => {
    await firefox?.close();
    await shop?.close();
  });

  it('recorded the ten pages, with their ordinary text', () => {
    expect(pageCount).toBeGreaterThanOrEqual(10);
    for (const words of ORDINARY.stores) expect(fold(storeText), words).toContain(fold(words));
  });

  it('finds no canary in any store (each canary looked for is printed)', () => {
    console.log(`[privacy-corpus, Firefox] ${CANARIES.length} canaries looked for:\n${describeScan(leaks)}`);
    expect([...new Set(leaks.map((l) => `${l.canary} — ${l.place}`))].sort()).toEqual([]);
  });
});

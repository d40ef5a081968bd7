import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPanel } from '../../scripts/automation/chromium';
import { imageSource } from '../../scripts/automation/evidence-data';
import {
  chunksOf,
  dumpDatabase,
  dumpSource,
  opensWithFullSnapshot,
  pagesOf,
  parseDump,
  progressSource,
  until,
  type Dump,
  type Progress,
} from '../../scripts/automation/extension-data';
import { CARD_FORM, CHECKOUT_FORM, ShopJourney } from '../../scripts/automation/journey';
import { Panel } from '../../scripts/automation/panel';
import { startShop, type Shop } from '../../scripts/automation/shop';
import type { AuditRecord } from '../../utils/audit/schema';
import type { Screenshot, Signal } from '../../utils/schema/evidence';
import type { Page } from '../../utils/schema/page';
import { Firefox } from './support/firefox';
import { ocrAsync } from './support/images';
import { cardNumbersIn, plantedSecretsIn } from './support/secrets';

/**
 * The demo shop's purchase, from the home page to the order's confirmation, recorded in Firefox ESR
 * with the panel in a window of its own beside the shop's (as the sidebar is: the shop's tab stays
 * shown and active all along, never hidden by the panel), then the same journey in Chromium with
 * its panel beside the shop too, and the two stores compared page by page.
 *
 * The shop names no icon and answers 404 to /favicon.ico (`startShop({ favicon: false })`), so both
 * browsers ask for /favicon.ico by themselves; no friction signal may come of it.
 */

/**
 * The journey: each page's path, the type and funnel stage it must get, and words its stage
 * screenshot shows and no other page's does.
 *
 * Why OCR of a word for "the picture shows the page it names": the picture is the only place that
 * says what was on screen when the capture was taken (the record's page id says which page the
 * background believed was shown, which is what is being checked). Words in the page's heading or
 * first lines, ASCII only (Tesseract's English model misreads accents), read by Tesseract in both
 * browsers' renderings; each picture must show its own page's words and no other page's, so a
 * picture of the page before (a capture taken too early) fails. Fourteen pictures, two read at a
 * time, take a few seconds; pixel markers would need a JPEG decoder and a change of the shop.
 */
const JOURNEY = [
  { path: '/', type: 'home', stage: 'landing', words: /du Sud/i },
  { path: '/category/chaussures', type: 'listing', stage: 'browse', words: /Derbies, baskets/i },
  { path: '/produit/derby-cuir', type: 'product', stage: 'product', words: /derby intemporel/i },
  { path: '/panier', type: 'cart', stage: 'cart', words: /Mon panier/i },
  { path: '/commande', type: 'checkout', stage: 'checkout', words: /Vos informations/i },
  { path: '/paiement', type: 'payment', stage: 'payment', words: /Carte bancaire/i },
  { path: '/confirmation', type: 'confirmation', stage: 'confirmation', words: /Merci/i },
] as const;

/** What a browser's run needs: reads of the store (from the panel) and the shopper's moves. */
interface Driver {
  /** Every store (chunks decompressed, images as their size). */
  dump(): Promise<Dump>;
  /** The light read polled while a page is read (see `progressSource`). */
  progress(): Promise<Progress>;
  /** A screenshot's JPEG bytes. */
  image(id: string): Promise<Buffer>;
  /** Waits until the shop's tab shows the page at `path`, loaded. */
  arrived(path: string): Promise<void>;
  /** The shopper's moves from page i of the journey to page i + 1. */
  moves: Array<() => Promise<void>>;
  /** Stops the visit from the panel, and waits until the panel says it has stopped. */
  stop(): Promise<void>;
}

/** What the store held for a page while it was on screen, before the shopper left it. */
interface OnScreen {
  path: string;
  seqs: number[];
  opensWithFullSnapshot: boolean;
  audits: number;
}

interface Run {
  onScreen: OnScreen[];
  /** The store once the visit had stopped. */
  dump: Dump;
  pages: Page[];
  audits: AuditRecord[];
  screenshots: Array<Omit<Screenshot, 'image' | 'thumb'>>;
  signals: Signal[];
  /** Stage screenshot id → its JPEG bytes. */
  images: Map<string, Buffer>;
  /** Stage screenshot id → what OCR read in it (once the browsers are closed). */
  read: Map<string, string>;
  /** Requests for /favicon.ico that reached the shop: before the visit started, and in all. */
  faviconRequests: { beforeVisit: number; total: number };
  /** How many requests reached the shop for its style sheet and two pictures, in the whole run. */
  assetRequests: Record<string, number>;
  /** The addresses the visit kept a copy of (paths), and why others were not kept. */
  keptAssets: string[];
  skippedAssets: Record<string, string>;
}

/** The shop's style sheet and two pictures every page or the product page shows (cached a year). */
const ASSET_PATHS = ['/css/shop.css', '/img/logo.svg', '/img/derby-cuir.svg'];

const pathOf = (url: string) => new URL(url).pathname;
const storesOf = (dump: Dump) => JSON.parse(dump.text) as Record<string, unknown[] | undefined>;

/**
 * Walks the journey. On each page the shopper reads until the page's automatic audit is stored (with
 * its first recorded batch); then the store is read, before the shopper moves on. On the last page
 * the visit is stopped from the panel, and the store is read with the stage screenshots' images.
 */
async function walk(driver: Driver, shop: Shop, faviconBeforeVisit: number): Promise<Run> {
  const onScreen: OnScreen[] = [];
  for (const [i, step] of JOURNEY.entries()) {
    await driver.arrived(step.path);
    await until(
      () => driver.progress(),
      (p) => {
        const page = p.pages.find((pg) => pathOf(pg.url) === step.path);
        return !!page && page.seqs.includes(0) && p.audited.includes(page.id);
      },
      `the first recorded batch and the audit of ${step.path}, while it is on screen`,
      90_000,
    );
    const dump = await driver.dump();
    const page = dump.pages.find((p) => pathOf(p.url) === step.path)!;
    onScreen.push({
      path: step.path,
      seqs: chunksOf(dump, page.id).map((c) => c.seq),
      opensWithFullSnapshot: opensWithFullSnapshot(dump, page.id),
      audits: ((storesOf(dump).audits ?? []) as AuditRecord[]).filter((a) => a.pageId === page.id).length,
    });
    if (i < driver.moves.length) await driver.moves[i]!();
  }
  await driver.stop();
  const dump = await until(
    () => driver.dump(),
    (d) => d.visits[0]?.status === 'ended' && d.pages.length > 0 && d.pages.every((p) => p.endedAt !== undefined),
    'the visit and its pages ended',
  );
  const stores = storesOf(dump);
  const uses = (stores.visitAssets ?? []) as { url: string; hash?: string; skipped?: string }[];
  const screenshots = (stores.screenshots ?? []) as Run['screenshots'];
  const images = new Map<string, Buffer>();
  for (const shot of screenshots.filter((s) => s.trigger === 'stage')) images.set(shot.id, await driver.image(shot.id));
  return {
    onScreen,
    dump,
    pages: pagesOf(dump, dump.visits[0]!.id),
    audits: (stores.audits ?? []) as AuditRecord[],
    screenshots,
    signals: (stores.signals ?? []) as Signal[],
    images,
    read: new Map(),
    faviconRequests: { beforeVisit: faviconBeforeVisit, total: shop.requests('/favicon.ico') },
    assetRequests: Object.fromEntries(ASSET_PATHS.map((p) => [p, shop.requests(p)])),
    keptAssets: uses.filter((u) => u.hash).map((u) => pathOf(u.url)).sort(),
    skippedAssets: Object.fromEntries(uses.filter((u) => u.skipped).map((u) => [pathOf(u.url), u.skipped!])),
  };
}

/** OCR of several images, two at a time (the machine has two cores). */
async function readAll(images: Map<string, Buffer>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const queue = [...images];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) out.set(next[0], await ocrAsync(next[1]));
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/** The journey in Firefox ESR, the panel in a window of its own beside the shop's. */
async function inFirefox(): Promise<Run> {
  const shop = await startShop({ favicon: false });
  const firefox = await Firefox.launch();
  try {
    await firefox.installExtension();
    await firefox.navigate(`${shop.origin}/`);
    await firefox.waitFor(`return document.querySelector('#cookie-banner:not([hidden]) #cookie-refuse')`, 'the cookie banner');
    await firefox.click('#cookie-refuse');
    const { panel } = await firefox.startVisitBeside(shop.origin);
    const faviconBeforeVisit = shop.requests('/favicon.ico');
    const idb = 'window.wrappedJSObject.indexedDB';
    const driver: Driver = {
      dump: async () => parseDump(await firefox.runIn<string>(panel, `return ${dumpSource(idb)}`)),
      progress: async () => JSON.parse(await firefox.runIn<string>(panel, `return ${progressSource(idb)}`)) as Progress,
      image: async (id) => Buffer.from(await firefox.runIn<string>(panel, `return ${imageSource(id, idb)}`), 'base64'),
      arrived: (path) =>
        firefox.waitFor(`return document.readyState === 'complete' && location.pathname === ${JSON.stringify(path)}`, `the page ${path}`, 30_000),
      moves: [
        () => firefox.click('main a[href="/category/chaussures"]'),
        async () => {
          // The listing's promo lands late and pushes the grid down: click once it has landed.
          await firefox.waitFor(`return document.querySelector('#late-promo')`, 'the listing’s promo');
          await firefox.click('a[href="/produit/derby-cuir"]');
        },
        async () => {
          await firefox.click('#add-to-cart');
          // The cart drawer slides in: click in it once it has arrived.
          await firefox.waitFor(
            `const d = document.querySelector('#cart-drawer.is-open'); return d && d.getAnimations({ subtree: true }).every((a) => a.playState === 'finished')`,
            'the cart drawer',
          );
          await firefox.click('#cart-drawer-link');
        },
        () => firefox.click('#checkout-link'),
        async () => {
          for (const [selector, value] of CHECKOUT_FORM) await firefox.type(selector, value);
          await firefox.click('#checkout-submit');
        },
        async () => {
          for (const [selector, value] of CARD_FORM) await firefox.type(selector, value);
          await firefox.click('#pay-button');
        },
      ],
      stop: () => firefox.stopVisit(panel),
    };
    return await walk(driver, shop, faviconBeforeVisit);
  } finally {
    await firefox.close();
    await shop.close();
  }
}

/** The same journey in Chromium, the panel in a window of its own beside the shop's. */
async function inChromium(): Promise<Run> {
  const shop = await startShop({ favicon: false });
  const launched = await launchChromium();
  try {
    const tab = await launched.browser.newPage();
    // Chromium asks for /favicon.ico once per origin and session when the answer is a 404 (it then
    // remembers the icon as missing), and the home page is loaded before the visit starts. So that
    // the browser's own request happens while the visit records, the network refuses it until the
    // home page has joined the visit (a network error is not remembered: Chromium asks again, for
    // the home page if it had not asked yet, else on the next page).
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: ['*/favicon.ico'] });
    const journey = new ShopJourney(tab, shop.origin);
    await journey.open('/');
    const panel = new Panel(await openPanel(launched, shop.origin));
    await journey.dismissCookies();
    await panel.start();
    const driver: Driver = {
      dump: () => dumpDatabase(panel.page),
      progress: async () => JSON.parse(await (panel.page.evaluate(progressSource()) as Promise<string>)) as Progress,
      image: async (id) => Buffer.from(await (panel.page.evaluate(imageSource(id)) as Promise<string>), 'base64'),
      arrived: async (path) => {
        await tab.waitForFunction((p: string) => document.readyState === 'complete' && location.pathname === p, {}, path);
      },
      moves: [
        () => journey.clickAndLoad('main a[href="/category/chaussures"]'),
        () => journey.clickAndLoad('a[href="/produit/derby-cuir"]'),
        async () => {
          await journey.addToCart();
          await journey.clickAndLoad('#cart-drawer-link');
        },
        () => journey.clickAndLoad('#checkout-link'),
        () => journey.checkout(),
        async () => {
          await journey.fillCard();
          await journey.clickAndLoad('#pay-button');
        },
      ],
      stop: () => panel.stop(),
    };
    await until(() => driver.progress(), (p) => !!p.pages[0]?.seqs.includes(0), 'the home page in the visit');
    const faviconBeforeVisit = shop.requests('/favicon.ico');
    await cdp.send('Network.setBlockedURLs', { urls: [] });
    return await walk(driver, shop, faviconBeforeVisit);
  } finally {
    await launched.browser.close();
    await shop.close();
  }
}

/** A page's chunks as hashes of their events: a batch stored twice shows up as the same hash twice. */
function batchHashes(dump: Dump, pageId: string): string[] {
  return chunksOf(dump, pageId).map((c) => createHash('sha256').update(JSON.stringify(c.events)).digest('hex'));
}

/** What is compared between the browsers, for one page. */
function rowOf(run: Run, page: Page) {
  const chunks = chunksOf(run.dump, page.id);
  const seen = run.onScreen.find((o) => o.path === pathOf(page.url));
  return {
    path: pathOf(page.url),
    type: page.autoType,
    audits: run.audits.filter((a) => a.pageId === page.id).length,
    stageScreenshots: run.screenshots
      .filter((s) => s.pageId === page.id && s.trigger === 'stage')
      .map((s) => ({ stage: s.stage, shows: JOURNEY.filter((j) => j.words.test(run.read.get(s.id) ?? '')).map((j) => j.path) })),
    recordedOnScreen: !!seen && seen.seqs[0] === 0 && seen.opensWithFullSnapshot,
    recorded: chunks.length > 0 && chunks.every((c, i) => c.seq === i) && opensWithFullSnapshot(run.dump, page.id),
  };
}

describe('the demo shop’s purchase in Firefox ESR and in Chromium, the panel beside the shop', () => {
  let firefox: Run;
  let chromium: Run;
  const runs = () => [['Firefox', firefox], ['Chromium', chromium]] as const;

  beforeAll(async () => {
    const started = Date.now();
    const seconds = (from: number) => `${Math.round((Date.now() - from) / 1000)} s`;
    firefox = await inFirefox();
    const half = Date.now();
    console.log(`[firefox-journey] Firefox: ${seconds(started)}`);
    chromium = await inChromium();
    console.log(`[firefox-journey] Chromium: ${seconds(half)}`);
    // The pictures are read once both browsers are closed.
    const ocrStarted = Date.now();
    const read = await readAll(new Map([...firefox.images, ...chromium.images]));
    for (const run of [firefox, chromium]) for (const id of run.images.keys()) run.read.set(id, read.get(id)!);
    console.log(`[firefox-journey] OCR of ${read.size} pictures: ${seconds(ocrStarted)}`);
  }, 300_000);

  afterAll(() => {
    // What a failure needs to be understood: what the pictures showed, what was set aside as benign.
    for (const [name, run] of runs()) {
      if (!run) continue;
      const ignored = run.pages.map((p) => `${pathOf(p.url)} ${JSON.stringify(p.ignoredSignals ?? {})}`).join(', ');
      const audits = run.pages.map((p) => `${pathOf(p.url)} ${run.audits.filter((a) => a.pageId === p.id).map((a) => a.status).join('+') || 'none'}`);
      console.log(`[firefox-journey] ${name}: audits ${audits.join(', ')}`);
      const { beforeVisit, total } = run.faviconRequests;
      console.log(`[firefox-journey] ${name}: /favicon.ico reached the shop ${total}× (${beforeVisit}× before the visit); ignored as benign: ${ignored}`);
      for (const page of run.pages) {
        for (const row of rowOf(run, page).stageScreenshots) {
          if (row.shows.join() === pathOf(page.url)) continue;
          const shot = run.screenshots.find((s) => s.pageId === page.id && s.stage === row.stage)!;
          console.log(`[firefox-journey] ${name}: the ${row.stage} picture of ${pathOf(page.url)} reads ${JSON.stringify(run.read.get(shot.id)?.replace(/\s+/g, ' '))}`);
        }
      }
    }
  });

  it('Firefox: every page had recorded data stored while it was on screen, before the shopper left it', () => {
    expect(firefox.onScreen.map((o) => [o.path, o.seqs[0] === 0, o.opensWithFullSnapshot, o.audits > 0])).toEqual(
      JOURNEY.map((j) => [j.path, true, true, true]),
    );
  });

  it('Firefox: after Stop every page is stored, the confirmation too, each batch once and in order', () => {
    expect(firefox.dump.visits[0]!.status).toBe('ended');
    expect(firefox.pages.map((p) => [pathOf(p.url), p.autoType])).toEqual(JOURNEY.map((j) => [j.path, j.type]));
    for (const page of firefox.pages) {
      const chunks = chunksOf(firefox.dump, page.id);
      const seen = firefox.onScreen.find((o) => o.path === pathOf(page.url))!;
      expect(chunks.map((c) => c.seq), page.url).toEqual(chunks.map((_, i) => i));
      // What was stored while the page was on screen is still there, and more may have come since.
      expect(chunks.length, page.url).toBeGreaterThanOrEqual(seen.seqs.length);
      expect(opensWithFullSnapshot(firefox.dump, page.id), page.url).toBe(true);
      const hashes = batchHashes(firefox.dump, page.id);
      expect(new Set(hashes).size, `a batch of ${page.url} stored twice`).toBe(hashes.length);
      // Batches follow one another: none starts before the one before it ended.
      for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.firstTs, `${page.url} batch ${i}`).toBeGreaterThanOrEqual(chunks[i - 1]!.lastTs);
    }
  });

  it('Firefox: gives every page, all full loads, its navigation timing', () => {
    for (const page of firefox.pages) {
      expect(page.timing, page.url).toMatchObject({ ttfb: expect.any(Number) as number, load: expect.any(Number) as number });
    }
  });

  it('keeps none of the secrets typed on the way, in either browser (the checks of the Chromium journey)', () => {
    for (const [name, run] of runs()) {
      // The journey did type them: the payment page was reached and left for the confirmation.
      expect(run.pages.map((p) => pathOf(p.url)), name).toContain('/confirmation');
      expect(plantedSecretsIn(run.dump.text), `secrets found in ${name}'s IndexedDB`).toEqual([]);
      expect(cardNumbersIn(run.dump.text), `card numbers in ${name}'s IndexedDB`).toEqual([]);
    }
  });

  it('makes no friction signal of the browser’s own request for /favicon.ico, in either browser', () => {
    // The browsers did ask while the visit recorded (the shop names no icon): not a vacuous pass.
    // Chromium asks once, and its request reached the shop during the visit (the network refused
    // it before). Firefox asks on every page but reaches the shop once, before the visit: it
    // answers its later requests from its image cache, which the extension sees and sets aside.
    // (Chromium's single request is set aside too, but its count is sometimes lost: counted on the
    // page the navigation's commit made, it is not carried over when the recorder's page replaces
    // that one — `absorb` in utils/journey/navigation.ts keeps no `ignoredSignals`.)
    expect(chromium.faviconRequests.beforeVisit, 'Chromium: requests for /favicon.ico before the visit').toBe(0);
    expect(chromium.faviconRequests.total, 'Chromium: requests for /favicon.ico').toBeGreaterThan(0);
    const setAside = firefox.pages.reduce((n, p) => n + (p.ignoredSignals?.favicon ?? 0), 0);
    expect(setAside, 'Firefox: favicon requests seen during the visit and set aside').toBeGreaterThan(0);
    for (const [name, run] of runs()) expect(run.signals.filter((s) => /favicon/i.test(JSON.stringify(s))), name).toEqual([]);
  });

  it('keeps the shop’s style sheet and pictures from the browser’s cache in Chromium, none in Firefox (where the page would see the reads), and asks the shop for nothing again', () => {
    expect(chromium.keptAssets, `Chromium: kept ${chromium.keptAssets.join(', ')}; not kept ${JSON.stringify(chromium.skippedAssets)}`).toEqual(expect.arrayContaining(ASSET_PATHS));
    expect(firefox.keptAssets, 'Firefox').toEqual([]);
    for (const [name, run] of runs()) {
      // Served with a year's cache lifetime: the page itself asked once; a copy kept by asking again would make two.
      expect(run.assetRequests, name).toEqual(Object.fromEntries(ASSET_PATHS.map((p) => [p, 1])));
    }
  });

  it('stores the same journey in both browsers, page by page: pages, types, audits, stage pictures of their page, recorded data', () => {
    const firefoxRows = firefox.pages.map((p) => rowOf(firefox, p));
    const chromiumRows = chromium.pages.map((p) => rowOf(chromium, p));
    // Any difference fails…
    expect(firefoxRows).toEqual(chromiumRows);
    // …and the same is also what it should be, so that both browsers cannot be wrong alike.
    expect(chromiumRows).toEqual(
      JOURNEY.map((j) => ({
        path: j.path,
        type: j.type,
        audits: 1,
        stageScreenshots: [{ stage: j.stage, shows: [j.path] }],
        recordedOnScreen: true,
        recorded: true,
      })),
    );
  });
});

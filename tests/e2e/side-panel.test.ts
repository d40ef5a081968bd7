import type { Page as Tab, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPanel, type Launched } from '../../scripts/automation/chromium';
import { chunksOf, dumpDatabase, opensWithFullSnapshot, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { ShopJourney } from '../../scripts/automation/journey';
import { Panel } from '../../scripts/automation/panel';
import { eventsOfVisit, launchChromiumWith, openInNewWindow, shownElapsedSeconds, shownPages, storedPaths } from './support/panel-extras';
import { startShop, type Shop } from '../../scripts/automation/shop';
import { openSession } from './support/session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The evaluator opens the panel beside a shop, records a visit, corrects it, looks back at it and deletes it. */
describe('the side panel, from start to delete', () => {
  let shop: Shop;
  let launched: Launched;
  let journey: ShopJourney;
  let panel: Panel;
  let visitId: string;

  beforeAll(async () => {
    ({ shop, launched, journey, panel } = await openSession());
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  it('shows the site of the tab it drives, and offers to start a visit', async () => {
    const site = await panel.page.$eval('[data-testid=current-site]', (p) => p.textContent ?? '');
    expect(site).toContain(new URL(shop.origin).host); // 127.0.0.1:PORT
    const start = await panel.page.waitForSelector('[data-testid=visit-start]');
    expect(await start!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(await panel.page.$('[data-testid=visit-status]')).toBeNull();
  });

  it('cannot start a visit from a tab that shows no website', async () => {
    const blankTab = await openInNewWindow(launched, 'about:blank');
    const blank = await openPanel(launched, 'about:blank');
    try {
      const site = await blank.$eval('[data-testid=current-site]', (p) => p.textContent ?? '');
      expect(site).toContain('Open the shop to visit in this tab.');
      expect(site).not.toContain('127.0.0.1');
      const start = await blank.waitForSelector('[data-testid=visit-start]');
      expect(await start!.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    } finally {
      await blank.close();
      await blankTab.close();
    }
  });

  it('starts recording, and the elapsed time runs', async () => {
    await panel.start();
    const first = await shownElapsedSeconds(panel.page);
    await sleep(2500);
    const later = await shownElapsedSeconds(panel.page);
    expect(later).toBeGreaterThanOrEqual(first + 1);
    expect(later).toBeLessThanOrEqual(first + 4);
    expect(await panel.page.$eval('[data-testid=visit-status]', (s) => s.getAttribute('data-state'))).toBe('recording');
    await panel.waitForTypes(['home']);
    visitId = (await dumpDatabase(panel.page)).visits[0]!.id;
  });

  it('lists each page in the order visited, with its type', async () => {
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await journey.addToCart();
    await journey.clickAndLoad('#cart-drawer-link');
    // Pages left at once may have no recording; the journey lists them all the same.
    await panel.waitForTypes(['home', 'listing', 'product', 'cart'], { recorded: false });

    const dump = await until(() => dumpDatabase(panel.page), (d) => d.pages.length === 4, 'four stored pages');
    expect(storedPaths(dump, visitId)).toEqual(['/', '/category/chaussures', '/produit/derby-cuir', '/panier']);
    // The panel's list is the stored one, item for item.
    expect((await shownPages(panel.page)).map((p) => p.id)).toEqual(pagesOf(dump, visitId).map((p) => p.id));
  });

  it('lets the evaluator correct a page type, and give it back to the detection', async () => {
    const cart = pagesOf(await dumpDatabase(panel.page), visitId).find((p) => p.autoType === 'cart')!;
    const item = `[data-testid=page-item][data-page-id="${cart.id}"]`;
    const select = `${item} select[data-testid=page-type-select]`;
    // The detected type is marked as such among the choices.
    expect(await panel.page.$eval(`${select} option[value=cart]`, (o) => o.textContent)).toBe('Cart (detected)');

    await panel.view('visit');
    await panel.page.select(select, 'checkout');
    await panel.page.waitForSelector(`${item}[data-page-type=checkout]`);
    let stored = await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.find((p) => p.id === cart.id)?.typeOverride === 'checkout',
      'the correction to be stored',
    );
    expect(stored.pages.find((p) => p.id === cart.id)).toMatchObject({ autoType: 'cart', typeOverride: 'checkout' });
    expect(await panel.types()).toEqual(['home', 'listing', 'product', 'checkout']);

    // Choosing the detected type again removes the correction.
    await panel.page.select(select, 'cart');
    await panel.page.waitForSelector(`${item}[data-page-type=cart]`);
    stored = await until(
      () => dumpDatabase(panel.page),
      (d) => !('typeOverride' in (d.pages.find((p) => p.id === cart.id) ?? { typeOverride: 'gone' })),
      'the correction to be removed',
    );
    expect(stored.pages.find((p) => p.id === cart.id)?.autoType).toBe('cart');
  });

  it('stops: the visit moves to the past visits, and a new visit can be started', async () => {
    await panel.stop();
    await panel.page.waitForSelector(`[data-testid=visit-item][data-visit-id="${visitId}"][data-status=ended]`);
    expect(await panel.page.$('[data-testid=visit-status]')).toBeNull();
    expect(await panel.page.$eval('[data-testid=visit-start]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    const dump = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');
    for (const page of pagesOf(dump, visitId)) expect(page.endedAt, page.url).toBeGreaterThanOrEqual(page.startedAt);
  });

  it('opens a past visit to show its pages, and comes back', async () => {
    const dump = await dumpDatabase(panel.page);
    await panel.page.locator(`[data-testid=visit-item][data-visit-id="${visitId}"] [data-testid=visit-open]`).click();
    await panel.page.waitForFunction((host: string) => document.querySelector('h1')?.textContent === host, {}, new URL(shop.origin).host);
    expect(await panel.page.$('[data-testid=visit-start]')).toBeNull();
    await panel.waitForPages(4);
    expect((await shownPages(panel.page)).map((p) => p.id)).toEqual(pagesOf(dump, visitId).map((p) => p.id));
    expect(await panel.types()).toEqual(['home', 'listing', 'product', 'cart']);
    expect(await panel.page.$eval('p.meta', (p) => p.textContent)).toBe('Ended · 4 pages');

    await panel.page.locator('button::-p-text(Back)').click();
    await panel.page.waitForSelector('[data-testid=visit-start]');
    expect(await panel.page.$$('[data-testid=page-item]')).toHaveLength(0);
    expect(await panel.page.$(`[data-testid=visit-item][data-visit-id="${visitId}"]`)).not.toBeNull();
  });

  it('deletes a past visit, its pages and its recording, only once confirmed', async () => {
    const visitItem = `[data-testid=visit-item][data-visit-id="${visitId}"]`;
    const before = await dumpDatabase(panel.page);
    expect(pagesOf(before, visitId)).toHaveLength(4);
    expect(before.chunks.filter((c) => c.visitId === visitId).length).toBeGreaterThan(0);

    // Asked, then cancelled: nothing happens.
    await panel.page.locator(`${visitItem} [data-testid=visit-delete]`).click();
    const question = await panel.page.waitForSelector(`${visitItem} .confirm`);
    expect(await question!.evaluate((q) => q.textContent)).toContain('Delete this visit and its recording for good?');
    await panel.page.locator(`${visitItem} .confirm button::-p-text(Cancel)`).click();
    await panel.page.waitForSelector(`${visitItem} [data-testid=visit-delete]`);
    expect(await panel.page.$(`${visitItem} [data-testid=visit-delete-confirm]`)).toBeNull();
    await sleep(500);
    const kept = await dumpDatabase(panel.page);
    expect(kept.visits.map((v) => v.id)).toContain(visitId);
    expect(pagesOf(kept, visitId)).toHaveLength(4);

    // Asked and confirmed: the visit is gone, from the panel and from the database.
    await panel.page.locator(`${visitItem} [data-testid=visit-delete]`).click();
    await panel.page.locator(`${visitItem} [data-testid=visit-delete-confirm]`).click();
    await panel.page.waitForSelector(visitItem, { hidden: true });
    const after = await until(() => dumpDatabase(panel.page), (d) => d.visits.length === 0, 'the visit to be deleted');
    expect(after.pages.filter((p) => p.visitId === visitId)).toEqual([]);
    expect(after.chunks.filter((c) => c.visitId === visitId)).toEqual([]);
    expect(await panel.page.$$('[data-testid=visit-item]')).toHaveLength(0);
  });
});

/**
 * The evaluator pauses the visit, does something on the shop they do not want recorded, and resumes
 * on another page. Pages: home, listing, product (recording), then cart and account (paused), then
 * the account page goes on recording once resumed.
 */
describe('pausing a visit', () => {
  let shop: Shop;
  let launched: Launched;
  let journey: ShopJourney;
  let panel: Panel;
  let dump: Dump;
  let visitId: string;

  beforeAll(async () => {
    ({ shop, launched, journey, panel } = await openSession());
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  it('freezes the elapsed time while paused', async () => {
    await panel.start();
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    // The shopper stays on the listing until its recording is stored (a page left at its load event has none).
    await panel.waitForTypes(['home', 'listing']);
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await panel.waitForTypes(['home', 'listing', 'product']);
    await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.length === 3 && d.pages.every((p) => chunksOf(d, p.id).length > 0),
      'three recorded pages',
    );
    visitId = (await dumpDatabase(panel.page)).visits[0]!.id;

    await panel.pause();
    const atPause = await shownElapsedSeconds(panel.page);
    await sleep(2200);
    expect(await shownElapsedSeconds(panel.page)).toBe(atPause);
    expect(await panel.page.$('[data-testid=visit-resume]')).not.toBeNull();
    expect(await panel.page.$('[data-testid=visit-pause]')).toBeNull();
  });

  it('records nothing of what happens while paused', async () => {
    // Still paused: the cart drawer opens, the cart page loads, then the account page.
    await journey.addToCart();
    await journey.clickAndLoad('#cart-drawer-link');
    await journey.open('/compte');
    await sleep(2500); // more than a recorder's flush interval
    await panel.resume();
    await until(
      () => dumpDatabase(panel.page),
      (d) => {
        const to = d.visits[0]?.pauses[0]?.to;
        return to !== undefined && d.chunks.some((c) => c.events.some((e) => e.type === 2 && e.timestamp >= to));
      },
      'a full snapshot after the pause',
    );
    await panel.stop();
    dump = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');

    const [pause] = dump.visits[0]!.pauses;
    expect(dump.visits[0]!.pauses).toHaveLength(1);
    const { from, to } = pause!;
    expect(to).toBeGreaterThan(from);
    const events = eventsOfVisit(dump, visitId);
    // Recorded before and after, so an empty middle means something.
    expect(events.some(({ event }) => event.timestamp < from)).toBe(true);
    expect(events.some(({ event }) => event.timestamp > to!)).toBe(true);
    const during = events.filter(({ event }) => event.timestamp >= from && event.timestamp <= to!);
    expect(during.map(({ page, event }) => `${new URL(page.url).pathname} type ${event.type} at ${event.timestamp}`)).toEqual([]);
  });

  it('resumes on the page at hand with a new full snapshot', () => {
    const to = dump.visits[0]!.pauses[0]!.to!;
    const account = pagesOf(dump, visitId).find((p) => new URL(p.url).pathname === '/compte');
    expect(account, 'the account page, where the visit was resumed').toBeDefined();
    const events = chunksOf(dump, account!.id).flatMap((c) => c.events);
    const full = events.findIndex((e) => e.type === 2);
    expect(full, 'a full snapshot of the account page').toBeGreaterThanOrEqual(0);
    expect(events[full]!.timestamp).toBeGreaterThanOrEqual(to);
    expect(events[full - 1]?.type, 'the snapshot comes after its meta event').toBe(4);
    // Nothing of the account page was recorded before the resume.
    expect(events.filter((e) => e.timestamp < to)).toEqual([]);
  });

  it('keeps no page that was only seen while paused', () => {
    // The cart page was opened and left during the pause: its address, title, timings and vitals
    // were taken while the evaluator had paused the visit.
    expect(storedPaths(dump, visitId)).toEqual(['/', '/category/chaussures', '/produit/derby-cuir', '/compte']);
  });
});

/** One visit runs at a time; it follows the tabs the shop opens from its own tab. */
describe('a visit and the browser tabs', () => {
  let shop: Shop;
  let launched: Launched;
  let tabA: Tab;
  let panelA: Panel;
  let visitId: string;

  beforeAll(async () => {
    shop = await startShop();
    launched = await launchChromium();
    tabA = await launched.browser.newPage();
    await new ShopJourney(tabA, shop.origin).open('/');
    panelA = new Panel(await openPanel(launched, shop.origin));
    await panelA.start();
    await panelA.waitForTypes(['home']);
    visitId = (await dumpDatabase(panelA.page)).visits[0]!.id;
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  it('shows the running visit, not a Start button, in the panel of another tab', async () => {
    await openInNewWindow(launched, `${shop.origin}/compte`);
    const panelB = await openPanel(launched, `${shop.origin}/compte`);
    await panelB.waitForSelector('[data-testid=visit-status][data-state=recording]');
    expect(await panelB.$('[data-testid=visit-start]')).toBeNull();
    expect(await panelB.$$eval('p.notice', (ps) => ps.map((p) => p.textContent))).toContain('The visit is running in another tab.');

    // Asked anyway, the background refuses a second visit.
    const tabIdB = Number(new URL(panelB.url()).searchParams.get('tabId'));
    const reply = await panelB.evaluate(`chrome.runtime.sendMessage({ type: 'visit/start', tabId: ${tabIdB} })`);
    expect(reply).toMatchObject({ ok: false, error: 'visit-running' });

    // The other tab is not part of the visit: its page is not recorded.
    await sleep(2000);
    const dump = await dumpDatabase(panelB);
    expect(dump.visits.map((v) => v.id)).toEqual([visitId]);
    expect(dump.visits[0]!.tabIds).not.toContain(tabIdB);
    expect(storedPaths(dump, visitId)).toEqual(['/']);
    await panelB.close();
  });

  it('records a tab the shop opens from the visit’s tab', async () => {
    const opened = launched.browser.waitForTarget((t: Target) => t.url() === `${shop.origin}/panier`);
    await tabA.evaluate(() => void window.open('/panier'));
    await opened;
    await panelA.waitForTypes(['home', 'cart']);
    const dump = await until(
      () => dumpDatabase(panelA.page),
      (d) => d.pages.length === 2 && d.pages.every((p) => opensWithFullSnapshot(d, p.id)),
      'both pages with their full snapshots',
    );
    const [home, cart] = pagesOf(dump, visitId);
    expect(new URL(cart!.url).pathname).toBe('/panier');
    expect(cart!.tabId).not.toBe(home!.tabId);
    expect(dump.visits[0]!.tabIds).toEqual([home!.tabId, cart!.tabId]);
  });
});

/** The panel speaks the browser's language. */
describe('the panel in the browser’s language', () => {
  let shop: Shop;
  let launched: Launched | undefined;

  beforeAll(async () => {
    shop = await startShop();
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  /**
   * On Linux, Chromium takes its interface language from `LANGUAGE` (then `LC_ALL`/`LANG`); `--lang`
   * is ignored there. The language's locale file must be installed (Debian: `chromium-l10n`).
   */
  async function panelIn(lang: string, env: string) {
    await launched?.browser.close();
    launched = await launchChromiumWith({ args: [`--lang=${lang}`], env: { LANGUAGE: env } });
    await new ShopJourney(await launched.browser.newPage(), shop.origin).open('/');
    const panel = await openPanel(launched, shop.origin);
    return { panel, uiLanguage: (await panel.evaluate('chrome.i18n.getUILanguage()')) as string };
  }

  it('is in French in a French browser', async () => {
    const { panel, uiLanguage } = await panelIn('fr', 'fr');
    expect(uiLanguage, 'Chromium did not start in French: is its French locale (Debian: chromium-l10n) installed?').toMatch(/^fr/);
    expect(await panel.$eval('[data-testid=visit-start]', (b) => b.textContent)).toBe('Démarrer la visite');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await panel.$eval('[data-testid=current-site]', (p) => p.textContent)).toContain('Site de l’onglet');
  });

  it('is in English in an American English browser', async () => {
    const { panel, uiLanguage } = await panelIn('en-US', 'en_US');
    expect(uiLanguage).toBe('en-US');
    expect(await panel.$eval('[data-testid=visit-start]', (b) => b.textContent)).toBe('Start visit');
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

/** The evaluator works with the keyboard only. */
describe('the panel with the keyboard', () => {
  let shop: Shop;
  let launched: Launched;
  let panel: Panel;

  beforeAll(async () => {
    shop = await startShop();
    launched = await launchChromium();
    await new ShopJourney(await launched.browser.newPage(), shop.origin).open('/');
    panel = new Panel(await openPanel(launched, shop.origin));
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  /** Presses Tab from the top of the page until the Start button has the focus; how many presses it took. */
  async function tabToStart(): Promise<number> {
    await panel.page.reload();
    await panel.page.waitForSelector('[data-testid=visit-start]:not([disabled])');
    for (let presses = 1; presses <= 10; presses++) {
      await panel.page.keyboard.press('Tab');
      const focused = await panel.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      if (focused === 'visit-start') return presses;
    }
    throw new Error('Tab never reached the Start button');
  }

  it('reaches Start with Tab and starts the visit with Enter', async () => {
    expect(await tabToStart()).toBe(1); // nothing focusable comes before it
    await panel.page.keyboard.press('Enter');
    await panel.waitForState('recording');
    await panel.stop();
  });

  it('starts the visit with Space too', async () => {
    await tabToStart();
    await panel.page.keyboard.press('Space');
    await panel.waitForState('recording');
    const dump = await dumpDatabase(panel.page);
    expect(dump.visits.map((v) => v.status).sort()).toEqual(['ended', 'recording']);
  });
});

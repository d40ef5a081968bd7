import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../scripts/automation/extension-data';
import { pathOf, readEvidence, readImage, type EvidenceDump } from '../../scripts/automation/evidence-data';
import { jpegSize } from './support/images';
import { openSession, type Session } from './support/session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The evaluator shops the fixture shop, meets its planted flaws, takes screenshots, writes a note,
 * and declares that a real shopper would leave at the cart; then we read what the extension kept.
 */
describe('evidence of a visit in Chromium', () => {
  let session: Session;
  let dump: EvidenceDump;
  let productHeight: number;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    const shop = journey.page;
    await panel.start();

    // Home: the cookie banner covers the page until it is dismissed.
    await sleep(1500);
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    // Listing: a JS error (300 ms), a rejection (400 ms) and the late banner (1200 ms after load).
    await shop.waitForSelector('#late-promo', { timeout: 5000 });
    await sleep(800);

    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await panel.waitForPages(3);
    // The size guide does nothing: an impatient shopper clicks it again and again.
    for (let i = 0; i < 3; i++) {
      await shop.click('#size-guide');
      await sleep(120);
    }
    await sleep(1300);
    productHeight = await shop.evaluate(() => document.documentElement.scrollHeight);
    const visibleId = await panel.capture('visible');
    await panel.capture('full-page');
    await panel.annotate(visibleId, [0.1, 0.2], [0.5, 0.6], 'Le guide des tailles ne réagit pas');
    await panel.addNote('Le guide des tailles ne s’ouvre pas.');

    await journey.addToCart();
    await journey.clickAndLoad('#cart-drawer-link');
    await panel.waitForPages(4);
    await panel.abandon('extra-costs', 'Les frais de livraison ne sont pas annoncés.');

    await journey.clickAndLoad('#checkout-link');
    await panel.waitForPages(5);
    // The vague form error: submit the empty form.
    await shop.click('#checkout-submit');
    await shop.waitForSelector('#checkout-error-slot .form-error', { visible: true });
    await sleep(2500);
    await panel.stop();

    dump = await until(
      () => readEvidence(panel.page),
      (d) => d.visits[0]?.outcome !== undefined,
      'the visit’s outcome',
    );
  }, 120_000);

  afterAll(() => session?.close());

  const signalsOn = (path: string, type: string) =>
    dump.signals.filter((s) => s.type === type && pathOf(dump, s.pageId) === path);

  it('turns the dead button into a rage click and a dead click, on the product page', () => {
    const rage = signalsOn('/produit/derby-cuir', 'rage-click');
    expect(rage).toHaveLength(1);
    expect(rage[0]!.selector).toContain('size-guide');
    expect(rage[0]!.facts.clicks).toBeGreaterThanOrEqual(3);
    const dead = signalsOn('/produit/derby-cuir', 'dead-click');
    expect(dead.length).toBeGreaterThanOrEqual(1);
    expect(dead.every((s) => s.selector?.includes('size-guide'))).toBe(true);
    // Nowhere else.
    expect(dump.signals.filter((s) => s.type === 'rage-click')).toHaveLength(1);
  });

  it('reports the failing request on the product page', () => {
    const failed = signalsOn('/produit/derby-cuir', 'failed-request');
    expect(failed.map((s) => [s.facts.url, s.facts.status])).toContainEqual([
      expect.stringMatching(/\/api\/recommendations$/),
      500,
    ]);
    // The query string (which may carry what the shopper typed) is not kept.
    expect(JSON.stringify(failed)).not.toContain('sku=');
  });

  it('reports the uncaught error and the unhandled rejection on the listing page', () => {
    const errors = signalsOn('/category/chaussures', 'js-error');
    expect(errors.map((s) => s.facts.error).sort()).toEqual(['error', 'rejection']);
    expect(errors.find((s) => s.facts.error === 'error')!.facts.message).toMatch(/dataset/);
    expect(errors.find((s) => s.facts.error === 'rejection')!.facts.message).toMatch(/Historique de navigation indisponible/);
  });

  // Other pages may shift too, depending on when the browser first paints them (cart lines are
  // drawn by script); the planted one must be found where it is.
  it('reports the late banner’s layout shift on the listing page', () => {
    const listing = dump.pages.find((p) => pathOf(dump, p.id) === '/category/chaussures')!;
    // The banner comes 1200 ms after the load event.
    const late = signalsOn('/category/chaussures', 'layout-shift').filter((s) => s.at - listing.startedAt >= 1200);
    expect(late).toHaveLength(1);
    expect(late[0]!.facts.value).toBeGreaterThan(0.1);
  });

  it('reports the vague form error on the checkout page', () => {
    const errors = signalsOn('/commande', 'form-error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.map((s) => s.facts.text)).toContain('Une erreur est survenue.');
  });

  it('stores a visible and a full-page screenshot, the full page as tall as the document', async () => {
    const onProduct = dump.screenshots.filter((s) => s.trigger === 'button' && pathOf(dump, s.pageId) === '/produit/derby-cuir');
    const visible = onProduct.find((s) => s.kind === 'visible')!;
    const full = onProduct.find((s) => s.kind === 'full-page')!;
    expect(visible.height).toBe(800);
    expect(full.height).toBe(productHeight);
    expect(full.height).toBeGreaterThan(visible.height);
    expect(full.truncated).toBeUndefined();
    for (const shot of [visible, full]) {
      expect(shot.imageBytes).toBeGreaterThan(1000);
      expect(shot.offset).toBeGreaterThan(0);
      // The JPEG itself is that size.
      expect(jpegSize(await readImage(session.panel.page, shot.id))).toEqual({ width: shot.width, height: shot.height });
    }
  });

  it('keeps the area drawn on a screenshot, with its caption', () => {
    const shot = dump.screenshots.find((s) => s.kind === 'visible' && s.trigger === 'button')!;
    expect(shot.annotations).toHaveLength(1);
    const [area] = shot.annotations;
    expect(area!.caption).toBe('Le guide des tailles ne réagit pas');
    for (const [value, expected] of [[area!.x, 0.1], [area!.y, 0.2], [area!.w, 0.4], [area!.h, 0.4]] as const) {
      expect(value).toBeCloseTo(expected, 1);
    }
  });

  it('captures each funnel stage on arrival', () => {
    const stages = dump.screenshots
      .filter((s) => s.trigger === 'stage')
      .sort((a, b) => a.at - b.at)
      .map((s) => s.stage);
    expect(stages).toEqual(['landing', 'browse', 'product', 'cart', 'checkout']);
  });

  it('keeps the note with its page and replay time', () => {
    expect(dump.notes).toHaveLength(1);
    expect(dump.notes[0]!.text).toBe('Le guide des tailles ne s’ouvre pas.');
    expect(pathOf(dump, dump.notes[0]!.pageId)).toBe('/produit/derby-cuir');
    expect(dump.notes[0]!.offset).toBeGreaterThan(0);
  });

  it('ends abandoned at the cart, for extra costs, with a screenshot', () => {
    const [abandonment] = dump.abandonments;
    expect(dump.abandonments).toHaveLength(1);
    expect(abandonment).toMatchObject({ stage: 'cart', reason: 'extra-costs', comment: 'Les frais de livraison ne sont pas annoncés.' });
    expect(pathOf(dump, abandonment!.pageId)).toBe('/panier');
    const shot = dump.screenshots.find((s) => s.id === abandonment!.screenshotId);
    expect(shot).toMatchObject({ trigger: 'abandon', pageId: abandonment!.pageId });
    expect(dump.visits[0]!.outcome).toMatchObject({ kind: 'abandoned', stage: 'cart', declared: true, reason: 'extra-costs' });
  });

  it('shows the outcome in the panel', async () => {
    const { panel } = session;
    await panel.openPastVisit(0);
    const outcome = await panel.page.waitForSelector('[data-testid=visit-outcome]');
    expect(await outcome!.evaluate((e) => [e.getAttribute('data-outcome'), e.getAttribute('data-stage')])).toEqual(['abandoned', 'cart']);
    const types = await panel.page.$$eval('[data-testid=signal-item]', (items) => items.map((i) => i.getAttribute('data-signal-type')));
    expect(new Set(types)).toEqual(new Set(['rage-click', 'dead-click', 'failed-request', 'js-error', 'layout-shift', 'form-error']));
  });

  it('reports the cookie banner covering the home page, and when it was dismissed', () => {
    const home = dump.pages.find((p) => new URL(p.url).pathname === '/')!;
    const overlay = home.landing?.overlay;
    expect(overlay?.kind).toBe('cookie-banner');
    expect(overlay!.selector).toContain('cookie-banner');
    expect(overlay!.coverage).toBeGreaterThanOrEqual(0.5);
    expect(overlay!.dismissedAt).toBeGreaterThan(overlay!.shownAt);
    // Dismissed after the 1.5 s the evaluator took to read it.
    expect(overlay!.coveredFor).toBeGreaterThanOrEqual(1500);
    expect(home.landing!.firstInteraction).toBeGreaterThanOrEqual(overlay!.shownAt);
  });
});

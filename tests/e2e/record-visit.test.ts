import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksOf, dumpDatabase, opensWithFullSnapshot, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { cardNumbersIn, plantedSecretsIn } from './support/secrets';
import { openSession, type Session } from './support/session';

/**
 * The evaluator records a purchase journey on the fixture shop, typing the planted secrets on the
 * way; then we read back everything the extension stored.
 */
describe('recording a mystery visit in Chromium', () => {
  let session: Session;
  let dump: Dump;
  let visitId: string;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    await panel.start();

    // A shopper reads each page before leaving it: the panel lists it (it has joined the visit).
    await panel.waitForPages(1);
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await panel.waitForPages(2);
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await panel.waitForPages(3);
    await journey.addToCart();
    await journey.clickAndLoad('#cart-drawer-link');
    await panel.waitForPages(4);
    await journey.clickAndLoad('#checkout-link');
    await panel.waitForPages(5);
    await journey.checkout();
    await panel.waitForPages(6);
    await journey.fillCard();
    await journey.open('/app/');
    await panel.waitForPages(7);
    await journey.clientRoute('#route-faq', '/app/faq');
    await panel.waitForPages(8);
    await panel.stop();

    dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.visits[0]?.status === 'ended' && d.pages.length >= 8,
      'the ended visit and its pages',
    );
    visitId = dump.visits[0]!.id;
  });

  afterAll(() => session?.close());

  it('stores every page in order, with its type', () => {
    const pages = pagesOf(dump, visitId);
    expect(pages.map((p) => new URL(p.url).pathname)).toEqual([
      '/',
      '/category/chaussures',
      '/produit/derby-cuir',
      '/panier',
      '/commande',
      '/paiement',
      '/app/',
      '/app/faq',
    ]);
    expect(pages.map((p) => p.autoType)).toEqual([
      'home',
      'listing',
      'product',
      'cart',
      'checkout',
      'payment',
      'other',
      'other',
    ]);
    // Each page ended where the next began.
    // Every page has ended: each where the next began, the last when the visit stopped.
    for (const page of pages) expect(page.endedAt, page.url).toBeGreaterThanOrEqual(page.startedAt);
  });

  it('gives full page loads their navigation timing and vitals', () => {
    const loads = pagesOf(dump, visitId).filter((p) => p.navType !== 'route-change');
    expect(loads).toHaveLength(7);
    for (const page of loads) {
      expect(page.timing, page.url).toMatchObject({
        ttfb: expect.any(Number) as number,
        domContentLoaded: expect.any(Number) as number,
        load: expect.any(Number) as number,
      });
      expect(page.timing!.domContentLoaded).toBeGreaterThanOrEqual(page.timing!.ttfb);
      for (const metric of ['LCP', 'FCP', 'TTFB'] as const) {
        expect(page.vitals[metric], `${metric} of ${page.url}`).toMatchObject({ value: expect.any(Number) as number });
        expect(['good', 'needs-improvement', 'poor']).toContain(page.vitals[metric]!.rating);
      }
    }
  });

  it('times the client-side route change from the history call to the next paint', () => {
    const route = pagesOf(dump, visitId).at(-1)!;
    expect(route.navType).toBe('route-change');
    expect(route.timing).toBeUndefined();
    expect(route.routeTiming?.toPaint).toBeGreaterThanOrEqual(0);
    expect(route.routeTiming!.toPaint).toBeLessThan(10_000);
  });

  it('starts every page recording with a full snapshot, in contiguous chunks', () => {
    for (const page of pagesOf(dump, visitId)) {
      const chunks = chunksOf(dump, page.id);
      expect(chunks.length, page.url).toBeGreaterThan(0);
      expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
      // Meta then the full snapshot (after rrweb's DomContentLoaded event when it started early).
      expect(opensWithFullSnapshot(dump, page.id), `${page.url} opens with ${chunks[0]!.events.slice(0, 3).map((e) => e.type).join()}`).toBe(true);
    }
  });

  it('records the shop’s ordinary journey in full: no page steps down (docs/recording.md, "Heavy pages")', () => {
    const pages = pagesOf(dump, visitId);
    expect(pages.filter((p) => p.degraded).map((p) => p.url)).toEqual([]);
    expect(dump.visits[0]!.storage?.fullAt).toBeUndefined();
    const marks = chunksOf(dump, pages[0]!.id).flatMap((c) => c.events).filter((e) => e.type === 5);
    expect(marks).toEqual([]);
  });

  it('keeps none of the secrets typed or planted in the shop', () => {
    // The journey did type them: the fields were there and filled.
    expect(pagesOf(dump, visitId).some((p) => p.url.endsWith('/paiement'))).toBe(true);
    expect(plantedSecretsIn(dump.text), 'secrets found in IndexedDB').toEqual([]);
    // Any Luhn-valid card number at all, whatever its spacing, in any stored string.
    expect(cardNumbersIn(dump.text)).toEqual([]);
  });
});

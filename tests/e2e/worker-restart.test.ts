import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServiceWorker } from '../../scripts/automation/chromium';
import { chunksOf, dumpDatabase, opensWithFullSnapshot, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { openSession, type Session } from './support/session';

/** Chrome stops an idle service worker after 30 s; here we stop it ourselves, twice, mid-visit. */
describe('a visit survives its service worker being stopped', () => {
  let session: Session;
  let dump: Dump;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel, launched } = session;
    const tab = journey.page;
    await panel.start();
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await panel.waitForPages(2);

    await killServiceWorker(launched.browser); // first stop: between two pages
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await panel.waitForPages(3); // the evaluator glances at the panel, as between any two pages
    await tab.mouse.move(200, 300);
    await tab.mouse.wheel({ deltaY: 400 });
    await journey.addToCart();

    await killServiceWorker(launched.browser); // second stop: with batches of this page on their way
    await journey.clickAndLoad('#cart-drawer-link');
    await panel.waitForPages(4);
    await journey.open('/app/');
    await journey.clientRoute('#route-retours', '/app/retours');
    await panel.waitForPages(6);
    await panel.stop();
    dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.visits[0]?.status === 'ended',
      'the visit to end',
    );
  });

  afterAll(() => session?.close());

  it('keeps every page, in order', () => {
    const pages = pagesOf(dump, dump.visits[0]!.id);
    expect(pages.map((p) => new URL(p.url).pathname)).toEqual([
      '/',
      '/category/chaussures',
      '/produit/derby-cuir',
      '/panier',
      '/app/',
      '/app/retours',
    ]);
  });

  it('keeps every batch of every page, with contiguous sequence numbers from a full snapshot', () => {
    for (const page of pagesOf(dump, dump.visits[0]!.id)) {
      const chunks = chunksOf(dump, page.id);
      expect(chunks.length, page.url).toBeGreaterThan(0);
      expect(chunks.map((c) => c.seq), page.url).toEqual(chunks.map((_, i) => i));
      expect(opensWithFullSnapshot(dump, page.id), page.url).toBe(true);
      // Every chunk holds what its count says (nothing half-written).
      for (const c of chunks) expect(c.events).toHaveLength(c.count);
    }
  });
});

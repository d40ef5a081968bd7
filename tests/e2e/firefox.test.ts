import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksOf, dumpSource, opensWithFullSnapshot, pagesOf, parseDump, until, type Dump } from '../../scripts/automation/extension-data';
import { Firefox } from './support/firefox';
import { startShop, type Shop } from '../../scripts/automation/shop';

/** The same recorder, in Firefox ESR: a visit of three pages, stored. */
describe('recording a visit in Firefox ESR', () => {
  let shop: Shop;
  let firefox: Firefox;
  let dump: Dump;

  beforeAll(async () => {
    shop = await startShop();
    firefox = await Firefox.launch();
    await firefox.installExtension();
    await firefox.navigate(`${shop.origin}/`);
    await firefox.run(`document.querySelector('#cookie-refuse')?.click()`);
    const { tabId } = await firefox.startVisit(shop.origin);
    // A shopper looks at each page a moment (a page joins the visit with its first snapshot, taken
    // once the recorder has heard from the background).
    await firefox.navigate(`${shop.origin}/category/chaussures`);
    await new Promise((r) => setTimeout(r, 1000));
    await firefox.navigate(`${shop.origin}/produit/derby-cuir`);
    await firefox.waitFor(`return document.readyState === 'complete'`, 'the product page');
    // Firefox drops what a page sends as it unloads: give the last page the moment a shopper would.
    await new Promise((r) => setTimeout(r, 1000));

    await firefox.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await firefox.waitFor(
      `return [...document.querySelectorAll('[data-testid=page-item]')].map((i) => i.dataset.pageType).join() === 'home,listing,product'`,
      'three typed pages in the panel',
    );
    await firefox.run(`document.querySelector('[data-testid=visit-stop]').click()`);
    await firefox.waitFor(`return document.querySelector('[data-testid=visit-start]')`, 'the visit to stop');
    // The last page's first batch may still be on its way (it is compressed first): wait for it.
    dump = await until(
      async () => parseDump(await firefox.run<string>(`return ${dumpSource('window.wrappedJSObject.indexedDB')}`)),
      (d) => d.pages.length >= 3 && d.pages.every((p) => d.chunks.some((c) => c.pageId === p.id && c.seq === 0)),
      'every page’s first recorded batch',
    );
  });

  afterAll(async () => {
    await firefox?.close();
    await shop?.close();
  });

  it('stores the three pages in order, each recording from a full snapshot', () => {
    const visit = dump.visits[0]!;
    expect(visit.status).toBe('ended');
    const pages = pagesOf(dump, visit.id);
    expect(pages.map((p) => [new URL(p.url).pathname, p.autoType])).toEqual([
      ['/', 'home'],
      ['/category/chaussures', 'listing'],
      ['/produit/derby-cuir', 'product'],
    ]);
    for (const page of pages) {
      const chunks = chunksOf(dump, page.id);
      expect(chunks.map((c) => c.seq), page.url).toEqual(chunks.map((_, i) => i));
      expect(opensWithFullSnapshot(dump, page.id), page.url).toBe(true);
    }
    expect(pages[1]!.timing?.ttfb).toEqual(expect.any(Number));
  });
});

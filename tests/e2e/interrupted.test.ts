import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPanel, type Launched } from '../../scripts/automation/chromium';
import { chunksOf, dumpDatabase, opensWithFullSnapshot, pagesOf, until } from '../../scripts/automation/extension-data';
import { ShopJourney } from '../../scripts/automation/journey';
import { Panel } from '../../scripts/automation/panel';
import { startShop, type Shop } from '../../scripts/automation/shop';

/** The browser closes in the middle of a visit, and starts again on the same profile. */
describe('a visit cut short by the browser closing', () => {
  let shop: Shop;
  let profile: string;
  let launched: Launched | undefined;
  let before: { visitId: string; pageIds: string[] };

  beforeAll(async () => {
    shop = await startShop();
    profile = await mkdtemp(path.join(tmpdir(), 'mystere-profile-'));
    launched = await launchChromium({ userDataDir: profile });
    const journey = new ShopJourney(await launched.browser.newPage(), shop.origin);
    await journey.open('/');
    const panel = new Panel(await openPanel(launched, shop.origin));
    await panel.start();
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await panel.waitForPages(2);
    await journey.clickAndLoad('a[href="/produit/basket-lin"]');
    await panel.waitForPages(3);
    const dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.length === 3 && d.pages.every((p) => chunksOf(d, p.id).length > 0),
      'three pages with their recordings',
    );
    before = { visitId: dump.visits[0]!.id, pageIds: pagesOf(dump, dump.visits[0]!.id).map((p) => p.id) };
    await launched.browser.close();
    launched = await launchChromium({ userDataDir: profile });
  });

  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('comes back as interrupted, with every page recorded before the close', async () => {
    const journey = new ShopJourney(await launched!.browser.newPage(), shop.origin);
    await journey.open('/panier');
    const panel = new Panel(await openPanel(launched!, shop.origin));
    await panel.waitForState('interrupted');
    expect(await panel.page.$('[data-testid=visit-resume]')).not.toBeNull();
    expect(await panel.page.$('[data-testid=visit-stop]')).not.toBeNull();
    const dump = await dumpDatabase(panel.page);
    expect(dump.visits.map((v) => [v.id, v.status])).toEqual([[before.visitId, 'interrupted']]);
    expect(pagesOf(dump, before.visitId).map((p) => p.id)).toEqual(before.pageIds);
    for (const id of before.pageIds) expect(opensWithFullSnapshot(dump, id)).toBe(true);
    // The page open at the close ends with the last thing recorded of it, not when the browser came back.
    const last = pagesOf(dump, before.visitId).at(-1)!;
    expect(last.endedAt).toBe(Math.max(last.startedAt, ...chunksOf(dump, last.id).map((c) => c.lastTs)));

    // Resumed in the tab at hand, it records again; stopped, it ends.
    await panel.resume();
    await panel.waitForTypes(['home', 'listing', 'product', 'cart']); // the page at hand is recorded again
    await journey.open('/compte');
    await panel.waitForTypes(['home', 'listing', 'product', 'cart', 'account']);
    await panel.stop();
    const after = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');
    expect(pagesOf(after, before.visitId).slice(0, 3).map((p) => p.id)).toEqual(before.pageIds);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPanel, type Launched } from '../../scripts/automation/chromium';
import { dumpDatabase, pagesOf, until } from '../../scripts/automation/extension-data';
import { ShopJourney } from '../../scripts/automation/journey';
import { Panel } from '../../scripts/automation/panel';
import { startPlatform } from '../../scripts/automation/shop';
import { controlTo } from '../../scripts/automation/shopper';

/**
 * A shopper's journey through two platforms of the platform corpus (tests/fixtures/platforms/), each
 * served at the root of its own origin as a real shop is, from the home page to the order
 * confirmation, by clicking the links and buttons each page offers. Every page must be stored with
 * its type, as the corpus's manifest gives it.
 */

interface Entry {
  url: string;
  type: string;
}

const JOURNEY = ['home', 'listing', 'product', 'cart', 'checkout', 'payment', 'confirmation'];
const PLATFORMS = ['shopify', 'magento'];

/** The journey's pages, at their address on the platform's own origin (without `/platforms/<name>`). */
function journeyOf(platform: string): Entry[] {
  const file = path.join(import.meta.dirname, '../fixtures/platforms', platform, 'pages.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { pages: Entry[] };
  return JOURNEY.map((type) => {
    const entry = manifest.pages.find((p) => p.type === type);
    if (!entry) throw new Error(`${platform}: no ${type} page in pages.json`);
    return { ...entry, url: entry.url.replace(`/platforms/${platform}`, '') || '/' };
  });
}

describe.each(PLATFORMS)('a shopper’s journey on the %s corpus', (platform) => {
  let shop: { origin: string; close(): Promise<void> };
  let launched: Launched;
  let journey: ShopJourney;
  let panel: Panel;
  const entries = journeyOf(platform);

  beforeAll(async () => {
    shop = await startPlatform(platform);
    launched = await launchChromium();
    journey = new ShopJourney(await launched.browser.newPage(), shop.origin);
    await journey.open(entries[0]!.url);
    panel = new Panel(await openPanel(launched, shop.origin));
  });
  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  it('stores every page of the journey with its type', async () => {
    const page = journey.page;
    await panel.start();
    await panel.waitForTypes([entries[0]!.type]);
    for (const [i, next] of entries.slice(1).entries()) {
      const control = await controlTo(page, next.url, shop.origin);
      const target = new URL(next.url, shop.origin);
      const sameDocument = target.hash !== '' && new URL(page.url()).pathname === target.pathname && (await control.evaluate((c) => c.tagName === 'A'));
      if (sameDocument) {
        await control.click();
        await page.waitForFunction((hash: string) => location.hash === hash, {}, target.hash);
      } else {
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), control.click()]);
      }
      await panel.waitForTypes(entries.slice(0, i + 2).map((e) => e.type));
    }
    const dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.length === entries.length,
      `${entries.length} pages`,
    );
    const stored = pagesOf(dump, dump.visits[0]!.id);
    console.log(`${platform}: ${stored.map((p) => `${new URL(p.url).pathname}${new URL(p.url).hash} ${p.autoType}`).join(' → ')}`);
    expect(stored.map((p) => p.autoType)).toEqual(entries.map((e) => e.type));
  });
});

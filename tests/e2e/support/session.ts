import { launchChromium, openPanel, type Launched } from '../../../scripts/automation/chromium';
import { ShopJourney } from '../../../scripts/automation/journey';
import { Panel } from '../../../scripts/automation/panel';
import { startShop, type Shop } from '../../../scripts/automation/shop';

/** What most end-to-end tests begin with: the shop served, Chromium with Mystère, the shop open in a tab, the panel beside it. */
export interface Session {
  shop: Shop;
  launched: Launched;
  journey: ShopJourney;
  panel: Panel;
  close(): Promise<void>;
}

export async function openSession(o: { path?: string } = {}): Promise<Session> {
  const shop = await startShop();
  const launched = await launchChromium();
  const journey = new ShopJourney(await launched.browser.newPage(), shop.origin);
  await journey.open(o.path ?? '/');
  const panel = new Panel(await openPanel(launched, shop.origin));
  return {
    shop,
    launched,
    journey,
    panel,
    async close() {
      await launched.browser.close();
      await shop.close();
    },
  };
}

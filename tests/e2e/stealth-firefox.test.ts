import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox, FIREFOX_EXTENSION_ID } from './support/firefox';
import { startShop, type Shop } from '../../scripts/automation/shop';

/** The detection page of tests/e2e/stealth.test.ts, recorded in Firefox ESR: it finds nothing. */
describe('a recorded page cannot tell it is recorded (Firefox ESR)', () => {
  let shop: Shop;
  let firefox: Firefox;
  let planted: string[];
  let found: string[];

  const findings = async (rounds: number) => {
    await firefox.waitFor(`return Number(document.body.dataset.checks) >= ${rounds}`, `${rounds} rounds of checks`, 30_000);
    return JSON.parse(await firefox.run<string>(`return document.body.dataset.findings`)) as string[];
  };

  beforeAll(async () => {
    shop = await startShop();
    firefox = await Firefox.launch();
    await firefox.installExtension();
    await firefox.navigate(`${shop.origin}/securite?plant=1&ext=${FIREFOX_EXTENSION_ID}`);
    planted = await findings(3);
    await firefox.navigate(`${shop.origin}/`);
    await firefox.run(`document.querySelector('#cookie-refuse')?.click()`);
    // The panel in a window of its own beside the shop's: the shop's tab stays shown all along.
    await firefox.startVisitBeside(shop.origin);
    await firefox.navigate(`${shop.origin}/securite?ext=${FIREFOX_EXTENSION_ID}`);
    found = await findings(24);
  });

  afterAll(async () => {
    await firefox?.close();
    await shop?.close();
  });

  it('finds the tells a page plants itself', () => {
    expect(planted.join('\n')).toContain('own property added to window: __plantedTell');
    expect(planted.join('\n')).toContain('not native: history.pushState');
    expect(planted.join('\n')).toContain('an extension script announced itself on the document: capture');
    expect(planted.join('\n')).toContain("the page's own asset was fetched again by a script: /img/logo.svg");
  });

  it('finds nothing while the page is recorded', () => {
    expect(found).toEqual([]);
  });
});

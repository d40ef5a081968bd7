import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, pagesOf, until } from '../../scripts/automation/extension-data';
import { openSession, type Session } from './support/session';

/**
 * The visit leads to another site (here the shop's second origin, as a payment provider would be):
 * it is not recorded until the evaluator allows it from the panel, then it is, from that page on.
 */
describe('a visit that reaches another site', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  });

  afterAll(() => session?.close());

  it('asks before recording the new site, then records it', async () => {
    const { journey, panel, shop } = session;
    await panel.start();
    await panel.waitForPages(1);

    await journey.page.goto(`${shop.altOrigin}/panier`);
    await panel.page.waitForSelector('[data-testid=allow-site]', { visible: true });
    expect(await panel.types()).toEqual(['home']); // not recorded without the evaluator's say-so

    await panel.page.locator('[data-testid=allow-site]').click();
    await panel.waitForTypes(['home', 'cart']);
    expect(await panel.page.$('[data-testid=allow-site]')).toBeNull();

    await journey.page.goto(`${shop.altOrigin}/compte`);
    await panel.waitForTypes(['home', 'cart', 'account']);
    await panel.stop();

    const dump = await until(() => dumpDatabase(panel.page), (d) => d.visits[0]?.status === 'ended', 'the visit to end');
    const visit = dump.visits[0]!;
    expect(visit.origins).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(pagesOf(dump, visit.id).map((p) => new URL(p.url).origin)).toEqual([shop.origin, shop.altOrigin, shop.altOrigin]);
  });
});

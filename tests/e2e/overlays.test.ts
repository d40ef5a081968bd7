import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import type { Page } from '../../utils/schema/page';
import { openSession, type Session } from './support/session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HOME = '/themes/dawn';
const VARIANTS = {
  plain: HOME,
  fixedHeader: `${HOME}?header=fixed`,
  consent: `${HOME}?consent=onetrust`,
  newsletter: `${HOME}?popup=newsletter`,
} as const;

/**
 * The evaluator lands on a home page built as real themes build it (tests/fixtures/themes): a hero
 * banner whose text layer is placed above its picture, a sticky header, a mega menu the shopper
 * opens by pointing at it; then the same page with its header fixed to the top (the open menu is then
 * laid over the page, inside the header), with a consent tool's banner, and with a newsletter
 * pop-up. Only what the shop lays over the page to hide it is an overlay of the landing.
 */
describe('overlays on a theme’s home page, in Chromium', () => {
  let session: Session;
  let dump: Dump;
  const landed = new Map<keyof typeof VARIANTS, Page>();

  beforeAll(async () => {
    session = await openSession({ path: `${HOME}?before` });
    const { journey, panel } = session;
    const shop = journey.page;
    /** The shopper points at "Boutique" in the page's first seconds and reads the mega menu it opens. */
    const openMegaMenu = async () => {
      await sleep(500);
      await shop.hover('#HeaderMenu-boutique');
      await shop.waitForSelector('#MegaMenu-Content-1', { visible: true });
      // Down into the menu (the pointer stays over it).
      await shop.mouse.move(400, 300, { steps: 5 });
      await sleep(2000);
      expect(await shop.$eval('#Details-HeaderMenu-1', (d) => (d as HTMLDetailsElement).open)).toBe(true);
      await shop.mouse.move(1200, 780);
    };
    await panel.start();
    await panel.waitForPages(1);

    // The plain page: the shopper points at "Boutique" in its first seconds; the mega menu opens.
    await journey.open(VARIANTS.plain);
    await panel.waitForPages(2);
    await openMegaMenu();

    // The same with the header fixed to the top: the open menu is laid over the page, in the header.
    await journey.open(VARIANTS.fixedHeader);
    await panel.waitForPages(3);
    await openMegaMenu();

    // The consent tool's banner, left alone.
    await journey.open(VARIANTS.consent);
    await panel.waitForPages(4);
    await shop.waitForSelector('#onetrust-banner-sdk', { visible: true });
    await sleep(1500);

    // The newsletter pop-up, a second after the page, left alone.
    await journey.open(VARIANTS.newsletter);
    await panel.waitForPages(5);
    await shop.waitForSelector('[role=dialog][aria-label="POPUP Form"]', { visible: true, timeout: 5000 });
    await sleep(1500);

    // Leaving the page ends its first seconds' watch.
    await journey.open(`${HOME}?after`);
    await panel.waitForPages(6);
    await panel.stop();

    dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.visits[0]?.status === 'ended' && pagesOf(d, d.visits[0].id).slice(1, 5).every((p) => p.landing),
      'the ended visit and the landings of its four theme pages',
    );
    const pages = pagesOf(dump, dump.visits[0]!.id);
    for (const [i, name] of (['plain', 'fixedHeader', 'consent', 'newsletter'] as const).entries()) landed.set(name, pages[i + 1]!);
  });

  afterAll(() => session?.close());

  it('visits the four variants in order', () => {
    expect([...landed.values()].map((p) => new URL(p.url).pathname)).toEqual([HOME, HOME, HOME, HOME]);
  });

  it('takes neither the hero’s text layer, the sticky header nor the opened mega menu for an overlay', () => {
    const landing = landed.get('plain')!.landing!;
    expect(landing.overlay, JSON.stringify(landing.overlay)).toBeUndefined();
  });

  it('takes a mega menu opened under a fixed header for the page’s frame, not an overlay', () => {
    const landing = landed.get('fixedHeader')!.landing!;
    expect(landing.overlay, JSON.stringify(landing.overlay)).toBeUndefined();
  });

  it('reports the consent tool’s banner as a cookie banner covering the page', () => {
    const overlay = landed.get('consent')!.landing!.overlay;
    expect(overlay?.kind, JSON.stringify(overlay)).toBe('cookie-banner');
    expect(overlay!.selector).toContain('onetrust-banner-sdk');
    expect(overlay!.coverage).toBeGreaterThanOrEqual(0.3);
    expect(overlay!.dismissedAt).toBeUndefined();
  });

  it('reports the newsletter pop-up, from the second it appears', () => {
    const overlay = landed.get('newsletter')!.landing!.overlay;
    expect(overlay?.kind, JSON.stringify(overlay)).toBe('newsletter');
    expect(overlay!.coverage).toBe(1);
    expect(overlay!.shownAt).toBeGreaterThanOrEqual(1000);
    expect(overlay!.dismissedAt).toBeUndefined();
  });
});

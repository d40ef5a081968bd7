import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'puppeteer-core';
import { isWorker } from '../../scripts/automation/chromium';
import { chunksOf, dumpDatabase, pagesOf, until, type Dump } from '../../scripts/automation/extension-data';
import { openSession, type Session } from './support/session';

/**
 * A page joins the journey from the browser's own navigation events, not from its recorder: a page
 * the evaluator left before its recorder could start is still in the visit, typed from its address,
 * marked "not recorded" with the reason, in the panel and in the report; its neighbours' times stay
 * right. The recorder is held back the way a busy or sleeping service worker holds it back: the
 * worker is paused in the debugger, so no recorder gets its answer until it resumes.
 */
describe('a page left before its recorder can start', () => {
  let session: Session;
  let worker: CDPSession;
  let dump: Dump;
  let visitId: string;

  beforeAll(async () => {
    session = await openSession();
    worker = await (await session.launched.browser.waitForTarget(isWorker)).createCDPSession();
  });

  afterAll(async () => {
    await worker?.send('Debugger.resume').catch(() => undefined);
    await session?.close();
  });

  it('is stored in the journey, typed from its address and marked not recorded', async () => {
    const { journey, panel } = session;
    await panel.start();
    await journey.dismissCookies();
    await panel.waitForTypes(['home']);

    await worker.send('Debugger.enable');
    await worker.send('Debugger.pause');
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await journey.clickAndLoad('a[href="/produit/derby-cuir"]');
    await worker.send('Debugger.resume');
    await worker.send('Debugger.disable');

    await panel.waitForTypes(['home', 'listing', 'product'], { recorded: false });
    dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.length === 3 && d.pages.filter((p) => p.unrecorded === undefined).every((p) => chunksOf(d, p.id).length > 0),
      'three pages, the recorded ones with their recording',
    );
    visitId = dump.visits[0]!.id;
    const [home, listing, product] = pagesOf(dump, visitId);
    const paths = pagesOf(dump, visitId).map((p) => `${new URL(p.url).pathname} ${p.autoType} ${p.unrecorded ?? 'recorded'}`);
    console.log(`journey: ${paths.join(' → ')}`);

    expect(new URL(listing!.url).pathname).toBe('/category/chaussures');
    expect(listing!.autoType).toBe('listing');
    expect(listing!.source).toBe('navigation');
    expect(listing!.unrecorded).toBe('left-early');
    expect(chunksOf(dump, listing!.id)).toEqual([]);
    // Its neighbours are recorded, and the times fit end to end.
    expect(home!.unrecorded).toBeUndefined();
    expect(product!.unrecorded).toBeUndefined();
    expect(product!.autoType).toBe('product');
    expect(home!.endedAt).toBeDefined();
    expect(home!.endedAt!).toBeLessThanOrEqual(listing!.startedAt);
    expect(listing!.startedAt - home!.endedAt!).toBeLessThan(2000);
    // The listing ends where the product page begins: its navigation's start, at the latest its commit.
    expect(product!.startedAt).toBeLessThanOrEqual(product!.committedAt!);
    expect(listing!.endedAt!).toBeGreaterThanOrEqual(product!.startedAt);
    expect(listing!.endedAt!).toBeLessThanOrEqual(product!.committedAt!);
    expect(listing!.endedAt! - listing!.startedAt).toBeGreaterThan(0);
  });

  it('is shown as not recorded in the panel, with the reason', async () => {
    const listing = pagesOf(dump, visitId)[1]!;
    const item = `[data-testid=page-item][data-page-id="${listing.id}"]`;
    await session.panel.page.waitForSelector(`${item}[data-recorded=false]`);
    const text = await session.panel.page.$eval(`${item} [data-testid=page-unrecorded]`, (e) => e.textContent);
    expect(text).toBe('Not recorded: left before its recording could start');
    expect(await session.panel.page.$$eval('[data-testid=page-item][data-recorded=true]', (items) => items.length)).toBe(2);
  });

  it('is shown as not recorded in the report, and its neighbours keep their replay', async () => {
    const { panel, launched } = session;
    await panel.stop();
    const report = await launched.browser.newPage();
    await report.goto(`chrome-extension://${launched.extensionId}/report.html?visit=${visitId}&lang=en`);
    await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
    const pages = await report.$$eval('[data-testid=journey-page]', (items) =>
      items.map((i) => ({ recorded: i.getAttribute('data-recorded'), text: i.textContent ?? '' })),
    );
    expect(pages.map((p) => p.recorded)).toEqual(['true', 'false', 'true']);
    expect(pages[1]!.text).toMatch(/not recorded: left before its recording could start/);
    expect(pages[1]!.text).not.toMatch(/▶/);
    expect(pages[0]!.text).not.toMatch(/not recorded/);
  });
});

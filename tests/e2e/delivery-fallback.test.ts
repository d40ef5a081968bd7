import type { CDPSession } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksOf, dumpDatabase, until, type Dump } from '../../scripts/automation/extension-data';
import { openSession, type Session } from './support/session';

/**
 * The recorder's second way to the background, in a real browser: in the shop page's content script
 * (the extension's isolated world, reached over the DevTools protocol as no page script can),
 * `runtime.sendMessage` is made to fail as it did in Firefox. The page's recording still reaches the
 * store, through the extension's storage; the visit counts the hand-overs and the panel shows them.
 */
describe('a recorder whose messages fail, in Chromium', () => {
  let session: Session;
  let dump: Dump;
  let cdp: CDPSession;
  let before: number;

  beforeAll(async () => {
    session = await openSession({ path: '/category/chaussures' });
    const { panel, journey } = session;
    await panel.start();
    await panel.waitForTypes(['listing']);
    await journey.dismissCookies();

    // The extension's content-script world in the shop's page.
    cdp = await journey.page.createCDPSession();
    const contexts: Array<{ id: number; auxData?: { type?: string; frameId?: string }; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = await until(
      () => Promise.resolve(contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'))),
      Boolean,
      'the extension’s isolated world in the shop page',
    );
    const first = await dumpDatabase(panel.page);
    before = first.chunks.length;
    // From now on every message this content script sends fails.
    const broken = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      returnByValue: true,
      expression: `(() => {
        const fail = () => Promise.reject(new Error('Permission denied to access property "constructor"'));
        for (const api of [globalThis.chrome, globalThis.browser]) if (api?.runtime) api.runtime.sendMessage = fail;
        return typeof chrome.runtime.sendMessage;
      })()`,
    });
    expect(broken.result.value).toBe('function');

    // The shopper goes on using the page: scrolling and opening the cart drawer make new batches.
    for (let i = 0; i < 4; i++) {
      await journey.page.mouse.wheel({ deltaY: 400 });
      await new Promise((r) => setTimeout(r, 400));
    }
    await journey.page.click('#open-cart-drawer').catch(() => undefined);
    dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.chunks.length > before && Object.values(d.visits[0]?.delivery ?? {}).some((h) => h.fellBack > 0),
      'new batches stored, and the hand-overs counted on the visit',
      30_000,
    );
  }, 120_000);

  afterAll(async () => {
    await cdp?.detach().catch(() => undefined);
    await session?.close();
  });

  it('stores the page’s new batches through the extension’s storage, in order, once each', () => {
    const page = dump.pages[0]!;
    const seqs = chunksOf(dump, page.id).map((c) => c.seq);
    expect(seqs.length).toBeGreaterThan(before);
    expect(seqs).toEqual(seqs.map((_, i) => i));
  });

  it('counts the hand-overs in the visit’s recording health, with nothing lost', () => {
    const health = Object.values(dump.visits[0]!.delivery ?? {});
    expect(health.reduce((n, h) => n + h.fellBack, 0)).toBeGreaterThan(0);
    expect(health.reduce((n, h) => n + h.lost, 0)).toBe(0);
  });

  it('shows the recording health in the panel', async () => {
    const text = await session.panel.page.waitForSelector('[data-testid=recording-health-delivery]').then((el) => el!.evaluate((e) => e.textContent));
    expect(text).toMatch(/remis par le stockage|handed over through/);
  });

  it('leaves nothing waiting in the extension’s storage', async () => {
    const left = await session.panel.page.evaluate(async () => {
      type Area = { get(keys: null): Promise<Record<string, unknown>> };
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      const all = { ...(await storage.local.get(null)), ...(await storage.session.get(null)) };
      return Object.keys(all).filter((k) => k.startsWith('mystere-handover:'));
    });
    expect(left).toEqual([]);
  });
});

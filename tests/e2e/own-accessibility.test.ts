import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe';
import { openSession, type Session } from './support/session';

describe('accessibility of our own pages', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel } = session;
    await panel.start();
    await journey.dismissCookies();
    await journey.clickAndLoad('main a[href="/category/chaussures"]');
    await panel.waitForTypes(['home', 'listing']);
    await panel.pause();
  });

  afterAll(() => session?.close());

  it('side panel, with a visit running and its pages listed', async () => {
    expect(await violations(session.panel.page)).toEqual([]);
  });

  it('side panel, with past visits', async () => {
    await session.panel.resume();
    await session.panel.stop();
    await session.panel.page.waitForSelector('[data-testid=visit-item]');
    expect(await violations(session.panel.page)).toEqual([]);
  });

  it('options page', async () => {
    const options = await session.launched.browser.newPage();
    await options.goto(`chrome-extension://${session.launched.extensionId}/options.html`);
    await options.waitForSelector('[data-testid=settings-save]');
    expect(await violations(options)).toEqual([]);
  });
});

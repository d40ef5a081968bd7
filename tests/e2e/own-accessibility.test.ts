import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/paths';
import { openSession, type Session } from './support/session';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Our own pages must be usable by everyone: axe-core finds no WCAG A/AA violation in them. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the debugger, which the extension page's script policy does not apply to.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  return found;
}

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

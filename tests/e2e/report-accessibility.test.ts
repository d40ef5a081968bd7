import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowDownloads, filesIn, waitForDownload } from '../../scripts/automation/downloads';
import { violations } from './support/axe';
import { recordVisitAndOpenReport } from './support/report-visit';
import { openSession, type Session } from './support/session';

/**
 * Our report and our viewer are for everyone, in either language: no WCAG A/AA violation found by
 * axe-core in French or in English, with the charts' tables of figures unfolded so that they are
 * checked too. The report takes its language from its menu, the viewer from the settings.
 */

type Lang = 'fr' | 'en';

/** Unfolds every `<details>` (the charts' tables), so that axe checks what they hold. */
const unfold = (page: Page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

describe('accessibility of the report and the viewer, in French and in English', () => {
  let session: Session;
  let report: Page;
  let viewer: Page;
  let options: Page;

  beforeAll(async () => {
    session = await openSession();
    report = await recordVisitAndOpenReport(session);
    // A final verdict, then the bundle, which the viewer imports.
    await report.locator('[data-testid=verdict-alias]').fill('Évaluatrice 7');
    await report.locator('[data-testid=verdict-text]').fill('Le site inspire confiance. Les frais de livraison arrivent trop tard.');
    await report.locator('[data-testid=verdict-final]').click();
    await report.waitForSelector('[data-testid=report-state][data-final=true]', { timeout: 10_000 });
    const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-a11y-'));
    await allowDownloads(session.launched.browser, downloads);
    const before = filesIn(downloads);
    await report.locator('[data-testid=bundle-export]').click();
    const bundle = await waitForDownload(downloads, '.zip', before);

    const base = `chrome-extension://${session.launched.extensionId}`;
    options = await session.launched.browser.newPage();
    await options.goto(`${base}/options.html`);
    await options.waitForSelector('[data-testid=settings-save]');
    viewer = await session.launched.browser.newPage();
    await viewer.goto(`${base}/viewer.html`);
    const input = await viewer.waitForSelector('[data-testid=viewer-import]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(bundle);
    await viewer.waitForSelector('[data-testid=viewer-visit]', { timeout: 30_000 });
  }, 240_000);

  afterAll(() => session?.close());

  it.each(['fr', 'en'] as const)('report in %s', async (lang: Lang) => {
    await report.bringToFront();
    await report.select('[data-testid=report-lang]', lang);
    await report.waitForFunction((l: string) => document.documentElement.lang === l && document.querySelector('main.report')?.getAttribute('lang') === l, {}, lang);
    expect(await report.$$eval('[data-testid=chart] svg[role=img]', (s) => s.length)).toBeGreaterThanOrEqual(5);
    await unfold(report);
    // The replay's frame shows the shop's page, not ours.
    expect(await violations(report, ['#replay-player iframe'])).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('viewer in %s', async (lang: Lang) => {
    await options.bringToFront();
    await options.select('[data-testid=settings-language]', lang);
    await options.click('[data-testid=settings-save]');
    await options.waitForFunction(() => (document.querySelector('[data-testid=settings-message]')?.textContent ?? '') !== '', { timeout: 5000 });
    await viewer.bringToFront();
    await viewer.reload();
    await viewer.waitForSelector('[data-testid=viewer-visit]', { timeout: 30_000 });
    await viewer.waitForFunction((l: string) => document.documentElement.lang === l, {}, lang);
    await unfold(viewer);
    expect(await violations(viewer)).toEqual([]);
  });
});

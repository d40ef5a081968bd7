import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../utils/report/model-types';
import { unpackBundle } from '../../utils/report/bundle/unpack';
import { PRODUCT_ANSWERS } from '../shared/product-answers';
import { launchChromium, type Launched } from '../../scripts/automation/chromium';
import { violations } from './support/axe';
import { allowDownloads, filesIn, waitForDownload } from '../../scripts/automation/downloads';
import { until } from '../../scripts/automation/extension-data';
import { readEvidence } from '../../scripts/automation/evidence-data';
import { watchScripts } from './support/script-watch';
import { openSession, type Session } from './support/session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COMMENT_PAYLOAD = `Aucun frais annoncé. <img src=x onerror="alert('mystere-xss-comment')">`;
const NOTE_PAYLOAD = `Avis illisibles </textarea><script>console.log('MYSTERE-XSS-NOTE')</script>`;
const VERDICT = 'Le site inspire confiance. Les frais de livraison arrivent trop tard. Le guide des tailles ne répond pas.';

/** What a report shows that must survive export and import: sections, score, answers. */
async function readReport(page: Page) {
  return page.evaluate(() => ({
    sections: Array.from(document.querySelectorAll('[data-testid=report-section]')).map((s) => s.getAttribute('data-section')),
    summary: document.querySelector('[data-section=summary]')?.textContent ?? '',
    checklist: document.querySelector('[data-section=checklist]')?.textContent ?? '',
    body: document.body.textContent ?? '',
  }));
}

/** The replay is mounted; returns its iframe's sandbox and the text of the page it shows. */
async function replayState(page: Page) {
  await page.waitForSelector('#replay-player[data-state=ready] iframe', { timeout: 30_000 });
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('#replay-player iframe')!;
    return { sandbox: frame.getAttribute('sandbox'), text: frame.contentDocument?.body?.textContent ?? '' };
  });
}

/** Seeks the replay with the marker whose label holds `label`; waits for the rebuilt page to show `text`. */
async function seekShows(page: Page, label: string, text: string): Promise<boolean> {
  const clicked = await page.evaluate((l: string) => {
    const link = Array.from(document.querySelectorAll('[data-section=replay] .replay-markers li'))
      .find((li) => (li.textContent ?? '').includes(l))
      ?.querySelector<HTMLAnchorElement>('a[data-replay-at]');
    link?.click();
    return link ? true : Array.from(document.querySelectorAll('[data-section=replay] .replay-markers li')).map((li) => li.textContent).join(' | ');
  }, label);
  if (clicked !== true) throw new Error(`no replay marker labelled ${label} in: ${clicked}`);
  return page
    .waitForFunction(
      (t: string) => (document.querySelector<HTMLIFrameElement>('#replay-player iframe')?.contentDocument?.body?.textContent ?? '').includes(t),
      { timeout: 15_000 },
      text,
    )
    .then(() => true)
    .catch(async () => {
      const shown = await page.evaluate(() => [document.querySelector('#replay-player .rr-timeline__time')?.textContent, document.querySelectorAll('#replay-player iframe').length, document.querySelector<HTMLIFrameElement>('#replay-player iframe')?.contentDocument?.body?.textContent ?? '(none)'].join(' / '));
      console.error(`the replay shows: ${shown.replace(/\s+/g, ' ').slice(0, 600)}`);
      return false;
    });
}

describe('the report of a visit: page, HTML export, bundle, viewer', () => {
  let session: Session;
  let report: Page;
  let reportWatch: ReturnType<typeof watchScripts>;
  const downloads = mkdtempSync(path.join(tmpdir(), 'mystere-report-'));
  let htmlPath: string;
  let bundlePath: string;
  let original: Awaited<ReturnType<typeof readReport>>;

  beforeAll(async () => {
    session = await openSession();
    const { journey, panel, launched } = session;
    const p = panel.page;
    await panel.start();
    await sleep(800);
    await journey.dismissCookies();
    await journey.open('/produit/derby-cuir');
    await panel.waitForTypes(['home', 'product']);
    await p.waitForSelector('[data-testid=page-criteria] [data-testid=criterion-item]');
    for (const a of PRODUCT_ANSWERS) await panel.answer(a.criterionId, a.state, a.state === 'no' ? COMMENT_PAYLOAD : '', { screenshot: a.state === 'no' });
    await panel.capture('visible');
    await panel.addNote('Le guide des tailles ne s’ouvre pas.');
    await journey.addToCart();
    await journey.open('/avis');
    await panel.waitForPages(3);
    await sleep(600);
    await panel.addNote(NOTE_PAYLOAD);
    await journey.open('/panier');
    await panel.waitForPages(4);
    await panel.abandon('extra-costs', 'Les frais de livraison ne sont pas annoncés.');
    await sleep(1000);
    await panel.stop();
    await until(() => readEvidence(p), (d) => d.visits[0]?.status === 'ended', 'the visit ended');

    // The panel offers the report as soon as the visit stops.
    await allowDownloads(launched.browser, downloads);
    const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
    await p.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
    report = (await (await opened).page())!;
    reportWatch = watchScripts(report);
    await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
    await report.select('[data-testid=report-lang]', 'fr');

    // The verdict: required before the report is final.
    await report.locator('[data-testid=verdict-alias]').fill('Évaluatrice 7');
    await report.locator('[data-testid=verdict-text]').fill(VERDICT);
    await report.locator('[data-testid=verdict-final]').click();
    await report.waitForSelector('[data-testid=report-state][data-final=true]', { timeout: 10_000 });
    original = await readReport(report);

    const before = filesIn(downloads);
    await report.locator('[data-testid=report-export-html]').click();
    htmlPath = await waitForDownload(downloads, '.html', before);
    await report.locator('[data-testid=bundle-export]').click();
    bundlePath = await waitForDownload(downloads, '.zip', before);
  }, 240_000);

  afterAll(() => session?.close());

  it('shows every section of the report, the answers, the score and the verdict', () => {
    expect(original.sections).toEqual([...REPORT_SECTIONS]);
    for (const answer of PRODUCT_ANSWERS) expect(original.checklist).toContain(answer.criterionId);
    expect(original.summary).toMatch(/76,9/);
    expect(original.body).toContain('Évaluatrice 7');
    expect(original.body).toContain('frais de livraison');
  });

  it('replays the visit in an iframe sandboxed without scripts, and a finding jumps to its moment', async () => {
    const state = await replayState(report);
    expect(state.sandbox).toBe('allow-same-origin');
    // The reviews page, then back to the product page's "no" answer.
    expect(await seekShows(report, 'Avis clients', 'Livraison rapide')).toBe(true);
    expect(await seekShows(report, 'D05', 'Guide des tailles')).toBe(true);
    // The timeline is a slider the keyboard moves.
    await report.focus('#replay-player .rr-progress');
    const value = () => report.$eval('#replay-player .rr-progress', (e) => [e.getAttribute('aria-valuenow'), e.getAttribute('aria-valuemax')]);
    await report.keyboard.press('End');
    const [end, max] = await value();
    expect(end).toBe(max);
    await report.keyboard.press('Home');
    await report.keyboard.press('ArrowRight');
    expect((await value())[0]).toBe(String(Math.min(5000, Number(max))));
  });

  it('opens the exported HTML from disk, offline, with every section and a playing replay', async () => {
    expect(statSync(htmlPath).size).toBeGreaterThan(10_000);
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).toContain('Content-Security-Policy');
    const page = await session.launched.browser.newPage();
    const watch = watchScripts(page);
    // Every address the recorded shop's pages name (images, style sheets) must be stopped by the
    // file's own policy before any request leaves; offline mode would only hide an attempt.
    const requests: string[] = [];
    const local = (url: string) => /^(file|data|blob|about):/.test(url);
    page.on('requestfinished', (r) => {
      if (!local(r.url())) requests.push(`${r.url()} (loaded)`);
    });
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      if (!local(r.url()) && !/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(why)) requests.push(`${r.url()} (${why})`);
    });
    await page.setOfflineMode(true);
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    const shown = await readReport(page);
    expect(shown.sections).toEqual([...REPORT_SECTIONS]);
    expect(shown.checklist).toBe(original.checklist);
    expect(shown.summary).toBe(original.summary);
    // The charts are in the file as drawn SVG (its one script is the replay's), the same as on the page.
    const charts = (p: Page) => p.$$eval('[data-testid=chart] svg[role=img]', (svgs) => svgs.map((s) => `${s.closest('[data-chart]')?.getAttribute('data-chart')}: ${s.querySelector('title')?.textContent}`));
    expect(await charts(page)).toEqual(await charts(report));
    expect((await charts(page)).length).toBeGreaterThanOrEqual(5);
    const state = await replayState(page);
    expect(state.sandbox).toBe('allow-same-origin');
    expect(await seekShows(page, 'Avis clients', 'Livraison rapide')).toBe(true);
    // Play: the player's clock moves.
    await page.click('#replay-player .rr-controller__btns button');
    await sleep(1500);
    expect(await page.$eval('#replay-player .rr-timeline__time', (e) => e.textContent)).not.toBe('00:00');
    expect(requests).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.consoleMarkers).toEqual([]);
    expect(await watch.canaries()).toEqual([]);
    await page.close();
  });

  it('imports the bundle into a fresh profile: the viewer shows the same visit, answers and scores; the agency reviews it', async () => {
    const fresh: Launched = await launchChromium();
    try {
      const viewer = await fresh.browser.newPage();
      const watch = watchScripts(viewer);
      await viewer.goto(`chrome-extension://${fresh.extensionId}/viewer.html`);
      const input = await viewer.waitForSelector('[data-testid=viewer-import]');
      await (input as ElementHandle<HTMLInputElement>).uploadFile(bundlePath);
      const row = await viewer.waitForSelector('[data-testid=viewer-visit]', { timeout: 30_000 });
      const rowText = await row!.evaluate((e) => e.textContent ?? '');
      expect(rowText).toContain('127.0.0.1');
      expect(rowText).toMatch(/76,9|76\.9/);
      expect(await viewer.$eval('[data-testid=visit-review-status]', (e) => (e as HTMLSelectElement).value)).toBe('submitted');
      // The visit followed the Quick visit: its bundle carried the mission, and the viewer lists it there.
      expect(await row!.evaluate((e) => e.closest('[data-testid=viewer-mission-group]')?.getAttribute('data-mission-id'))).toBe('mystere-quick-visit');

      const opened = fresh.browser.waitForTarget((t) => t.url().includes('/report.html?bundle='));
      await viewer.locator('[data-testid=viewer-open-report]').click();
      const imported = (await (await opened).page())!;
      const importedWatch = watchScripts(imported);
      // Reading an imported report sends nothing to the audited site (the shop is still being served).
      const toShop: string[] = [];
      imported.on('requestfinished', (r) => {
        if (r.url().startsWith(session.shop.origin)) toShop.push(r.url());
      });
      await imported.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 20_000 });
      await imported.select('[data-testid=report-lang]', 'fr');
      const shown = await readReport(imported);
      expect(shown.sections).toEqual([...REPORT_SECTIONS]);
      expect(shown.checklist).toBe(original.checklist);
      expect(shown.summary).toBe(original.summary);
      expect((await replayState(imported)).sandbox).toBe('allow-same-origin');
      // Our viewer is for everyone: no WCAG A/AA violation.
      expect(await violations(viewer)).toEqual([]);
      expect(toShop).toEqual([]);

      // The review: in review, then returned with a comment on the "no" answer; the report shows it,
      // and the re-exported bundle carries it.
      await viewer.bringToFront();
      const status = (value: string) =>
        viewer.waitForSelector(`[data-testid=viewer-visit][data-review-status=${value}]`, { timeout: 10_000 });
      await viewer.select('[data-testid=visit-review-status]', 'in-review');
      await status('in-review');
      await viewer.select('[data-testid=visit-review-status]', 'returned');
      await status('returned');
      const comment = '[data-testid=review-comment][data-criterion-id=D05]';
      await viewer.locator(comment).fill('Ajoutez une capture du panier avec les frais.');
      await viewer.locator('[data-testid=review-save]').click();
      await viewer.waitForFunction(
        (selector: string) => (document.querySelector<HTMLTextAreaElement>(selector)?.value ?? '') !== '',
        {},
        comment,
      );
      await imported.bringToFront();
      await imported.reload();
      await imported.waitForSelector('[data-testid=report-section][data-section=checklist]', { timeout: 20_000 });
      expect(await imported.$eval('[data-section=checklist]', (e) => e.textContent)).toContain('Ajoutez une capture du panier avec les frais.');
      await allowDownloads(fresh.browser, downloads);
      await viewer.bringToFront();
      const before = filesIn(downloads);
      await viewer.locator('[data-testid=viewer-reexport]').click();
      const reexported = await waitForDownload(downloads, '.zip', before);
      const unpacked = await unpackBundle(new Uint8Array(readFileSync(reexported)));
      expect(unpacked.ok && unpacked.content.data.review).toMatchObject({
        status: 'returned',
        comments: [{ criterionId: 'D05', text: 'Ajoutez une capture du panier avec les frais.' }],
      });

      for (const w of [watch, importedWatch]) {
        expect(w.dialogs).toEqual([]);
        expect(w.consoleMarkers).toEqual([]);
      }
    } finally {
      await fresh.browser.close();
    }
  });

  it('has no accessibility violation in the report page (the replayed shop aside)', async () => {
    expect(await violations(report, ['#replay-player iframe'])).toEqual([]);
  });

  it('runs no script from the audited site in the report page', async () => {
    // The reviews page's payloads are in the report as text.
    expect(original.body).toContain(`<img src=x onerror="alert('mystere-xss-title')">`);
    expect(original.body).toContain(NOTE_PAYLOAD);
    expect(original.body).toContain(COMMENT_PAYLOAD);
    expect(reportWatch.dialogs).toEqual([]);
    expect(reportWatch.consoleMarkers).toEqual([]);
    expect(await reportWatch.canaries()).toEqual([]);
  });
});

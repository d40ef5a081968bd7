/**
 * `npm start`: the built-in demo. Serves the fixture shop on 127.0.0.1, then
 * - with a display: opens Chromium with the extension (the store build: it asks for the site's
 *   permission at "Start visit", as for a real user) on the shop, and waits until you close it;
 * - without one: runs a scripted visit headless (the automation build), and prints what it recorded
 *   and where it is kept.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, isWorker, launchChromium, openPanel, type Launched } from './automation/chromium';
import { chunksOf, dumpDatabase, pagesOf, until, type Dump } from './automation/extension-data';
import { ShopJourney } from './automation/journey';
import { Panel } from './automation/panel';
import { readStore } from './automation/evidence-data';
import { CHROMIUM_PATH, ROOT } from './automation/paths';
import { allowDownloads, filesIn, waitForDownload } from './automation/downloads';
import { startShop, type Shop } from './automation/shop';
import { DEMO_ABANDONMENT, DEMO_ANSWERS, DEMO_NOTES } from './automation/demo-answers';

const OUT = path.join(ROOT, 'start-output');

/** Shop on the left, panel as a narrow window on the right, as the side panel sits. */
async function besideEachOther(shopTab: Page, panel: Page): Promise<void> {
  const place = async (page: Page, bounds: object) => {
    const cdp = await page.createCDPSession();
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal', ...bounds } });
  };
  const { width, height } = await shopTab.evaluate(() => ({ width: screen.availWidth, height: screen.availHeight }));
  const panelWidth = Math.min(440, Math.round(width / 3));
  await place(shopTab, { left: 0, top: 0, width: width - panelWidth, height });
  await place(panel, { left: width - panelWidth, top: 0, width: panelWidth, height });
}

async function extensionIdOf(browser: Browser): Promise<string> {
  return new URL((await browser.waitForTarget(isWorker)).url()).host;
}

async function headed(shop: Shop): Promise<void> {
  const profile = path.join(OUT, 'profile');
  await mkdir(profile, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    pipe: true,
    enableExtensions: [path.join(ROOT, '.output/chrome-mv3')],
    userDataDir: profile,
    defaultViewport: null,
    args: [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--disable-gpu')), '--disable-features=Translate', '--hide-crash-restore-bubble'],
  });
  const [tab] = await browser.pages();
  await tab!.goto(`${shop.origin}/`);
  // The panel, in a window of its own beside the shop, as the side panel would be.
  const panel = await openPanel({ browser, extensionId: await extensionIdOf(browser) }, shop.origin).catch(() => undefined);
  if (panel) await besideEachOther(tab!, panel);
  console.log(`
Chromium is open on the demo shop, with Mystère installed, and its panel in a window beside it.
  1. In the panel, click "Start visit" and allow the site. Shop as a customer would: every page is recorded.
  2. Pause, resume or stop from the panel. Past visits stay in this profile: ${profile}
  (In everyday use the panel opens from Mystère's toolbar button, beside the page.)
Close the browser to end the demo.`);
  await new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
}

async function scripted(shop: Shop): Promise<void> {
  // A fresh profile each run, kept afterwards so the recording can be looked at.
  const profile = path.join(OUT, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(profile, { recursive: true });
  console.log('No display found: running a scripted visit in headless Chromium…');
  const launched = await launchChromium({ userDataDir: profile });
  try {
    const tab = await launched.browser.newPage();
    const journey = new ShopJourney(tab, shop.origin);
    await journey.open('/');
    const panel = new Panel(await openPanel(launched, shop.origin));
    // The panel has the focus only while the evaluator works in it, as a real one: the report's
    // customer time leaves that work out.
    await panel.emulateFocus();
    await panel.setFocus(true);
    await panel.start();
    await panel.setFocus(false);
    // Each step, and how many pages the visit has after it: like a shopper, the script reads each
    // page (the panel lists it) before going on.
    const steps: Array<[string, () => Promise<void>, number]> = [
      ['dismiss the cookie banner', () => journey.dismissCookies(), 1],
      ['open the shoe listing', () => journey.clickAndLoad('main a[href="/category/chaussures"]'), 2],
      ['open a product', () => journey.clickAndLoad('a[href="/produit/derby-cuir"]'), 3],
      ['add it to the cart', () => journey.addToCart(), 3],
      ['go to the cart', () => journey.clickAndLoad('#cart-drawer-link'), 4],
      ['go to checkout', () => journey.clickAndLoad('#checkout-link'), 5],
      ['fill in the account and address', () => journey.checkout(), 6],
      ['fill in the card form', () => journey.fillCard(), 6],
      ['look for the delivery costs in the help centre', () => journey.open('/app/'), 7],
      ['follow a client-side route', () => journey.clientRoute('#route-faq', '/app/faq'), 8],
    ];
    let seen = 0;
    for (const [what, step, pages] of steps) {
      process.stdout.write(`  · ${what}\n`);
      await step();
      await panel.waitForPages(pages);
      if (pages > seen) {
        // A new page: let its automatic audit finish before going on, as a reader of the page would.
        seen = pages;
        const audited = seen;
        await until(() => readStore(panel.page, 'audits'), (a) => a.length >= audited, 'the page’s audit').catch(() => undefined);
        await evaluate(panel, new URL(tab.url()).pathname);
      }
      if (what === 'fill in the card form') {
        process.stdout.write(`  · declare "I would leave here" (${DEMO_ABANDONMENT.reason})\n`);
        await panel.setFocus(true);
        await panel.abandon(DEMO_ABANDONMENT.reason, DEMO_ABANDONMENT.comment);
        await panel.setFocus(false);
      }
    }
    await panel.setFocus(true);
    await panel.stop();
    const dump = await until(() => dumpDatabase(panel.page), (d) => d.visits.some((v) => v.status === 'ended'), 'the visit');
    await report(dump, launched.extensionId, profile);
    await exportReport(launched, panel);
  } finally {
    await launched.browser.close();
  }
}

/** The evaluator's work on a page in the panel: the page's criteria answered, a note where there is one. */
async function evaluate(panel: Panel, pagePath: string): Promise<void> {
  const answers = DEMO_ANSWERS[pagePath] ?? [];
  const note = DEMO_NOTES[pagePath];
  if (answers.length === 0 && !note) return;
  await panel.setFocus(true);
  for (const a of answers) await panel.answer(a.criterionId, a.state, a.comment);
  if (note) await panel.addNote(note);
  await panel.setFocus(false);
  const no = answers.filter((a) => a.state === 'no').length;
  process.stdout.write(`    answered ${answers.length} criteria (${no} "no", each with a comment)${note ? ', wrote a note' : ''}\n`);
}

async function report(dump: Dump, extensionId: string, profile: string): Promise<void> {
  const visit = [...dump.visits].sort((a, b) => b.startedAt - a.startedAt)[0]!;
  const pages = pagesOf(dump, visit.id);
  console.log(`\nVisit ${visit.id} of ${visit.site}: ${pages.length} pages, ${((visit.endedAt! - visit.startedAt) / 1000).toFixed(1)} s`);
  const rows = pages.map((p, i) => {
    const chunks = chunksOf(dump, p.id);
    return {
      '#': i + 1,
      type: p.typeOverride ?? p.autoType,
      path: new URL(p.url).pathname,
      how: p.navType,
      'TTFB ms': p.timing?.ttfb ?? '',
      'LCP ms': p.vitals.LCP?.value ?? (p.routeTiming ? `route→paint ${p.routeTiming.toPaint}` : ''),
      events: chunks.reduce((n, c) => n + c.count, 0),
      chunks: chunks.length,
    };
  });
  console.table(rows);
  // The evidence gathered on the way, from the same read of the database.
  const all = JSON.parse(dump.text) as Record<string, Array<Record<string, unknown>>>;
  const mine = (store: string) => (all[store] ?? []).filter((r) => r.visitId === visit.id);
  const signals = mine('signals').reduce<Record<string, number>>((n, s) => ({ ...n, [String(s.type)]: (n[String(s.type)] ?? 0) + 1 }), {});
  const audits = mine('audits');
  const violations = audits.reduce((n, a) => n + ((a.accessibility as { violations?: unknown[] } | undefined)?.violations?.length ?? 0), 0);
  console.log(`Friction signals: ${Object.entries(signals).map(([t, n]) => `${t} ×${n}`).join(', ') || 'none'}`);
  console.log(`Screenshots: ${mine('screenshots').length} (one per funnel stage reached); audits: ${audits.length} pages, ${violations} accessibility violations`);
  if (visit.outcome) console.log(`Outcome: ${visit.outcome.kind === 'converted' ? 'converted' : `abandoned at stage ${visit.outcome.stage}`}`);
  await mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `visit-${new Date(visit.startedAt).toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ visit, pages, chunks: dump.chunks.filter((c) => c.visitId === visit.id) }, null, 2));
  console.log(`
Where it is kept:
  - in the browser profile ${profile}, IndexedDB "mystere" of chrome-extension://${extensionId}
    (nothing typed into the forms is in it: try searching the file below for the card number);
  - a readable copy, recording decompressed: ${file}`);
}

/**
 * The report's first page, as the report shows it: the score, how the visit ended, and the three
 * findings that matter most (read from the page itself, so the console says what the report says).
 */
async function printFirstPage(report: Page): Promise<void> {
  // A string, not a function: tsx would wrap the function's inner helpers in a `__name` the page lacks.
  const first = (await report.evaluate(`(() => {
    const cover = document.querySelector('[data-testid=report-section][data-section=cover]');
    const text = (el) => (el && el.textContent ? el.textContent.replace(/\\s+/g, ' ').trim() : '');
    return {
      visit: text(cover.querySelector('.cover-line')),
      score: text(cover.querySelector('[data-testid=overall-score] .score-value')),
      outcome: text(cover.querySelector('[data-testid=outcome] .outcome-text')),
      findings: [...cover.querySelectorAll('[data-testid=top-finding]')].map((li) => ({
        title: text(li.querySelector('.finding-title')),
        where: text(li.querySelector('.finding-meta')),
        shot: li.querySelector('.top-finding-shot img') !== null,
      })),
    };
  })()`)) as { visit: string; score: string; outcome: string; findings: Array<{ title: string; where: string; shot: boolean }> };
  console.log(`
The report’s first page:
  Visit: ${first.visit}
  Score: ${first.score}
  Outcome: ${first.outcome}
  The ${first.findings.length === 1 ? 'finding' : `${first.findings.length} findings`} that matter most:`);
  first.findings.forEach((f, i) => console.log(`    ${i + 1}. ${f.title} (${f.where}${f.shot ? ', with its screenshot' : ''})`));
}

/**
 * Ends the demo as an evaluator ends a visit: opens the report the panel offers, signs and writes the
 * verdict, makes it final, then exports the HTML report and the bundle, and says where they are.
 */
async function exportReport(launched: Launched, panel: Panel): Promise<void> {
  const exports = path.join(OUT, 'exports');
  await mkdir(exports, { recursive: true });
  await allowDownloads(launched.browser, exports);
  const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
  await panel.page.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
  const report = (await (await opened).page())!;
  await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 30_000 });
  await printFirstPage(report);
  await report.locator('[data-testid=verdict-alias]').fill('Démo');
  await report
    .locator('[data-testid=verdict-text]')
    .fill('Le parcours d’achat est clair. Les frais de livraison n’apparaissent qu’au paiement. La création de compte est imposée.');
  await report.locator('[data-testid=verdict-final]').click();
  await report.waitForSelector('[data-testid=report-state][data-final=true]', { timeout: 10_000 });
  const before = filesIn(exports);
  await report.locator('[data-testid=report-export-html]').click();
  const html = await waitForDownload(exports, '.html', before);
  await report.locator('[data-testid=bundle-export]').click();
  const bundle = await waitForDownload(exports, '.zip', before);
  console.log(`
The report (the verdict written by this script):
  - HTML, opens offline by double-click, prints to PDF: ${html}
  - bundle for the agency (import it in the viewer, viewer.html): ${bundle}`);
}

// The usual port, else a free one (something else may be using it).
const shop = await startShop({ port: Number(process.env.PORT ?? 4173) }).catch(() => startShop());
console.log(`Demo shop: ${shop.origin}/`);
try {
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await headed(shop);
  else await scripted(shop);
} finally {
  await shop.close();
}

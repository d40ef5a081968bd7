import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPanel, type Launched } from '../../scripts/automation/chromium';
import { dumpDatabase, pagesOf, until } from '../../scripts/automation/extension-data';
import { ShopJourney } from '../../scripts/automation/journey';
import { Panel } from '../../scripts/automation/panel';
import { startPlatform } from '../../scripts/automation/shop';
import { SEARCH_PARAMS } from '../../utils/journey/page-facts';

/**
 * A shopper's journey through two platforms of the platform corpus (tests/fixtures/platforms/), each
 * served at the root of its own origin as a real shop is, from the home page to the order
 * confirmation, by clicking the links and buttons each page offers. Every page must be stored with
 * its type, as the corpus's manifest gives it.
 */

interface Entry {
  url: string;
  type: string;
}

const JOURNEY = ['home', 'listing', 'product', 'cart', 'checkout', 'payment', 'confirmation'];
const PLATFORMS = ['shopify', 'magento'];

/** The journey's pages, at their address on the platform's own origin (without `/platforms/<name>`). */
function journeyOf(platform: string): Entry[] {
  const file = path.join(import.meta.dirname, '../fixtures/platforms', platform, 'pages.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { pages: Entry[] };
  return JOURNEY.map((type) => {
    const entry = manifest.pages.find((p) => p.type === type);
    if (!entry) throw new Error(`${platform}: no ${type} page in pages.json`);
    return { ...entry, url: entry.url.replace(`/platforms/${platform}`, '') || '/' };
  });
}

/** Whether `href` (absolute) leads to the manifest's `url`: same path, the entry's parameters present. */
function leadsTo(href: string, url: string, origin: string): boolean {
  const a = new URL(href);
  const b = new URL(url, origin);
  const trim = (p: string) => p.replace(/\/$/, '') || '/';
  if (a.origin !== b.origin || trim(a.pathname) !== trim(b.pathname)) return false;
  // A one-page checkout names its first step itself (`/checkout/` → `/checkout/#shipping`).
  if (b.hash && a.hash !== '' && a.hash !== b.hash) return false;
  return [...b.searchParams].every(([k, v]) => a.searchParams.get(k) === v || (SEARCH_PARAMS as readonly string[]).includes(k));
}

/**
 * The link or the form's submit button on the page that leads to `url`: the first a shopper can
 * click, i.e. that is on top at its own centre once scrolled into view (not under a banner).
 */
async function controlTo(page: Page, url: string, origin: string): Promise<ElementHandle<Element>> {
  const targets = await page.$$eval('a[href], form', (els) =>
    els.map((el) => (el instanceof HTMLAnchorElement ? el.href : el instanceof HTMLFormElement ? el.action : '')),
  );
  const all = await page.$$('a[href], form');
  for (const [index, href] of targets.entries()) {
    if (!href || !leadsTo(href, url, origin)) continue;
    const el = all[index]!;
    const isForm = await el.evaluate((e) => e.tagName === 'FORM');
    if (isForm) await fillRequired(page, el);
    const control: ElementHandle<Element> | null = isForm ? await el.$('button:not([type=button]):not([type=reset]), input[type=submit]') : el;
    if (!control) continue;
    const onTop = await control.evaluate((c: Element) => {
      c.scrollIntoView({ block: 'center' });
      const box = c.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === c || c.contains(hit));
    });
    if (onTop) return control;
  }
  throw new Error(`no link or form a shopper can click on ${page.url()} leads to ${url}`);
}

/** Fills the form's required fields as a shopper would (typing, ticking, choosing). */
async function fillRequired(page: Page, form: ElementHandle<Element>): Promise<void> {
  for (const field of await form.$$('input[required], select[required], textarea[required]')) {
    const { tag, type, name, autocomplete, empty, visible } = await field.evaluate((f) => ({
      tag: f.tagName.toLowerCase(),
      type: (f.getAttribute('type') ?? 'text').toLowerCase(),
      name: `${f.getAttribute('name') ?? ''} ${f.id}`.toLowerCase(),
      autocomplete: (f.getAttribute('autocomplete') ?? '').toLowerCase(),
      empty: f instanceof HTMLInputElement && ['checkbox', 'radio'].includes(f.type) ? !f.checked : !(f as HTMLInputElement).value,
      visible: f.getClientRects().length > 0,
    }));
    if (!empty || !visible || type === 'hidden') continue;
    if (tag === 'select') {
      const value = await field.evaluate((s) => [...(s as HTMLSelectElement).options].find((o) => o.value)?.value ?? '');
      await page.select(`[name="${(await field.evaluate((s) => s.getAttribute('name'))) ?? ''}"]`, value).catch(() => field.evaluate((s, v) => ((s as HTMLSelectElement).value = v), value));
      continue;
    }
    if (type === 'checkbox' || type === 'radio') {
      await field.click();
      continue;
    }
    const hint = `${name} ${autocomplete} ${type}`;
    const text = /mail/.test(hint) ? 'client.test@example.org'
      : /tel|phone/.test(hint) ? '0612345678'
      : /cc-number|card.?num|cardnumber/.test(hint) ? '4242424242424242'
      : /exp/.test(hint) ? '12/30'
      : /cvc|cvv|csc|security/.test(hint) ? '123'
      : /post|zip/.test(hint) ? '75011'
      : /pass/.test(hint) ? 'Motdepasse-2026'
      : 'Martin';
    await field.type(text);
  }
}

describe.each(PLATFORMS)('a shopper’s journey on the %s corpus', (platform) => {
  let shop: { origin: string; close(): Promise<void> };
  let launched: Launched;
  let journey: ShopJourney;
  let panel: Panel;
  const entries = journeyOf(platform);

  beforeAll(async () => {
    shop = await startPlatform(platform);
    launched = await launchChromium();
    journey = new ShopJourney(await launched.browser.newPage(), shop.origin);
    await journey.open(entries[0]!.url);
    panel = new Panel(await openPanel(launched, shop.origin));
  });
  afterAll(async () => {
    await launched?.browser.close();
    await shop?.close();
  });

  it('stores every page of the journey with its type', async () => {
    const page = journey.page;
    await panel.start();
    await panel.waitForTypes([entries[0]!.type]);
    for (const [i, next] of entries.slice(1).entries()) {
      const control = await controlTo(page, next.url, shop.origin);
      const target = new URL(next.url, shop.origin);
      const sameDocument = target.hash !== '' && new URL(page.url()).pathname === target.pathname && (await control.evaluate((c) => c.tagName === 'A'));
      if (sameDocument) {
        await control.click();
        await page.waitForFunction((hash: string) => location.hash === hash, {}, target.hash);
      } else {
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), control.click()]);
      }
      await panel.waitForTypes(entries.slice(0, i + 2).map((e) => e.type));
    }
    const dump = await until(
      () => dumpDatabase(panel.page),
      (d) => d.pages.length === entries.length,
      `${entries.length} pages`,
    );
    const stored = pagesOf(dump, dump.visits[0]!.id);
    console.log(`${platform}: ${stored.map((p) => `${new URL(p.url).pathname}${new URL(p.url).hash} ${p.autoType}`).join(' → ')}`);
    expect(stored.map((p) => p.autoType)).toEqual(entries.map((e) => e.type));
  });
});

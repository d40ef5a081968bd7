import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { VisitData } from '../../utils/report/visit-data';
import type { AbandonReason } from '../../utils/schema/evidence';
import { launchChromium, openPanel, type Launched } from './chromium';
import { allowDownloads, filesIn, waitForDownload } from './downloads';
import { readStore } from './evidence-data';
import { until } from './extension-data';
import { Panel } from './panel';
import { ROOT } from './paths';
import { controlTo, fillRequired } from './shopper';

/**
 * The cause corpus of issue 22: twelve visits, each recorded end to end on a platform of the
 * platform corpus with one cause planted in it (tests/fixtures/causes/), and what the report's four
 * questions should answer for each. `recordCorpusVisit` plays one visit as a shopper and an evaluator
 * would, in Chromium with the built extension, and returns the exported bundle.
 */

export const QUESTIONS = ['orders', 'first-seconds', 'product', 'return'] as const;
export type Question = (typeof QUESTIONS)[number];

export interface CorpusVisit {
  id: string;
  platform: string;
  /** The cause planted in the shop, in a sentence. */
  cause: string;
  /** The cause kind each question's lead should name (`none`, `not-reached`, or a cause kind). */
  expected: Record<Question, string>;
}

const e = (orders: string, firstSeconds: string, product: string, ret: string): Record<Question, string> => ({
  orders,
  'first-seconds': firstSeconds,
  product,
  return: ret,
});

export const CORPUS: CorpusVisit[] = [
  { id: 'V01', platform: 'shopify', cause: 'A cookie wall on the home page hides the first screen until the shopper accepts.', expected: e('none', 'overlay', 'none', 'none') },
  { id: 'V02', platform: 'woocommerce', cause: 'The home page is slow and heavy: 262 kB of HTML sent without compression, after 1.2 s of server time.', expected: e('not-reached', 'slow-landing', 'none', 'not-reached') },
  { id: 'V03', platform: 'magento', cause: 'Adding the product to the cart fails: the AJAX request answers 500 and the mini-cart stays empty.', expected: e('blocking-error', 'none', 'blocking-error', 'not-reached') },
  { id: 'V04', platform: 'prestashop', cause: 'Every payment is refused: the payment form shows "Paiement refusé" again and clears the card fields.', expected: e('validation-loop', 'none', 'none', 'not-reached') },
  { id: 'V05', platform: 'shopify', cause: 'Delivery costs are shown nowhere before the payment step, which adds 9,90 € of shipping.', expected: e('surprise-cost', 'none', 'surprise-cost', 'not-reached') },
  { id: 'V06', platform: 'woocommerce', cause: 'The product page shows neither a price nor whether the product is in stock.', expected: e('product-info', 'none', 'product-info', 'not-reached') },
  { id: 'V07', platform: 'prestashop', cause: 'No returns policy anywhere: neither the product page nor the footer says how to return a product.', expected: e('none', 'none', 'returns-info', 'returns-info') },
  { id: 'V08', platform: 'magento', cause: 'The contact form cannot be sent: its request answers 500 and an error is shown.', expected: e('not-reached', 'none', 'not-reached', 'blocking-error') },
  { id: 'V09', platform: 'woocommerce', cause: 'The checkout sends guests to the login page: no way to order without an account.', expected: e('forced-account', 'none', 'none', 'none') },
  { id: 'V10', platform: 'nextjs', cause: 'A newsletter pop-up covers the home page 1.5 s after it loads (beside a hero whose text is laid over its picture, a sticky header and a mega menu).', expected: e('none', 'overlay', 'none', 'not-reached') },
  { id: 'V11', platform: 'sfcc', cause: 'The site search finds nothing for what the shopper looks for.', expected: e('product-not-found', 'none', 'product-not-found', 'not-reached') },
  { id: 'V12', platform: 'shopware', cause: 'The order confirmation shows neither an order number nor a summary of the order.', expected: e('none', 'none', 'none', 'confirmation') },
];

/** Where the recorded visits are kept as JSON (`VisitData`), for iterating on the report without recording. */
export const CORPUS_DATA_DIR = path.join(ROOT, 'tests/e2e/.corpus');

/** A recorded visit's data, as `tests/e2e/question-corpus.test.ts` wrote it; undefined when not recorded yet. */
export function loadCorpusVisit(id: string): VisitData | undefined {
  const file = path.join(CORPUS_DATA_DIR, `${id}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as VisitData) : undefined;
}

/** Every recorded visit of the corpus, by id (those not recorded yet are left out). */
export function loadCorpus(): Map<string, VisitData> {
  return new Map(CORPUS.flatMap((v) => {
    const data = loadCorpusVisit(v.id);
    return data ? [[v.id, data] as const] : [];
  }));
}

interface CauseShop {
  origin: string;
  platform: string;
  requests(pathname: string): number;
  close(): Promise<void>;
}

async function startCauseShop(id: string): Promise<CauseShop> {
  // @ts-expect-error -- the fixture server is plain JavaScript.
  const { startCauseShop: start } = (await import('../../tests/fixtures/causes/server.mjs')) as { startCauseShop: (id: string) => Promise<CauseShop> };
  return start(id);
}

/** The platform's page of each type, at its address on the shop's own origin. */
function pagesOf(platform: string): Map<string, string> {
  const file = path.join(ROOT, 'tests/fixtures/platforms', platform, 'pages.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { pages: Array<{ url: string; type: string }> };
  const byType = new Map<string, string>();
  for (const p of manifest.pages) if (!byType.has(p.type)) byType.set(p.type, p.url.replace(`/platforms/${platform}`, '') || '/');
  return byType;
}

/** The shopper's side of a visit: clicks, typing and waits on the shop, the evaluator's work in the panel. */
export class CorpusShopper {
  private pages = 1;

  constructor(
    readonly page: Page,
    readonly panel: Panel,
    readonly origin: string,
    readonly urls: Map<string, string>,
  ) {}

  /** The platform's address of a page type, or the path itself. */
  url(typeOrPath: string): string {
    return typeOrPath.startsWith('/') ? typeOrPath : (this.urls.get(typeOrPath) ?? `/${typeOrPath}`);
  }

  wait(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  /**
   * Waits until the panel lists the visit's pages so far, each recorded, and the newest one's
   * automatic audit is stored, as an evaluator reads a page before going on.
   */
  async settle(): Promise<void> {
    await this.panel.waitForPages(this.pages);
    log('', `page ${this.pages} listed: ${new URL(this.page.url()).pathname}`);
    const audited = this.pages;
    await until(() => readStore(this.panel.page, 'audits'), (a) => a.length >= audited, 'the page’s audit', 30_000).catch(() => log('', 'no audit'));
    log('', `page ${this.pages} audited`);
  }

  /** A new document after an action: waits for it, then for the panel. */
  async loads(action: () => Promise<unknown>): Promise<void> {
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 }), action()]);
    this.pages++;
    await this.settle();
  }

  /**
   * Clicks the link, or submits the form, that leads to a page type of the platform (or a path),
   * the first one a shopper can see and reach; with `form`, a form's button before any link.
   */
  async goTo(typeOrPath: string, o: { form?: boolean } = {}): Promise<void> {
    const url = this.url(typeOrPath);
    const target = new URL(url, this.origin);
    const control = await this.controlTo(url, o.form ?? false);
    const sameDocument = target.hash !== '' && new URL(this.page.url()).pathname === target.pathname && (await control.evaluate((c) => c.tagName === 'A'));
    if (sameDocument) {
      await control.click();
      await this.page.waitForFunction((hash: string) => location.hash === hash, {}, target.hash);
      this.pages++;
      await this.settle();
      return;
    }
    await this.loads(() => control.click());
  }

  private controlTo(url: string, preferForm: boolean): Promise<ElementHandle<Element>> {
    return controlTo(this.page, url, this.origin, { preferForm });
  }

  /** Fills the form's required (or, with `all`, every) empty field as a shopper would. */
  fillRequired(form: ElementHandle<Element>, all = false): Promise<void> {
    return fillRequired(form, all);
  }

  /** Types into a field as a shopper does (click, then keys). */
  async type(selector: string, text: string): Promise<void> {
    await this.page.waitForSelector(selector, { visible: true });
    await this.page.click(selector, { count: 3 });
    await this.page.type(selector, text, { delay: 5 });
  }

  /** The evaluator answers a criterion of the current page in the panel. */
  async answer(criterionId: string, state: 'yes' | 'no' | 'na', comment = ''): Promise<void> {
    await this.panel.setFocus(true);
    await this.panel.answer(criterionId, state, comment);
    await this.panel.setFocus(false);
  }

  /**
   * The evaluator answers a criterion the panel does not list for the current page, from the
   * checklist's sections below (the whole checklist), as one does on a page the classifier did not
   * expect the criterion on.
   */
  async answerFromSections(criterionId: string, state: 'yes' | 'no' | 'na', comment: string): Promise<void> {
    const p = this.panel.page;
    const item = `[data-testid=checklist-section] [data-testid=criterion-item][data-criterion-id="${criterionId}"]`;
    const press = async (selector: string) => {
      await p.waitForSelector(selector, { visible: true, timeout: 15_000 });
      await p.$eval(selector, (el) => (el as HTMLElement).click());
    };
    await this.panel.setFocus(true);
    await this.panel.view('checklist');
    await p.$eval(item, (el) => {
      const details = el.closest('details');
      if (details) details.open = true;
    });
    await press(`${item} [data-testid=answer-${state}]`);
    await p.locator(`${item} [data-testid=criterion-comment]`).fill(comment);
    await press(`${item} [data-testid=criterion-save]`);
    await p.waitForSelector(`${item}[data-state=${state}]`, { timeout: 15_000 });
    await this.panel.setFocus(false);
  }

  /** Whether the panel offers this criterion for the current page. */
  async offers(criterionId: string): Promise<boolean> {
    await this.panel.view('checklist');
    return (await this.panel.page.$(`[data-testid=page-criteria] [data-testid=criterion-item][data-criterion-id="${criterionId}"]`)) !== null;
  }

  /** "I would leave here". */
  async abandon(reason: AbandonReason, comment: string): Promise<void> {
    await this.panel.setFocus(true);
    await this.panel.abandon(reason, comment);
    await this.panel.setFocus(false);
  }

  /** home → listing → product → cart → checkout → payment (→ confirmation), adding the product on the way. */
  async toPayment(): Promise<void> {
    await this.goTo('listing');
    await this.goTo('product');
    await this.goTo('cart', { form: true });
    await this.goTo('checkout');
    await this.goTo('payment');
  }
}

const T0 = Date.now();
/** With CORPUS_LOG=1, says each step and when (seconds since the module loaded). */
function log(id: string, what: string): void {
  if (process.env.CORPUS_LOG) console.log(`[${((Date.now() - T0) / 1000).toFixed(1)} s] ${id} ${what}`);
}

type Journey = (s: CorpusShopper) => Promise<void>;

/** What the shopper and the evaluator do in each visit (the table of issue 22). */
const JOURNEYS: Record<string, Journey> = {
  async V01(s) {
    // The wall is there from the start: the shopper reads it, then accepts.
    await s.page.waitForSelector('#onetrust-accept-btn-handler', { visible: true });
    await s.wait(4000);
    await s.page.click('#onetrust-accept-btn-handler');
    await s.page.waitForSelector('#onetrust-consent-sdk', { hidden: true });
    await s.toPayment();
    await s.goTo('confirmation');
  },
  async V02(s) {
    await s.goTo('listing');
    await s.goTo('product');
  },
  async V03(s) {
    await s.goTo('listing');
    await s.goTo('product');
    for (let i = 0; i < 2; i++) {
      await s.page.evaluate(() => document.querySelectorAll('.page.messages [role=alert]').forEach((m) => m.remove()));
      await s.page.locator('#product-addtocart-button').click();
      await s.page.waitForSelector('.page.messages [role=alert]', { visible: true });
      await s.wait(1500);
    }
    await s.abandon('bug', 'L’ajout au panier échoue : message d’erreur et panier toujours vide, deux essais.');
  },
  async V04(s) {
    await s.toPayment();
    await s.page.locator('#conditions_to_approve\\[terms-and-conditions\\]').click();
    for (let i = 0; i < 3; i++) {
      await s.type('#payplug-card-number', '4242424242424242');
      await s.type('#payplug-card-expiry', '12/30');
      await s.type('#payplug-card-cvv', '123');
      const before = await s.page.$$eval('.payplug-errors', (els) => els.length);
      await s.page.locator('#payment-confirmation button').click();
      await s.page.waitForFunction(
        (n: number) => document.querySelectorAll('.payplug-errors').length > 0 && (document.getElementById('payplug-card-number') as HTMLInputElement).value === '' && n >= 0,
        { timeout: 10_000 },
        before,
      );
      await s.wait(2500);
    }
  },
  async V05(s) {
    await s.goTo('listing');
    await s.goTo('product');
    await s.answer('D05', 'no', 'Aucun frais de livraison indiqué sur la fiche produit.');
    await s.goTo('cart', { form: true });
    await s.answer('E03', 'no', 'Le panier ne donne que le sous-total, sans frais de livraison.');
    await s.goTo('checkout');
    await s.goTo('payment');
    await s.abandon('extra-costs', '9,90 € de livraison ajoutés seulement à l’étape du paiement.');
  },
  async V06(s) {
    await s.goTo('listing');
    await s.goTo('product');
    await s.answer('D01', 'no', 'Aucun prix affiché sur la fiche produit.');
    await s.answer('D04', 'no', 'Aucune information de stock ni de disponibilité.');
    await s.abandon('missing-information', 'Ni prix ni disponibilité : impossible de décider.');
  },
  async V07(s) {
    await s.goTo('listing');
    await s.goTo('product');
    await s.answer('D06', 'no', 'Aucune condition de retour sur la fiche produit ni dans le pied de page.');
    await s.goTo('cart', { form: true });
    await s.goTo('checkout');
    await s.goTo('payment');
    await s.goTo('confirmation');
    await s.goTo('/fr/nous-contacter');
  },
  async V08(s) {
    await s.goTo('/contact/');
    const form = (await s.page.$('#contact-form'))!;
    await s.fillRequired(form, true);
    await s.page.locator('#contact-form button[type=submit]').click();
    await s.page.waitForSelector('.page.messages [role=alert]', { visible: true });
    await s.wait(1000);
    await s.answer('K04', 'no', 'Le formulaire de contact renvoie une erreur, le message n’est pas envoyé.');
  },
  async V09(s) {
    await s.goTo('listing');
    await s.goTo('product');
    // WooCommerce's add to cart posts to the product page, whose header links to the cart.
    await s.loads(() => s.page.locator('.single_add_to_cart_button').click());
    await s.goTo('cart');
    await s.goTo('/finalizar-compra/');
    const f01 = 'La commande renvoie vers « Mi cuenta » : connexion obligatoire, pas d’achat sans compte.';
    // The login page is an account page: F01 (a checkout criterion) is answered from the checklist's sections.
    if (await s.offers('F01')) await s.answer('F01', 'no', f01);
    else await s.answerFromSections('F01', 'no', f01);
    await s.abandon('forced-account', 'Impossible de commander sans créer de compte ni se connecter.');
  },
  async V10(s) {
    await s.page.hover('header nav .group > a');
    await s.page.waitForSelector('header nav .group [role=region]', { visible: true });
    await s.wait(800);
    await s.page.mouse.move(640, 700);
    await s.page.waitForSelector('.klaviyo-close-form', { visible: true, timeout: 10_000 });
    await s.wait(5000);
    await s.page.click('.klaviyo-close-form');
    await s.goTo('listing');
    await s.goTo('product');
    await s.goTo('cart', { form: true });
  },
  async V11(s) {
    await s.type('form[name=simpleSearch] input[name=q]', 'mocassins velours bordeaux');
    await s.loads(() => s.page.keyboard.press('Enter'));
    await s.abandon('product-not-found', 'La recherche ne trouve aucun produit pour « mocassins velours bordeaux ».');
  },
  async V12(s) {
    await s.toPayment();
    await s.goTo('confirmation');
    await s.answer('H01', 'no', 'La confirmation ne donne ni numéro de commande ni récapitulatif.');
    await s.goTo('/account/order');
    await s.goTo('/nl/klantenservice/contact/');
  },
};

/**
 * Records one corpus visit in a fresh Chromium profile: serves its shop, opens the panel beside it,
 * starts, plays the visit, stops, opens the report and exports the bundle; returns the bundle's bytes.
 */
export async function recordCorpusVisit(visit: CorpusVisit): Promise<Uint8Array> {
  const journey = JOURNEYS[visit.id];
  if (!journey) throw new Error(`no journey for ${visit.id}`);
  const shop = await startCauseShop(visit.id);
  const profile = mkdtempSync(path.join(tmpdir(), `mystere-corpus-${visit.id}-`));
  let launched: Launched | undefined;
  try {
    launched = await launchChromium({ userDataDir: path.join(profile, 'profile') });
    const tab = await launched.browser.newPage();
    // The shopper arrives on the home page; the evaluator opens the panel beside it and starts (the
    // home page's first seconds are then watched from the visit's start).
    await tab.goto(shop.origin + pagesOf(visit.platform).get('home')!, { waitUntil: 'load' });
    const panel = new Panel(await openPanel(launched, shop.origin));
    await panel.emulateFocus();
    await panel.setFocus(true);
    await panel.start();
    await panel.setFocus(false);
    const shopper = new CorpusShopper(tab, panel, shop.origin, pagesOf(visit.platform));
    await shopper.settle();
    await journey(shopper);
    await panel.setFocus(true);
    await panel.stop();
    log(visit.id, 'stopped');
    return await exportBundle(launched, panel, path.join(profile, 'downloads'), visit.id);
  } finally {
    await launched?.browser.close();
    await shop.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Opens the report the panel offers for the ended visit and exports its bundle. */
async function exportBundle(launched: Launched, panel: Panel, dir: string, visitId: string): Promise<Uint8Array> {
  mkdirSync(dir, { recursive: true });
  await allowDownloads(launched.browser, dir);
  const opened = launched.browser.waitForTarget((t) => t.url().includes('/report.html?visit='));
  await panel.page.locator('[data-testid=visit-ended] [data-testid=report-open]').click();
  const report = (await (await opened).page())!;
  await report.waitForSelector('[data-testid=report-section][data-section=appendix]', { timeout: 30_000 });
  // A bundle leaves with the evaluator's signed, final verdict.
  await report.locator('[data-testid=verdict-alias]').fill('Corpus');
  await report.locator('[data-testid=verdict-text]').fill(`Visite ${visitId} du corpus des causes, jouée automatiquement.`);
  await report.locator('[data-testid=verdict-final]').click();
  await report.waitForSelector('[data-testid=report-state][data-final=true]', { timeout: 10_000 });
  const before = filesIn(dir);
  await report.locator('[data-testid=bundle-export]').click();
  const file = await waitForDownload(dir, '.zip', before, 60_000);
  return new Uint8Array(readFileSync(file));
}

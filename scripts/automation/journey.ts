import type { Page } from 'puppeteer-core';

/** Planted secrets: long and unique, so that finding one anywhere is never a coincidence. */
export const SECRETS = {
  card: '4111 1111 1111 1111',
  cardDigits: '4111111111111111',
  cvc: '8413',
  password: 'hunter2-Canary-Pw!',
  email: 'jane.canary@example.org',
  hiddenToken: 'csrf-SECRET-TOKEN-7f3a9c2e51',
  name: 'Jeanne Canarylane',
  phone: '0612345678',
};

/** The checkout form (account, address) as the journey fills it, with the planted secrets. */
export const CHECKOUT_FORM: ReadonlyArray<readonly [selector: string, value: string]> = [
  ['#fullname', SECRETS.name],
  ['#email', SECRETS.email],
  ['#password', SECRETS.password],
  ['#address', '12 rue des Lilas'],
  ['#zip', '75011'],
  ['#city', 'Paris'],
  ['#phone', SECRETS.phone],
];

/** The payment form as the journey fills it. */
export const CARD_FORM: ReadonlyArray<readonly [selector: string, value: string]> = [
  ['#card-number', SECRETS.card],
  ['#card-expiry', '12/29'],
  ['#card-cvc', SECRETS.cvc],
  ['#card-name', SECRETS.name],
];

/** The shopper's moves on the fixture shop, as a customer makes them. */
export class ShopJourney {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  async open(path: string): Promise<void> {
    await this.page.goto(this.origin + path, { waitUntil: 'load' });
  }

  /**
   * Follows a link or button that loads a new document. The locator waits until the element is
   * visible and still (a drawer that slides in is clicked once it has arrived).
   */
  async clickAndLoad(selector: string): Promise<void> {
    await this.listingSettled();
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load' }), this.page.locator(selector).click()]);
  }

  /**
   * The listing's promo banner lands 1.2 s after load and pushes the grid down (a planted layout
   * shift): a click aimed at a card just before it lands on the banner instead. A shopper clicks
   * what they see once it has stopped moving, so on the listing the journey waits for the banner.
   */
  private async listingSettled(): Promise<void> {
    if (!(await this.page.$('#product-grid'))) return;
    await this.page.waitForSelector('#late-promo', { visible: true, timeout: 5000 }).catch(() => undefined);
  }

  async dismissCookies(): Promise<void> {
    const refuse = await this.page.waitForSelector('#cookie-refuse', { visible: true, timeout: 5000 }).catch(() => null);
    await refuse?.click();
    await this.page.waitForSelector('#cookie-banner', { hidden: true });
  }

  async typeInto(selector: string, text: string): Promise<void> {
    await this.page.waitForSelector(selector, { visible: true });
    await this.page.click(selector, { count: 3 });
    await this.page.type(selector, text);
  }

  async addToCart(): Promise<void> {
    await this.page.locator('#add-to-cart').click();
    await this.page.waitForFunction(() => (localStorage.getItem('mm-cart') ?? '[]') !== '[]' || document.querySelector('#cart-drawer'));
  }

  /** Fills the checkout form (account, address) with the planted secrets and goes on to payment. */
  async checkout(): Promise<void> {
    for (const [selector, value] of CHECKOUT_FORM) await this.typeInto(selector, value);
    await this.clickAndLoad('#checkout-submit');
  }

  async fillCard(): Promise<void> {
    for (const [selector, value] of CARD_FORM) await this.typeInto(selector, value);
  }

  /** A client-side route change in the help section (history API, no document load). */
  async clientRoute(selector: string, path: string): Promise<void> {
    await this.page.click(selector);
    await this.page.waitForFunction((p: string) => location.pathname === p, {}, path);
  }
}

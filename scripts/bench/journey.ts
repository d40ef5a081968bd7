import type { KeyInput, Page } from 'puppeteer-core';
import { z } from 'zod';
import { ShopJourney } from '../automation/journey';
import { takeLatencies, takeLongTasks, type Durations, type Latency, type MainThreadMeter } from './page-probes';

/** A fixed, human-like pace, the same in both runs so that only the extension differs. */
export interface Pace {
  /** Between keystrokes. */
  keyDelayMs: number;
  /** On each page once loaded (or routed), before the shopper acts. */
  dwellMs: number;
  /** Between two moves on the same page (scroll steps, toggling a filter back). */
  stepMs: number;
}

export const PACE: Pace = { keyDelayMs: 60, dwellMs: 400, stepMs: 150 };

/** What one page view cost the shop's main thread. */
export interface PageSample {
  page: string;
  /** Thread CPU time (CDP threadTicks). */
  cpu: Durations;
  /** Wall time inside tasks (CDP timeTicks). */
  wall: Durations;
}

export interface Meters {
  cpu: MainThreadMeter;
  wall: MainThreadMeter;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The e2e journey's moves at a human pace, measuring each page view as the shopper leaves it:
 * the main-thread counters and the interaction latencies live in the document, so they are read
 * before every navigation and at the end.
 */
export class BenchJourney extends ShopJourney {
  readonly samples: PageSample[] = [];
  readonly latencies: Latency[] = [];
  /** Tasks of 50 ms or more on the shop's main thread (ms). */
  readonly longTasks: number[] = [];
  keystrokes = 0;
  clicks = 0;
  pageViews = 0;
  /** Time spent outside the journey (opening the panel, starting the visit). */
  offClockMs = 0;
  private current: string | undefined;

  constructor(
    page: Page,
    origin: string,
    readonly meters: Meters,
    readonly pace: Pace = PACE,
  ) {
    super(page, origin);
  }

  override async open(path: string): Promise<void> {
    await this.leave(true);
    await super.open(path);
    await this.arrive();
  }

  override async clickAndLoad(selector: string): Promise<void> {
    await this.leave(true);
    this.clicks++;
    await super.clickAndLoad(selector);
    await this.arrive();
  }

  /**
   * A route change of a hash-routed app (tests/fixtures/spa): `act` makes it (a click, a search sent),
   * then the address's hash starts with `hash`. A page view of its own, in the same document.
   */
  async hashRoute(act: () => Promise<void>, hash: string): Promise<void> {
    await this.leave(false);
    await act();
    await this.page.waitForFunction((h: string) => location.hash.startsWith(h), { timeout: 10_000 }, hash);
    await this.arrive();
  }

  /** One key pressed (Enter in a search box). */
  async press(key: KeyInput): Promise<void> {
    this.keystrokes++;
    await this.page.keyboard.press(key);
  }

  override async clientRoute(selector: string, path: string): Promise<void> {
    await this.leave(false);
    this.clicks++;
    await super.clientRoute(selector, path);
    await this.arrive();
  }

  /** One click into the (empty) field, then keystrokes at the pace's rhythm. */
  override async typeInto(selector: string, text: string): Promise<void> {
    await this.page.waitForSelector(selector, { visible: true });
    await this.click(selector);
    await this.page.type(selector, text, { delay: this.pace.keyDelayMs });
    this.keystrokes += text.length;
  }

  override async addToCart(): Promise<void> {
    this.clicks++;
    await super.addToCart();
  }

  override async dismissCookies(): Promise<void> {
    this.clicks++;
    await super.dismissCookies();
  }

  async click(selector: string): Promise<void> {
    this.clicks++;
    await this.page.click(selector);
  }

  pause(ms = this.pace.stepMs): Promise<void> {
    return sleep(ms);
  }

  /** Runs something that is not part of the shopper's journey, keeping it out of its duration. */
  async offClock(work: () => Promise<void>): Promise<void> {
    const start = performance.now();
    await work();
    this.offClockMs += performance.now() - start;
  }

  /** Ends the last page view. */
  finish(): Promise<void> {
    return this.leave(false);
  }

  private async arrive(): Promise<void> {
    // A page view is named by its path, and by its route when the route is in the hash ("#/basket").
    const url = new URL(this.page.url());
    const route = /^#!?\//.test(url.hash) ? url.hash.split('?')[0]! : '';
    this.current = url.pathname + route;
    this.pageViews++;
    await sleep(this.pace.dwellMs);
  }

  /** Ends the current page view; `newDocument` when what comes next loads a document. */
  private async leave(newDocument: boolean): Promise<void> {
    const page = this.current;
    if (page !== undefined) {
      this.current = undefined;
      this.latencies.push(...(await takeLatencies(this.page, page)));
      this.longTasks.push(...(await takeLongTasks(this.page)));
      const cpu = await this.meters.cpu.read();
      const wall = await this.meters.wall.read();
      this.samples.push({ page, cpu, wall });
    }
    if (newDocument) {
      this.meters.cpu.newDocument();
      this.meters.wall.newDocument();
    }
  }
}

/**
 * The benchmark's journey, as the e2e journey plus what a shopper does on the way: scroll the
 * listing and try a filter, pick a size, then wander from the help home to two client-side routes.
 * `afterHome` runs once the home page has loaded (the recording run starts the visit there).
 */
export async function walk(j: BenchJourney, afterHome: () => Promise<void>): Promise<void> {
  await j.open('/');
  await j.offClock(afterHome);
  await j.dismissCookies();
  await j.pause();

  await j.clickAndLoad('main a[href="/category/chaussures"]');
  await browseListing(j);

  await j.clickAndLoad('a[href="/produit/derby-cuir"]');
  await pickAnotherSize(j);
  await j.addToCart();
  await j.pause(j.pace.dwellMs); // the drawer slides in

  await j.clickAndLoad('#cart-drawer-link');
  await j.clickAndLoad('#checkout-link');
  await j.checkout(); // types the form, then submits to the payment page
  await j.fillCard();
  await j.pause();

  await j.open('/app/');
  await j.clientRoute('#route-faq', '/app/faq');
  await j.clientRoute('#route-magasins', '/app/magasins');
  await j.finish();
}

/**
 * The heavy single-page journey: the hash-routed shop (tests/fixtures/spa) in heavy mode — 20,000
 * elements on its home route, a few hundred nodes changed every 100 ms on every route — walked from
 * home to payment at the same pace. One document; every other page view is a route after "#/".
 */
export async function walkHeavy(j: BenchJourney, afterHome: () => Promise<void>): Promise<void> {
  await j.open('/angular/?heavy=1');
  await j.offClock(afterHome);
  await scrollDown(j);

  await j.hashRoute(async () => {
    await j.typeInto('#searchQuery', 'lamp');
    await j.press('Enter');
  }, '#/search?q=');
  // A sort of the same results (the query changes, the route does not).
  await j.click('[data-sort=price]');
  await j.pause(j.pace.dwellMs);

  await j.hashRoute(() => j.click('a[href="#/product/2"]'), '#/product/2');
  await j.click('#add-to-basket');
  await j.pause(j.pace.dwellMs); // the snack bar

  await j.hashRoute(() => j.click('#navbarBasket'), '#/basket');
  await j.hashRoute(() => j.click('#checkoutButton'), '#/login');
  await j.typeInto('#email', 'shopper@example.org');
  await j.typeInto('#password', 'correct horse battery');
  await j.hashRoute(() => j.click('#loginButton'), '#/address/select');
  await j.click('input[name=address]');
  await j.pause();
  await j.hashRoute(() => j.click('#proceedToDelivery'), '#/delivery-method');
  await j.click('input[name=delivery]');
  await j.pause();
  await j.hashRoute(() => j.click('#proceedToPayment'), '#/payment/shop');
  await j.typeInto('#card-name', 'Ada Shopper');
  await j.typeInto('#card-number', '4111 1111 1111 1111');
  await j.typeInto('#card-expiry', '12/29');
  await j.typeInto('#card-cvc', '123');
  await j.pause();
  await j.finish();
}

/** The journeys the bench can walk, by name. */
export const JOURNEYS = {
  /** The demo shop (tests/fixtures/shop): document loads, a few history-API routes. */
  demo: walk,
  /** The hash-routed shop in heavy mode (tests/fixtures/spa). */
  heavy: walkHeavy,
} as const;
export type JourneyName = keyof typeof JOURNEYS;
export const JOURNEY_NAMES = Object.keys(JOURNEYS) as JourneyName[];

async function scrollDown(j: BenchJourney): Promise<void> {
  await j.page.mouse.move(640, 450);
  for (let i = 0; i < 3; i++) {
    await j.page.mouse.wheel({ deltaY: 350 });
    await j.pause();
  }
}

async function browseListing(j: BenchJourney): Promise<void> {
  const { page } = j;
  await page.mouse.move(640, 450);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel({ deltaY: 350 });
    await j.pause();
  }
  if (await page.$('.filters input[type=checkbox]')) {
    // On, then off again, so the product we go to next is still listed.
    await j.click('.filters input[type=checkbox]');
    await j.pause(j.pace.dwellMs);
    await j.click('.filters input[type=checkbox]');
    await j.pause();
  }
  // The late promo banner (1.2 s after load) shifts the grid: wait for it rather than click where
  // the product link was a moment ago.
  await page.waitForSelector('#late-promo', { timeout: 3000 }).catch(() => null);
}

const SIZE_OPTIONS = `JSON.stringify({
  current: document.querySelector('#size') ? document.querySelector('#size').value : '',
  values: Array.from(document.querySelectorAll('#size option')).map((o) => o.value).filter(Boolean),
})`;

async function pickAnotherSize(j: BenchJourney): Promise<void> {
  const { current, values } = z
    .object({ current: z.string(), values: z.array(z.string()) })
    .parse(JSON.parse(z.string().parse(await j.page.evaluate(SIZE_OPTIONS))));
  const other = values.find((v) => v !== current);
  if (other === undefined) return;
  await j.page.select('#size', other);
  await j.pause();
}

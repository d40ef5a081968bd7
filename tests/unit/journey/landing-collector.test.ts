// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLanding } from '../../../entrypoints/recorder/landing';
import { landingSchema, type Landing } from '../../../utils/schema/evidence';

const WIDTH = 1000;
const HEIGHT = 800;
/** The content script starts this long after the navigation start. */
const STARTED = 100;

interface Shift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
}

/**
 * A page with a header, content and a full-screen cookie banner, in a window whose layout is
 * given by hand (happy-dom does no layout): what is on top at each point, each element's position
 * and height. The clock is vitest's fake one, read as ms from the navigation start.
 */
function shop() {
  document.body.innerHTML = `
    <header class="site-header">Maison Souliers</header>
    <main><h1>Nos souliers</h1></main>
    <div id="cookie-banner" class="cookie-banner" role="dialog" aria-modal="true">
      <div class="panel"><p>Nous utilisons des cookies.</p><button id="accept">Tout accepter</button></div>
    </div>`;
  const el = (selector: string) => document.querySelector(selector)!;
  const [header, main, banner, panel, button] = [el('header'), el('main'), el('#cookie-banner'), el('.panel'), el('#accept')];
  // The header sits below a promotion strip, from 60 to 250 px: two rows of the probe's grid.
  const layout = new Map<Element, { position: string; height: number; zIndex?: string }>([
    [header, { position: 'sticky', height: 190 }],
    [banner, { position: 'fixed', height: HEIGHT }],
    [panel, { position: 'absolute', height: 600, zIndex: '10' }],
  ]);
  for (const [element, box] of layout) element.getBoundingClientRect = () => ({ height: box.height }) as DOMRect;
  Object.defineProperty(document.documentElement, 'clientWidth', { value: WIDTH, configurable: true });
  Object.defineProperty(document.documentElement, 'clientHeight', { value: HEIGHT, configurable: true });

  const state = { bannerShown: true };
  document.elementsFromPoint = (x: number, y: number) => {
    if (state.bannerShown) return [x > 400 && x < 600 ? button : banner, main, document.body];
    return [y >= 60 && y < 250 ? header : main, document.body];
  };

  const navigationStart = Date.now() - STARTED;
  const shifts: Shift[] = [];
  const observers: FakeObserver[] = [];
  class FakeObserver {
    static supportedEntryTypes = ['layout-shift'];
    pending: Shift[] = [];
    constructor(readonly callback: (list: { getEntries(): Shift[] }) => void) {
      observers.push(this);
    }
    observe() {
      // Buffered: the shifts before the observer began.
      this.pending.push(...shifts);
    }
    deliver() {
      const entries = this.pending.splice(0);
      this.callback({ getEntries: () => entries });
    }
    takeRecords() {
      return this.pending.splice(0);
    }
    disconnect() {}
  }
  const listeners: { type: string; fn: (e: Event) => void; capture?: boolean }[] = [];
  const win = {
    document,
    innerWidth: WIDTH,
    innerHeight: HEIGHT,
    performance: { now: () => Date.now() - navigationStart },
    getComputedStyle: (e: Element) => ({ position: layout.get(e)?.position ?? 'static', zIndex: layout.get(e)?.zIndex ?? 'auto' }),
    PerformanceObserver: FakeObserver,
  } as unknown as Window;

  const reports: Landing[] = [];
  const watcher = () =>
    watchLanding({
      win,
      listen: (_target, type, fn, capture) => listeners.push({ type, fn, capture }),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
      report: (landing) => reports.push(landing),
      vitals: () => ({ fcp: 420, lcp: 1300 }),
    });
  return {
    state,
    layout,
    reports,
    shifts,
    watcher,
    /** Ms from the navigation start. */
    now: () => Date.now() - navigationStart,
    /** Advances the clock to `t` ms from the navigation start. */
    at: (t: number) => vi.advanceTimersByTime(t - (Date.now() - navigationStart)),
    fire: (type: string, isTrusted: boolean) => listeners.filter((l) => l.type === type).forEach((l) => l.fn({ isTrusted } as Event)),
    listeners,
    observers,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchLanding', () => {
  it('reports a banner covering the page for its first two seconds, once, when the ten seconds are over', () => {
    const page = shop();
    page.shifts.push({ value: 0.08, hadRecentInput: false, startTime: 40 });
    const watch = page.watcher();
    expect(page.listeners.map((l) => [l.type, l.capture])).toEqual([
      ['pointerdown', true],
      ['keydown', true],
      ['click', true],
    ]);
    page.at(500);
    // A page script's synthetic event is not the shopper.
    page.fire('keydown', false);
    page.observers[0]!.pending.push({ value: 0.5, hadRecentInput: true, startTime: 480 }, { value: 0.02, hadRecentInput: false, startTime: 490 });
    page.observers[0]!.deliver();
    page.at(1900);
    page.fire('click', true);
    page.fire('pointerdown', true);
    page.at(2000);
    page.state.bannerShown = false;
    // The banner's removal, as the relay tells it (rrweb's mutation event).
    watch.changed();
    // Still waiting for the browser to deliver it when the window closes.
    page.observers[0]!.pending.push({ value: 0.01, hadRecentInput: false, startTime: 9000 });
    page.at(9900);
    expect(page.reports).toEqual([]);

    page.at(STARTED + 10_000);
    expect(page.reports).toHaveLength(1);
    const [landing] = page.reports;
    expect(landingSchema.safeParse(landing).success).toBe(true);
    expect(landing).toMatchObject({ fcp: 420, lcp: 1300, cls: 0.11, shifts: 3, firstInteraction: 1900, observedFor: STARTED + 10_000 });
    const overlay = landing!.overlay!;
    expect(overlay).toMatchObject({ kind: 'cookie-banner', selector: '#cookie-banner', coverage: 1, shownAt: STARTED });
    expect(Math.abs(overlay.dismissedAt! - 2000)).toBeLessThanOrEqual(500);
    expect(overlay.coveredFor).toBe(overlay.dismissedAt! - STARTED);

    page.at(30_000);
    expect(page.reports).toHaveLength(1);
  });

  it('reports what it saw so far when the page hides early, and nothing more after', () => {
    const page = shop();
    const watch = page.watcher();
    page.at(3000);
    watch.finish();
    expect(page.reports).toHaveLength(1);
    expect(page.reports[0]).toMatchObject({ observedFor: 3000, overlay: { shownAt: STARTED, coveredFor: 3000 - STARTED } });
    expect(page.reports[0]!.overlay!.dismissedAt).toBeUndefined();
    expect(page.reports[0]!.firstInteraction).toBeUndefined();

    page.fire('click', true);
    watch.finish();
    page.at(20_000);
    expect(page.reports).toHaveLength(1);
  });

  it('probes the loaded page only after it changed, not every half second', () => {
    const page = shop();
    const probe = document.elementsFromPoint.bind(document);
    let probes = 0;
    document.elementsFromPoint = (x: number, y: number) => {
      probes++;
      return probe(x, y);
    };
    const watch = page.watcher();
    const once = probes;
    expect(once).toBeGreaterThan(0);
    page.at(5000);
    expect(probes).toBe(once);
    // A change is looked at on the next two probes (what slides in is seen in place).
    watch.changed();
    page.at(6000);
    expect(probes).toBe(3 * once);
    page.at(9000);
    expect(probes).toBe(3 * once);
  });

  it('does not take a sticky header for an overlay, even where it crosses 30 % of the probed points', () => {
    const page = shop();
    page.state.bannerShown = false;
    page.watcher();
    page.at(STARTED + 10_000);
    expect(page.reports).toHaveLength(1);
    expect(page.reports[0]!.overlay).toBeUndefined();
  });

  it('takes neither a hero banner’s text layer nor a drawer the shopper opened for an overlay', () => {
    const page = shop();
    page.state.bannerShown = false;
    document.querySelector('main')!.insertAdjacentHTML(
      'afterbegin',
      `<section id="hero" class="banner"><div class="banner__content"><h2>Automne</h2></div></section>
       <div class="toolbar"><button id="menu-button" aria-expanded="true" aria-controls="drawer">Menu</button></div>
       <div id="drawer" class="drawer"><a href="/bols">Bols</a></div>`,
    );
    const el = (selector: string) => document.querySelector(selector)!;
    // The hero in the page's flow, its text layer above its picture; the drawer fixed over the page.
    page.layout.set(el('#hero'), { position: 'relative', height: 620 });
    page.layout.set(el('.banner__content'), { position: 'absolute', height: 620, zIndex: '10' });
    page.layout.set(el('#drawer'), { position: 'fixed', height: HEIGHT });
    for (const selector of ['#hero', '.banner__content', '#drawer']) {
      el(selector).getBoundingClientRect = () => ({ height: page.layout.get(el(selector))!.height }) as DOMRect;
    }
    document.elementsFromPoint = (x: number) => [x < WIDTH / 2 ? el('#drawer a') : el('.banner__content h2'), document.body];
    page.watcher().finish();
    expect(page.reports[0]!.overlay).toBeUndefined();

    // Not opened by the shopper (nothing says so), the same drawer is laid over the page.
    el('#menu-button').setAttribute('aria-expanded', 'false');
    page.watcher().finish();
    expect(page.reports[1]!.overlay).toMatchObject({ selector: '#drawer', coverage: 0.4 });
  });

  it('reports a cookie bar with role=banner (WordPress’s Cookie Notice plugin) laid over the page', () => {
    const page = shop();
    page.state.bannerShown = false;
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div id="cookie-notice" role="banner" class="cn-position-bottom" aria-label="Cookie Notice">
         <div class="cookie-notice-container"><span id="cn-notice-text">Ce site utilise des cookies.</span><a href="#">OK</a></div>
       </div>`,
    );
    const bar = document.querySelector('#cookie-notice')!;
    page.layout.set(bar, { position: 'fixed', height: HEIGHT / 2 });
    bar.getBoundingClientRect = () => ({ height: HEIGHT / 2 }) as DOMRect;
    document.elementsFromPoint = (_x: number, y: number) => [y > HEIGHT / 2 ? bar.querySelector('span')! : document.querySelector('main')!];
    page.watcher().finish();
    expect(page.reports[0]!.overlay).toMatchObject({ kind: 'cookie-banner', selector: '#cookie-notice', coverage: 0.4 });
  });

  it('finds a consent banner inside an open shadow root', () => {
    const page = shop();
    page.state.bannerShown = false;
    const host = document.createElement('div');
    host.id = 'consent-root';
    document.body.append(host);
    const layer = document.createElement('div');
    layer.className = 'cmp-layer';
    layer.innerHTML = '<p>Paramétrer mes choix</p><button>OK</button>';
    host.attachShadow({ mode: 'open' }).append(layer);
    // The lower half of the viewport: the layer (fixed, inside the shadow root) with its button on top.
    page.layout.set(layer, { position: 'fixed', height: HEIGHT / 2 });
    layer.getBoundingClientRect = () => ({ height: HEIGHT / 2 }) as DOMRect;
    const lower = (y: number) => y > HEIGHT / 2;
    host.shadowRoot!.elementsFromPoint = (_x: number, y: number) => (lower(y) ? [layer.querySelector('button')!, layer] : []);
    document.elementsFromPoint = (_x: number, y: number) => [lower(y) ? host : document.querySelector('main')!];
    page.watcher().finish();
    expect(page.reports[0]!.overlay).toMatchObject({ kind: 'cookie-banner', selector: 'div.cmp-layer', coverage: 0.4 });
  });
});

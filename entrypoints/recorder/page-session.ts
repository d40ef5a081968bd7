import { browser } from 'wxt/browser';
import type { PageContext } from '../../utils/content/page-context';
import { classifyPage } from '../../utils/journey/page-type';
import { extractPageFacts, urlFacts } from '../../utils/journey/page-facts';
import type { Batch, Delivery, Facts, PageUpsert, RecorderConfig, Typed } from '../../utils/messaging/protocol';
import type { DeliveryHealth } from '../../utils/recording/outbox';
import { handOver, HandoverRefused, type HandoverStorage } from '../../utils/recording/storage-handover';
import { errorCodeOf } from '../../utils/messaging/errors';
import { withTimeout } from '../../utils/timeout';
import { ProtocolError, unwrap } from '../../utils/messaging/receive';
import type { MainMessage } from '../../utils/messaging/bridge';
import { changesOf, eventOfJson } from '../../utils/messaging/bridge-guards';
import { EventBuffer, FULL_SNAPSHOT } from '../../utils/recording/buffer';
import { Outbox } from '../../utils/recording/outbox';
import { navigationBreakdown, navTypeOf } from '../../utils/recording/timing';
import type { MainWorldBridge } from './main-world';
import { watchVitals } from './vitals';
import { watchFriction, type FrictionWatch } from './friction';
import { watchLanding } from './landing';
import type { FrictionFact } from '../../utils/friction/facts';
import { MAX_REFINEMENTS, routeIdentity } from '../../utils/recording/routes';
import { maskIdentifiers } from '../../utils/privacy/identifiers';
import { shareTypedValues, type TypedValues } from '../../utils/recording/typed-values';
import { Ladder } from './ladder';
import { noteDegraded, MAX_BACKLOG_CHARS } from './heavy';

// 'no-such-page': facts for a page the background never stored (its own upsert was refused) have no home.
// 'budget-reached': the visit's storage budget is full, its recording stops (see `ladder.ts`).
const FINAL_REFUSALS = new Set(['not-in-visit', 'bad-message', 'no-such-visit', 'no-such-page', 'budget-reached']);

type PageState = Omit<PageUpsert, 'type' | 'visitId'>;

/** An rrweb scroll or viewport resize event: what is on screen may have changed. */
function movedView(event: Record<string, unknown>): boolean {
  const source = event.type === 3 ? (event.data as { source?: unknown } | undefined)?.source : undefined;
  return source === 3 || source === 4;
}

/**
 * One tab's share of a visit: the current page (a document load, then each client-side route),
 * its events and its measurements, sent through one ordered outbox.
 */
export class PageSession {
  readonly visitId: string;
  active = true;
  private paused = false;
  /**
   * Whether the page has joined the visit. It joins as soon as the background says the visit records
   * this tab, before its first full snapshot: a page left before its snapshot is still in the
   * journey (marked not recorded). One opened during a pause joins when the visit resumes.
   */
  private announced = false;
  private pausedAtBegin = false;
  /** The pages of this document that have joined the visit. */
  private readonly joined = new Set<string>();
  private page: PageState;
  private readonly buffer = new EventBuffer();
  private readonly outbox: Outbox;
  private dirty: ReturnType<typeof setTimeout> | undefined;
  /** Facts for the friction detectors, each with the page it happened on, sent with the next flush. */
  private facts: { pageId: string; fact: FrictionFact }[] = [];
  private friction: FrictionWatch | undefined;
  /**
   * What the person types into the page's fields, for the privacy pass (see `flushTyped`): sent
   * soon after typing, and at once when a field is left or a form sent — the next page may echo it,
   * and a message sent as this page unloads may not get there in time. Noted from the document's
   * start, in the relay (see `index.ts`).
   */
  private readonly typed: TypedValues;
  private typedTimer: number | undefined;
  /** Names this document's fields apart from other pages' in the visit's typed values. */
  private readonly documentKey = crypto.randomUUID();
  private landing: { finish(): void; changed(): void } | undefined;
  /** This document's latest client-side routes (a route's vitals may come after it ended). */
  private readonly routes: PageState[] = [];
  /** Steps the recording down when the page is too busy, or the visit's storage is full. */
  private readonly ladder: Ladder;

  /** Messages refused as malformed: lost, though not by the outbox's count (see `deliveryHealth`). */
  private refusedLost = 0;
  /** The delivery totals last sent (see `tellDelivery`). */
  private toldDelivery = '0,0,0';

  constructor(private readonly o: { ctx: PageContext; bridge: MainWorldBridge; visitId: string; config: RecorderConfig; tabId?: number; typed: TypedValues }) {
    this.visitId = o.visitId;
    // Noted since the document started (before the background answered): sent with the first flush.
    this.typed = o.typed;
    this.typed.listen((changed) => (changed ? this.flushTyped() : this.typedSoon()));
    const tabId = o.tabId;
    this.outbox = new Outbox({
      send: async (message) => {
        unwrap(await browser.runtime.sendMessage(message));
      },
      // The second way, for a message the first failed three times (docs/recording.md, "Delivery").
      ...(tabId === undefined
        ? {}
        : {
            fallback: (message: unknown) =>
              handOver(browser.storage as unknown as HandoverStorage, tabId, message).catch((error: unknown) => {
                throw error instanceof HandoverRefused ? new ProtocolError(errorCodeOf(error.code), error.message) : error;
              }),
          }),
      // Refused for good (the visit was deleted, the tab is not in it): retrying would loop forever.
      isFinal: (error) => error instanceof ProtocolError && FINAL_REFUSALS.has(error.code),
      onError: (error) => {
        if (error instanceof ProtocolError && error.code === 'budget-reached') this.ladder.halt();
      },
      onDrop: (_message, error) => {
        if (error instanceof ProtocolError && error.code === 'bad-message') this.refusedLost++;
      },
    });
    this.ladder = new Ladder({
      ctx: o.ctx,
      bridge: o.bridge,
      mark: (type, timestamp, json) => {
        if (!this.paused && this.announced) this.buffer.push(type, timestamp, json);
      },
      noted: (step) => {
        this.page.degraded = noteDegraded(this.page.degraded, step);
        this.schedulePage();
      },
    });
    const nav = performance.getEntriesByType('navigation')[0];
    this.page = {
      pageId: crypto.randomUUID(),
      url: location.href,
      title: document.title,
      startedAt: Math.round(performance.timeOrigin),
      navType: navTypeOf(nav),
    };
    if (o.config.budgetReached) this.ladder.halt();
  }

  begin(paused: boolean): void {
    const { ctx } = this.o;
    // A page already loaded (the one a visit starts on) is measured and typed before it joins.
    const loaded = document.readyState === 'complete';
    if (loaded) this.measureLoad();
    this.control(paused ? 'paused' : 'recording');
    // Vitals belong to the document load, even when reported after a client-side route change (LCP
    // is often final only at the first click, which may be the one that changes the route); those
    // measured after a return from the back-forward cache belong to that restored page view.
    const loadPage = this.page;
    // Before our own listeners, so that vitals reported as the page hides are in our farewell.
    watchVitals((name, vital, of) => {
      const target = of.kind === 'restore' ? this.page : of.kind === 'route' ? this.routePage(of.url) : loadPage;
      if (!target || (of.kind === 'restore' && target.navType !== 'restore')) return;
      // A route's time to first byte is not the shop's server's: its route timing says more.
      if (of.kind === 'route' && name === 'TTFB') return;
      target.vitals = { ...target.vitals, [name]: vital };
      if (target === this.page) this.schedulePage();
      else if (this.joined.has(target.pageId)) this.sendState(target);
    });
    this.watchEvidence(loadPage);
    ctx.setInterval(() => this.flush(), this.buffer.policy.intervalMs);
    // A form sent: what was typed into it goes now, ahead of the page that may echo it.
    ctx.addEventListener(document, 'submit', () => this.flushTyped(), { capture: true });
    ctx.addEventListener(window, 'pagehide', () => {
      this.page.endedAt = Date.now();
      // Left before it was classified (at load): its type is still worth telling.
      if (!this.page.autoType && this.announced) this.classify();
      this.friction?.leaving();
      this.landing?.finish();
      this.farewell();
    });
    ctx.addEventListener(window, 'pageshow', (e: PageTransitionEvent) => {
      if (e.persisted) this.restored();
    });
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.farewell();
    });
    // loadEventEnd is set once the load handlers have run: measure just after them.
    if (!loaded) ctx.addEventListener(window, 'load', () => ctx.setTimeout(() => this.measureLoad(), 0));
    // Classified once, when the page has loaded (measureLoad); a page slow to load is classified
    // early too, so the panel does not wait for it.
    if (document.readyState !== 'complete') {
      ctx.setTimeout(() => {
        if (!this.page.autoType) this.classify();
      }, 1500);
    }
  }

  /**
   * Friction facts (for the background's detectors) and the first ten seconds of the load. Texts
   * are masked here: no typed value, e-mail or long number leaves the page.
   */
  private watchEvidence(loadPage: PageState): void {
    const { ctx } = this.o;
    // The screenshot and audit scripts hide the page's echoes of it too.
    shareTypedValues(this.typed);
    if (this.typed.hasChanges) this.flushTyped();
    const listen = (target: EventTarget, type: string, fn: (e: Event) => void, capture?: boolean) =>
      ctx.addEventListener(target as Window, type as 'click', fn, { capture: capture ?? false });
    const timer = (fn: () => void, ms: number) => ctx.setTimeout(fn, ms);
    this.friction = watchFriction({
      win: window,
      emit: (fact) => this.addFact(fact),
      // The background's privacy pass masks echoes of typed values; identifiers go no further.
      mask: maskIdentifiers,
      listen,
      setTimeout: timer,
      seesChanges: () => !this.paused && this.ladder.step < 2,
    });
    if (loadPage.navType === 'route-change' || loadPage.navType === 'restore') return;
    this.landing = watchLanding({
      win: window,
      listen,
      setTimeout: timer,
      setInterval: (fn, ms) => ctx.setInterval(fn, ms),
      clearInterval: (id) => clearInterval(id as number),
      vitals: () => ({ fcp: loadPage.vitals?.FCP?.value, lcp: loadPage.vitals?.LCP?.value }),
      report: (landing) => {
        loadPage.landing = landing;
        if (loadPage === this.page) this.schedulePage();
        else if (this.joined.has(loadPage.pageId)) this.sendState(loadPage);
      },
    });
  }

  /** A fact, kept for the page it happened on; none while paused. */
  private addFact(fact: FrictionFact): void {
    if (this.paused || !this.active) return;
    this.facts.push({ pageId: this.page.pageId, fact });
    if (this.facts.length >= 50) this.flush();
  }

  /** Sends the facts of the pages that have joined the visit (the others wait for their page). */
  private flushFacts(): void {
    const waiting: typeof this.facts = [];
    const byPage = new Map<string, FrictionFact[]>();
    for (const item of this.facts) {
      if (!this.joined.has(item.pageId)) {
        waiting.push(item);
        continue;
      }
      byPage.set(item.pageId, [...(byPage.get(item.pageId) ?? []), item.fact]);
    }
    this.facts = waiting;
    for (const [pageId, facts] of byPage) {
      for (let i = 0; i < facts.length; i += 100) {
        const message: Facts = { type: 'recorder/facts', visitId: this.visitId, pageId, facts: facts.slice(i, i + 100) };
        this.outbox.enqueue(() => message);
      }
    }
  }

  /** The background changed the visit's state. */
  control(state: 'recording' | 'paused' | 'ended'): void {
    if (state === 'recording') {
      this.paused = false;
      // A page opened while the visit was paused joins the visit from the moment it resumes.
      if (!this.announced && this.pausedAtBegin) this.page.startedAt = Date.now();
      this.ladder.post({ k: 'start', maskSelectors: this.o.config.maskSelectors, blockSelectors: this.o.config.blockSelectors });
      this.announce();
      return;
    }
    this.flush();
    this.ladder.post({ k: 'stop' });
    if (!this.announced) this.pausedAtBegin = true;
    this.paused = true;
    if (state === 'ended') this.active = false;
  }

  fromMainWorld(message: MainMessage): void {
    if (!this.active) return;
    if (message.k === 'route') return this.route(message.url, message.toPaint);
    if (message.k === 'error') {
      const { t, error, message: text, source, line, column } = message;
      return this.addFact({ kind: 'error', t, error, message: text, source, line, column });
    }
    const event = this.paused ? undefined : eventOfJson(message.json, message.type, message.timestamp);
    if (!event) return;
    if (message.type === FULL_SNAPSHOT) this.announce();
    else {
      const changes = changesOf(event);
      // The page changed: what the friction collector and the landing watch need, without an observer of their own.
      if (changes > 0) this.friction?.changed();
      if (changes > 0 || movedView(event)) this.landing?.changed();
      this.ladder.observe(message.json.length, changes);
    }
    if (this.buffer.push(message.type, message.timestamp, message.json)) this.flush();
  }

  /** The page joins the visit (once): from now on its state is sent, ahead of its events. */
  private announce(): void {
    if (this.announced) return;
    this.announced = true;
    this.joined.add(this.page.pageId);
    this.sendPage();
  }

  /**
   * Sends the latest values of the fields typed into since the last time, ahead of the batch that
   * may hold their echoes: the background masks a batch with every value it has heard of.
   */
  private typedSoon(): void {
    this.typedTimer ??= this.o.ctx.setTimeout(() => this.flushTyped(), 250);
  }

  private flushTyped(): void {
    clearTimeout(this.typedTimer);
    this.typedTimer = undefined;
    const fields = this.typed.takeChanged().map((f) => ({ ...f, field: `${this.documentKey}:${f.field}`, value: f.value.slice(0, 5000) }));
    for (let i = 0; i < fields.length; i += 100) {
      const message: Typed = { type: 'recorder/typed', visitId: this.visitId, fields: fields.slice(i, i + 100) };
      this.outbox.enqueue(() => message);
    }
  }

  /**
   * Sends what is buffered as the current page's next batch, as its JSON text. Not compressed here:
   * the background decodes every batch to mask it before anything is written, then compresses what
   * it stores, so gzip and base64 on the page were the shop's main-thread work for nothing (issue 13).
   */
  private flush(): void {
    this.flushTyped();
    this.flushFacts();
    this.tellDelivery();
    const batch = this.buffer.take(this.page.pageId);
    if (!batch) return;
    const message: Batch = {
      type: 'recorder/batch',
      visitId: this.visitId,
      pageId: batch.pageId,
      seq: batch.seq,
      encoding: 'json',
      data: batch.json,
      count: batch.count,
      firstTs: batch.firstTs,
      lastTs: batch.lastTs,
    };
    this.outbox.enqueue(
      () => message,
      batch.json.length,
      // Only a batch the replay can do without may be dropped when too much waits.
      batch.essential ? undefined : batch.pageId,
    );
    if (this.outbox.weight > MAX_BACKLOG_CHARS) {
      const shed = this.outbox.shed(batch.pageId, MAX_BACKLOG_CHARS / 2);
      this.ladder.backlog(shed.messages, shed.chars);
    }
  }

  /** How this document's messages reached the background so far. */
  private deliveryHealth(): DeliveryHealth {
    const health = this.outbox.health;
    return { ...health, lost: health.lost + this.refusedLost };
  }

  /**
   * Tells the background this document's delivery totals when they changed (with the next flush):
   * retries, hand-overs through storage and losses, for the panel and the report.
   */
  private tellDelivery(): void {
    const health = this.deliveryHealth();
    const key = `${health.retried},${health.fellBack},${health.lost}`;
    if (key === this.toldDelivery) return;
    this.toldDelivery = key;
    const message: Delivery = { type: 'recorder/delivery', visitId: this.visitId, documentId: this.documentKey, ...health };
    this.outbox.enqueue(() => message);
  }

  /**
   * The visit is stopping: everything held goes now, and the answer is how many messages still wait
   * after `waitMs` (0 when all was acknowledged).
   */
  async collect(waitMs: number): Promise<number> {
    this.flush();
    this.sendPage();
    await withTimeout(this.outbox.idle(), waitMs, () => undefined);
    // Retries and hand-overs made while collecting are told too, if there is still time.
    this.tellDelivery();
    await withTimeout(this.outbox.idle(), 250, () => undefined);
    return this.outbox.pending;
  }

  /**
   * The page is hidden or going away: everything not yet confirmed goes to the browser now (no time
   * to wait for answers). Resends are harmless.
   */
  private farewell(): void {
    this.flush();
    this.sendPage();
    this.outbox.sendAllNow((message) => void browser.runtime.sendMessage(message).catch(() => undefined));
  }

  /** Back from the back-forward cache: a new page view, recorded from a new full snapshot. */
  private restored(): void {
    this.page = {
      pageId: crypto.randomUUID(),
      previousPageId: this.page.pageId,
      url: location.href,
      title: document.title,
      startedAt: Date.now(),
      navType: 'restore',
    };
    this.announced = false;
    this.pausedAtBegin = this.paused;
    if (!this.paused) {
      this.ladder.post({ k: 'start', maskSelectors: this.o.config.maskSelectors, blockSelectors: this.o.config.blockSelectors });
      this.announce();
    }
    this.classify();
  }

  /** The latest route of this document at `url`, for the vitals the browser measured for it. */
  private routePage(url: string): PageState | undefined {
    const page = routeIdentity(url).page;
    return this.routes.findLast((p) => routeIdentity(p.url).page === page);
  }

  /** The page, still loading, replaced its own address: the same page under its new address. */
  rename(): void {
    if (!this.active) return;
    this.page.url = location.href;
    if (this.page.autoType) this.classify();
    else this.schedulePage();
  }

  /** The page on screen was sorted, filtered or paged: an interaction on it, not another page. */
  refine(names: string[]): void {
    if (!this.active || this.paused) return;
    const refinements = this.page.refinements ?? [];
    if (refinements.length >= MAX_REFINEMENTS) return;
    this.page.refinements = [...refinements, { at: Date.now(), names: names.slice(0, 20).map((n) => n.slice(0, 100)) }];
    this.schedulePage();
  }

  /** A client-side route change: the current page ends, a new one begins. */
  private route(url: string, toPaint: number): void {
    // The URL is the route watcher's reading of the address, in this world: never the page's word.
    // (A route applied late — no snapshot came — must not take the address of the one after it.)
    if (url === this.page.url) return;
    this.flush();
    const now = Date.now();
    const previous = this.page;
    previous.endedAt = now;
    // Left before its document was read (the shopper moved on at once): typed from its address.
    if (!previous.autoType && this.announced) this.typeFromAddress(previous);
    this.sendPage();
    this.page = {
      pageId: crypto.randomUUID(),
      previousPageId: previous.pageId,
      url,
      title: document.title,
      startedAt: now - Math.round(toPaint),
      navType: 'route-change',
      routeTiming: { toPaint: Math.round(toPaint * 10) / 10 },
    };
    this.routes.push(this.page);
    if (this.routes.length > 20) this.routes.shift();
    // The route joins now (or when a pause ends); its full snapshot follows from the main world.
    this.announced = false;
    this.pausedAtBegin = this.paused;
    if (!this.paused) this.announce();
    const page = this.page;
    this.o.ctx.setTimeout(() => {
      if (this.page !== page || page.autoType) return;
      // Still on screen: read its document; else another route replaced it meanwhile.
      if (routeIdentity(location.href).page === routeIdentity(page.url).page) return this.classify();
      this.typeFromAddress(page);
      this.sendPage();
    }, 300);
  }

  private measureLoad(): void {
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav && this.page.navType !== 'route-change') this.page.timing = navigationBreakdown(nav);
    this.classify();
  }

  /** A route whose document was never read: typed from its address and title alone (the caller sends it). */
  private typeFromAddress(page: PageState): void {
    const guess = classifyPage(urlFacts(page.url, page.title));
    page.autoType = guess.type;
    page.autoTypeReasons = guess.reasons.slice(0, 20);
  }

  private classify(): void {
    const guess = classifyPage(extractPageFacts(document, location.href));
    this.page.title = document.title;
    this.page.autoType = guess.type;
    this.page.autoTypeReasons = guess.reasons.slice(0, 20);
    this.sendPage();
  }

  /** Coalesces frequent updates (vitals) into one message. */
  private schedulePage(): void {
    if (this.dirty) return;
    this.dirty = setTimeout(() => {
      this.dirty = undefined;
      this.sendPage();
    }, 500);
  }

  /** Sends the page's state; not before the page has joined the visit (never while paused). */
  private sendPage(): void {
    clearTimeout(this.dirty);
    this.dirty = undefined;
    if (!this.announced) return;
    this.sendState(this.page);
  }

  /** Sends a page's state as it is now; a page other than the current one has joined already. */
  private sendState(page: PageState): void {
    const message: PageUpsert = { type: 'recorder/page', visitId: this.visitId, ...structuredClone(page) };
    this.outbox.enqueue(() => message);
  }
}

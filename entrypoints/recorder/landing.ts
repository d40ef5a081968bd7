import { cssPath } from '../../utils/friction/css-path';
import { analyseLanding, OVERLAY_COVERAGE, type OverlaySample } from '../../utils/journey/landing';
import { isPageFrame, laidOverRule, overlayOnPath, type OverlayTree } from '../../utils/journey/overlay-rule';
import type { Landing } from '../../utils/schema/evidence';

/** The first seconds of a landing, watched for this long. */
const WINDOW_MS = 10_000;
const EVERY_MS = 500;
/** Points per side of the grid probed in the viewport. */
const GRID = 5;
/** Shorter than this share of the viewport, a fixed element is a header or a bar, not an overlay. */
const MIN_HEIGHT = 0.25;

/** The Layout Instability API's entry, missing from TypeScript's DOM types. */
interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
}

/**
 * Watches the first ten seconds of a page load: what covers the viewport (probed every half second
 * while the page loads, then only after it changed), the layout shifts and the first interaction,
 * then reports them once, when the ten seconds are over or when the page hides before that. The window starts when watching does: at the navigation start for a page loaded
 * during the visit, at the visit's start for a page that was already open (its first seconds for
 * the evaluator begin then).
 */
export function watchLanding(o: {
  win: Window;
  listen: (target: EventTarget, type: string, fn: (e: Event) => void, capture?: boolean) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: unknown) => void;
  report: (landing: Landing) => void;
  vitals: () => { fcp?: number; lcp?: number };
}): { finish(): void; changed(): void } {
  const { win } = o;
  const now = () => Math.round(win.performance.now());
  const until = now() + WINDOW_MS;
  const samples: OverlaySample[] = [];
  const shifts: LayoutShift[] = [];
  let firstInteraction: number | undefined;
  let done = false;

  for (const type of ['pointerdown', 'keydown', 'click']) {
    o.listen(
      win,
      type,
      (e) => {
        // Events a page script dispatches are not the shopper's.
        if (!done && firstInteraction === undefined && e.isTrusted) firstInteraction = now();
      },
      true,
    );
  }
  const shiftWatch = observeShifts(win, (entry) => {
    if (!entry.hadRecentInput && entry.startTime <= until) shifts.push(entry);
  });
  const look = () => samples.push(sampleViewport(win, now()));
  // Probing forces the page's layout: only while the page loads, and after it changed (the relay
  // tells of rrweb's mutation, scroll and resize events), twice, for what slides in or fades in.
  let owed = 0;
  const loading = () => win.document.readyState !== 'complete';

  look();
  const timer = o.setInterval(() => {
    if (done || now() >= until) return;
    if (loading()) return look();
    if (owed > 0) {
      owed--;
      look();
    }
  }, EVERY_MS);
  const end = () => {
    if (done) return;
    done = true;
    o.clearInterval(timer);
    look();
    shiftWatch?.stop();
    const { fcp, lcp } = o.vitals();
    o.report(analyseLanding({ samples, fcp, lcp, shifts: shifts.map((s) => s.value), firstInteraction, observedFor: now() }));
  };
  o.setTimeout(end, until - now());
  return {
    finish: end,
    changed() {
      owed = 2;
    },
  };
}

/** Layout shifts, buffered from the navigation start; none where the browser does not measure them (Firefox). */
function observeShifts(win: Window, keep: (entry: LayoutShift) => void): { stop(): void } | undefined {
  const Observer = (win as Window & typeof globalThis).PerformanceObserver as typeof PerformanceObserver | undefined;
  if (!Observer?.supportedEntryTypes?.includes('layout-shift')) return undefined;
  const each = (entry: PerformanceEntry) => keep(entry as unknown as LayoutShift);
  const observer = new Observer((list) => list.getEntries().forEach(each));
  observer.observe({ type: 'layout-shift', buffered: true });
  return {
    stop() {
      // Entries not yet delivered to the callback still belong to the window.
      observer.takeRecords().forEach(each);
      observer.disconnect();
    },
  };
}

/** The element that covers the viewport most, found by probing a grid of points. */
function sampleViewport(win: Window, t: number): OverlaySample {
  const doc = win.document;
  const width = doc.documentElement.clientWidth || win.innerWidth;
  const height = doc.documentElement.clientHeight || win.innerHeight;
  if (!width || !height) return { t };
  const judge = overlayJudge(win, height);
  const points = new Map<Element, number>();
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const top = topmostAt(doc, ((i + 0.5) * width) / GRID, ((j + 0.5) * height) / GRID);
      const cover = overlayOnPath(pathUp(doc, top), judge.covers, judge.frames);
      if (cover) points.set(cover, (points.get(cover) ?? 0) + 1);
    }
  }
  let best: Element | undefined;
  let most = 0;
  for (const [el, count] of points) {
    if (count > most) [best, most] = [el, count];
  }
  const coverage = most / (GRID * GRID);
  if (!best || coverage < OVERLAY_COVERAGE) return { t };
  return { t, cover: { selector: cssPath(best), coverage, hint: hintOf(best), modal: isDialog(best) } };
}

/** From the element on top at a point up to (not including) the body. */
function* pathUp(doc: Document, top: Element | undefined): Generator<Element> {
  for (let el = top; el && el !== doc.body && el !== doc.documentElement; el = parentOf(el)) yield el;
}

/**
 * The overlay rule for one look at the page (utils/journey/overlay-rule.ts), its verdicts kept per
 * element: many points share their ancestors. Styles are read only where the rule needs them; the
 * one layout read is the height of an element already laid over the page or a dialog.
 */
function overlayJudge(win: Window, viewportHeight: number): { covers: (el: Element) => boolean; frames: (el: Element, cover: boolean) => boolean } {
  const doc = win.document;
  const tree: OverlayTree<Element> = {
    style: (el) => win.getComputedStyle(el),
    parent: (el) => {
      const parent = parentOf(el);
      return parent && parent !== doc.body && parent !== doc.documentElement ? parent : undefined;
    },
  };
  const laidOver = laidOverRule(tree);
  const covering = new Map<Element, boolean>();
  const framing = new Map<Element, boolean>();
  const coverFraming = new Map<Element, boolean>();
  let opened: Set<Element> | undefined;
  return {
    covers: (el) => {
      let verdict = covering.get(el);
      if (verdict === undefined) {
        verdict = (isDialog(el) || laidOver(el)) && el.getBoundingClientRect().height >= MIN_HEIGHT * viewportHeight;
        covering.set(el, verdict);
      }
      return verdict;
    },
    frames: (el, cover) => {
      const key = cover ? coverFraming : framing;
      let verdict = key.get(el);
      if (verdict === undefined) {
        opened ??= openedDisclosures(doc);
        verdict = isPageFrame(el, cover) || opened.has(el);
        key.set(el, verdict);
      }
      return verdict;
    },
  };
}

/**
 * What the shopper opened through a control that says so (`aria-expanded="true"`): the elements it
 * names (`aria-controls`) and the one that follows it (a menu's panel after its button).
 */
function openedDisclosures(doc: Document): Set<Element> {
  const opened = new Set<Element>();
  for (const trigger of Array.from(doc.querySelectorAll('[aria-expanded="true"]'))) {
    for (const id of (trigger.getAttribute('aria-controls') ?? '').split(/\s+/)) {
      const panel = id ? doc.getElementById(id) : null;
      if (panel) opened.add(panel);
    }
    const next = trigger.nextElementSibling;
    // A control straight in the body would make its whole next section "opened".
    if (next && trigger.parentElement !== doc.body) opened.add(next);
  }
  return opened;
}

/** The element on top at a point, looking into open shadow roots (consent tools often live there). */
function topmostAt(doc: Document, x: number, y: number): Element | undefined {
  let el = doc.elementsFromPoint(x, y)[0];
  for (let depth = 0; el?.shadowRoot && depth < 10; depth++) {
    const inner = el.shadowRoot.elementsFromPoint(x, y)[0];
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** The parent element, crossing out of a shadow root to its host. */
function parentOf(el: Element): Element | undefined {
  if (el.parentElement) return el.parentElement;
  // A document has no host; a shadow root has one (no instanceof: the page's realm is not ours in Firefox).
  return (el.getRootNode() as Partial<ShadowRoot>).host ?? undefined;
}

function isDialog(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    role === 'dialog' ||
    role === 'alertdialog' ||
    el.getAttribute('aria-modal') === 'true' ||
    (el.localName === 'dialog' && el.hasAttribute('open'))
  );
}

/** What the element says it is, for classifying it; it never leaves the page. */
function hintOf(el: Element): string {
  const text = (el.textContent ?? '').slice(0, 1000).replace(/\s+/g, ' ').trim().slice(0, 200);
  return [el.id, el.getAttribute('class') ?? '', el.getAttribute('aria-label') ?? '', text].join(' ').toLowerCase();
}

import { cssPath } from '../../utils/friction/css-path';
import type { ClickFact, FormErrorFact, FrictionFact, WaitFact } from '../../utils/friction/facts';

/**
 * Collects the page's friction facts (clicks and what followed them, form errors, waits after an
 * action, layout shifts) for the background's detectors, which decide what is a signal. Errors come
 * from the main world and failed requests from the background. A guest in the page: it observes,
 * never writes, and keeps its work per event small.
 */

interface Options {
  win: Window;
  emit: (fact: FrictionFact) => void;
  /** Masks what may be personal in a text of the page. */
  mask: (text: string) => string;
  listen: (target: EventTarget, type: string, fn: (e: Event) => void, capture?: boolean) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  /** Whether the page's changes are being seen (rrweb records); when not, no click "changed nothing". */
  seesChanges?: () => boolean;
}

/**
 * The collector's handle. The page's DOM changes are not observed here: the recorder already
 * observes them (rrweb's mutation events reach the relay), and a second document-wide
 * `MutationObserver` would double that work on every change of the page. The relay calls
 * `changed()` for each mutation event. While rrweb does not record (paused, or stepped down on a
 * busy page) changes are unknown (`seesChanges`), and no click is said to have changed nothing.
 */
export interface FrictionWatch {
  changed(): void;
  leaving(): void;
}

/** How long after a click what happened is looked at. */
const AFTER_CLICK_MS = 1000;
/** A scroll that starts this soon after a click is the click's answer (PostHog's dead clicks use 100 ms too). */
const SCROLL_ANSWER_MS = 100;
/** How far back a click's previous clicks go, and how many at most. */
const PREVIOUS_MS = 2000;
const PREVIOUS_MAX = 20;
/** How long after a submit new error messages count as its errors. */
const FORM_WATCH_MS = 2000;
/** How long a wait is watched, and the shortest one worth a fact. */
const WAIT_LIMIT_MS = 10_000;
const WAIT_MIN_MS = 1000;
/** Shifts smaller than this are left out: they are many, and far below a signal. */
const SHIFT_MIN = 0.01;

const ACTIONABLE =
  'a[href],button,input[type=submit],input[type=button],input[type=image],input[type=reset],[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],select,summary,label,[onclick]';
const ROLES = '[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox]';
const ERRORS = '[role=alert],[aria-live=assertive],.error,.form-error,.invalid-feedback,[class*=error]';
const SUBMITS = 'button:not([type]),button[type=submit],input[type=submit],input[type=image]';
/** Inputs where Enter is no request to the page (buttons click; boxes, files and sliders do nothing). */
const NOT_TEXT = /^(button|submit|reset|image|checkbox|radio|file|range|color)$/;

/** The part of a layout-shift entry read here (not in TypeScript's DOM types). */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/**
 * A click waiting for its second to pass; `native` and `elsewhere` are answers the page cannot show,
 * `scrolled` a scroll that began at once, `hidden` the page hidden (a window or tab opened over it).
 */
type Pending = {
  fact: Omit<ClickFact, 'after'>;
  href: string;
  mutations: number;
  perfAt: number;
  native: boolean;
  elsewhere: boolean;
  scrolled?: boolean;
  hidden?: boolean;
  /** rrweb was not recording when the click came: what followed it is unknown. */
  blind?: boolean;
};

export function watchFriction(o: Options): FrictionWatch {
  const { win, emit, listen } = o;
  const doc = win.document;
  const now = () => Date.now();
  const text = (el: Element, max: number) => {
    const raw = (el as HTMLElement).innerText ?? el.textContent ?? '';
    return o.mask(raw.replace(/\s+/g, ' ').trim().slice(0, max * 2)).slice(0, max);
  };

  let mutations = 0;
  const blind = () => o.seesChanges?.() === false;
  let lastResource = -Infinity;
  const resources = observe('resource', false, (e) => (lastResource = Math.max(lastResource, e.startTime)));

  // ——— Clicks ———
  const recent: ClickFact['previous'] = [];
  const pending = new Set<Pending>();
  /** The click a label forwards to its control: the same click of the person, seen twice. */
  let forwarded: { el: Element; t: number } | undefined;

  const finish = (p: Pending, leaving: boolean) => {
    if (!pending.delete(p)) return;
    resources?.takeRecords().forEach((e) => (lastResource = Math.max(lastResource, e.startTime)));
    const navigated = leaving || p.elsewhere || p.hidden === true || win.location.href !== p.href;
    const after = { navigated, mutated: p.native || p.blind === true || blind() || mutations > p.mutations, requested: lastResource >= p.perfAt };
    emit({ ...p.fact, after: p.scrolled ? { ...after, scrolled: true } : after });
  };

  listen(win, 'click', (ev) => {
    const e = ev as MouseEvent;
    const target = e.target as Element | null;
    if (!e.isTrusted || !target || target.nodeType !== 1) return;
    const t = now();
    if (forwarded?.el === target && t - forwarded.t < 50) return;
    const control = target.closest(ACTIONABLE);
    const pointer = !control && win.getComputedStyle(target).cursor === 'pointer';
    const el = control ?? target;
    const labelled = el.localName === 'label' ? (el as HTMLLabelElement).control : null;
    if (labelled) forwarded = { el: labelled, t };
    while (recent.length && t - recent[0]!.t > PREVIOUS_MS) recent.shift();
    const fact: Pending['fact'] = {
      kind: 'click',
      t,
      x: e.clientX,
      y: e.clientY,
      selector: cssPath(el),
      label: labelOf(el),
      actionable: !!control || pointer,
      ...(control ? { cue: cueOf(control) } : pointer ? { cue: 'cursor:pointer' } : {}),
      ...(isEditable(target) ? { editable: true } : {}),
      previous: recent.slice(),
    };
    recent.push({ t, x: e.clientX, y: e.clientY });
    if (recent.length > PREVIOUS_MAX) recent.shift();
    // Some clicks the browser answers itself, with nothing in the page to observe: a list opens, a
    // box is ticked, a link opens in another tab or downloads. They count as answered, and start no wait.
    const native = !!labelled || el.matches('select,input[type=checkbox],input[type=radio]');
    const link = el.closest<HTMLAnchorElement>('a[href]');
    const elsewhere = !!link && (e.ctrlKey || e.metaKey || e.shiftKey || link.hasAttribute('download') || !['', '_self', '_top', '_parent'].includes(link.target));
    const p: Pending = { fact, href: win.location.href, mutations, perfAt: win.performance.now(), native, elsewhere, ...(blind() ? { blind: true } : {}) };
    pending.add(p);
    o.setTimeout(() => finish(p, false), AFTER_CLICK_MS);
    if (fact.actionable && !native && !elsewhere) startWait('click', fact.selector);
    if (control && (el.matches(SUBMITS) || el.closest('form'))) armForm();
  }, true);

  function labelOf(el: Element): string {
    const named = el.getAttribute('aria-label') ?? el.getAttribute('title');
    if (named) return o.mask(named.replace(/\s+/g, ' ').trim()).slice(0, 80);
    // Only the value of a button: that of any other field is what the person typed.
    if (el.matches('input[type=submit],input[type=button],input[type=reset]')) return o.mask((el as HTMLInputElement).value).slice(0, 80);
    if (el.localName === 'input') return o.mask(el.getAttribute('alt') ?? '').slice(0, 80);
    if (el.localName === 'textarea') return '';
    // A click on a large block names no control: its text is not read.
    return (el.textContent?.length ?? 0) > 500 ? '' : text(el, 80);
  }

  // ——— Waits ———
  let wait: { t: number; action: WaitFact['action']; selector?: string } | undefined;

  const endWait = (resolved: boolean, leaving = false) => {
    const w = wait;
    if (!w) return;
    wait = undefined;
    const waited = Math.min(now() - w.t, WAIT_LIMIT_MS);
    // A wait cut by the page's unload goes on until the next page paints: the background ends it.
    if (!leaving && waited <= WAIT_MIN_MS) return;
    emit({ kind: 'wait', t: w.t, action: w.action, ...(w.selector ? { selector: w.selector } : {}), waited, resolved, ...(leaving ? { leaving } : {}) });
  };

  function startWait(action: WaitFact['action'], selector?: string): void {
    const w = { t: now(), action, selector };
    wait = w;
    o.setTimeout(() => wait === w && endWait(false), WAIT_LIMIT_MS);
  }

  listen(win, 'keydown', (ev) => {
    const e = ev as KeyboardEvent;
    const target = e.target as Element | null;
    if (!e.isTrusted || e.key !== 'Enter' || e.isComposing || target?.localName !== 'input' || NOT_TEXT.test((target as HTMLInputElement).type)) return;
    startWait('key', cssPath(target));
    if (target.closest('form')) armForm();
  }, true);
  listen(win, 'submit', (e) => {
    const form = e.target as Element;
    startWait('submit', cssPath(form));
    armForm();
  }, true);
  listen(win, 'hashchange', () => endWait(true));
  listen(win, 'popstate', () => endWait(true));

  // A click may answer by scrolling the page (to the reviews, back to the top) and change nothing
  // else, or by opening a window or tab over it: neither is a dead click, nor a wait.
  listen(win, 'scroll', () => {
    const t = now();
    for (const p of pending) if (p.scrolled === undefined) p.scrolled = t - p.fact.t <= SCROLL_ANSWER_MS;
    if (wait && t - wait.t <= SCROLL_ANSWER_MS) endWait(true);
  }, true);
  listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState !== 'hidden') return;
    for (const p of pending) p.hidden = true;
    endWait(true);
  });

  // ——— Form errors ———
  let watchUntil = 0;
  /** The elements reported since the last submit, and the messages already shown before it. */
  let reported = new Set<Element>();
  let before = new Map<Element, string>();
  /** Fields already marked invalid before the submit. */
  let invalidBefore = new Set<Element>();

  const shown = (el: Element) =>
    typeof el.checkVisibility !== 'function' || el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });

  function armForm(): void {
    watchUntil = now() + FORM_WATCH_MS;
    reported = new Set();
    before = new Map();
    for (const el of Array.from(doc.querySelectorAll(ERRORS))) if (shown(el)) before.set(el, text(el, 200));
    invalidBefore = new Set(Array.from(doc.querySelectorAll('[aria-invalid=true]')));
  }

  const overlaps = (el: Element) => Array.from(reported).some((r) => r.contains(el) || el.contains(r));

  const report = (el: Element, via: FormErrorFact['via'], message: string) => {
    reported.add(el);
    emit({ kind: 'form-error', t: now(), selector: cssPath(el), text: message, via });
  };

  /** New messages in or at `root`, innermost first: the message rather than the block around it. */
  const scan = (root: Element) => {
    const found = Array.from(root.querySelectorAll(ERRORS));
    if (root.matches(ERRORS)) found.unshift(root);
    for (const el of found.reverse()) {
      if (overlaps(el) || !shown(el)) continue;
      const message = text(el, 200);
      if (message && before.get(el) !== message) report(el, el.matches('[role=alert],[aria-live=assertive]') ? 'alert' : 'error-class', message);
    }
  };

  /** A field marked invalid, with the messages it points to (reported once, with the field). */
  const invalidField = (field: Element) => {
    const ids = `${field.getAttribute('aria-errormessage') ?? ''} ${field.getAttribute('aria-describedby') ?? ''}`.split(/\s+/);
    const messages = ids.map((id) => (id ? doc.getElementById(id) : null)).filter((m): m is HTMLElement => !!m);
    if (overlaps(field) || messages.some(overlaps)) return;
    report(field, 'aria-invalid', messages.map((m) => text(m, 200)).filter(Boolean).join(' ').slice(0, 200));
    messages.forEach((m) => reported.add(m));
  };

  /**
   * After a submit, the page's changes are looked through for new messages: the whole document's
   * error-like elements and fields newly marked invalid, once per burst of changes.
   */
  let scanQueued = false;
  const inspect = () => {
    scanQueued = false;
    if (now() > watchUntil) return;
    for (const field of Array.from(doc.querySelectorAll('[aria-invalid=true]'))) if (!invalidBefore.has(field)) invalidField(field);
    scan(doc.documentElement);
  };
  listen(win, 'invalid', (e) => {
    const field = e.target as HTMLInputElement;
    if (now() > watchUntil || overlaps(field)) return;
    report(field, 'invalid-event', o.mask(field.validationMessage ?? '').slice(0, 200));
  }, true);

  // ——— What changed (told by the relay, from rrweb's mutation events) ———
  const changed = () => {
    mutations++;
    endWait(true);
    if (now() <= watchUntil && !scanQueued) {
      scanQueued = true;
      o.setTimeout(inspect, 0);
    }
  };

  observe('layout-shift', true, (entry) => {
    const e = entry as LayoutShift;
    if (e.hadRecentInput || e.value < SHIFT_MIN) return;
    const area = (r: DOMRectReadOnly) => r.width * r.height;
    const sources = (e.sources ?? [])
      .map((s) => ({ el: s.node?.nodeType === 1 ? (s.node as Element) : s.node?.parentElement, size: Math.max(area(s.previousRect), area(s.currentRect)) }))
      .filter((s): s is { el: Element; size: number } => !!s.el)
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((s) => cssPath(s.el));
    emit({ kind: 'shift', t: Math.round(win.performance.timeOrigin + e.startTime), value: e.value, sources });
  });

  return {
    changed,
    leaving() {
      Array.from(pending).forEach((p) => finish(p, true));
      endWait(false, true);
    },
  };
}

/** Inputs whose text can be selected by double or triple click. */
const TEXT_INPUTS = new Set(['', 'text', 'email', 'search', 'tel', 'url', 'password', 'number']);

/** A field the person types into (double and triple clicks select text there). */
function isEditable(el: Element): boolean {
  if (el.localName === 'textarea') return true;
  if (el.localName === 'input') return TEXT_INPUTS.has((el.getAttribute('type') ?? '').toLowerCase());
  return (el as HTMLElement).isContentEditable === true;
}

/** Why a control looks actionable: what it is, in a word. */
function cueOf(el: Element): string {
  if (el.matches('a[href]')) return 'link';
  if (el.matches(ROLES)) return `role=${el.getAttribute('role')}`;
  if (el.localName === 'input') return `input[type=${(el as HTMLInputElement).type}]`;
  return el.matches('button,select,summary,label') ? el.localName : 'onclick';
}

/** A performance observer, where the browser has this entry type. */
function observe(type: string, buffered: boolean, onEntry: (e: PerformanceEntry) => void): PerformanceObserver | undefined {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes(type)) return undefined;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
  observer.observe({ type, buffered });
  return observer;
}

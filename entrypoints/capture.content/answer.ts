import { DEFAULT_BLOCK_SELECTORS, DEFAULT_MASK_SELECTORS } from '../../utils/recording/privacy';
import { typedPieces } from '../../utils/privacy/typed';
import { sharedTypedValues } from '../../utils/recording/typed-values';
import { clipRects, type Rect } from '../../utils/screenshots/geometry';
import type { CaptureReply, CaptureRequest, Measurement, ScrollPosition } from '../../utils/messaging/capture-page';
import { withTimeout } from '../../utils/timeout';

/**
 * The page's side of a screenshot: it measures what the background must paint over (form fields,
 * foreign frames, text that looks like an e-mail or a long number) and scrolls for a full page.
 * It never changes the DOM or a style: the page is being recorded, and the replay would show it.
 */

/** Inputs whose look shows no typed value: buttons show their own label, a checkbox its state. */
const SHOWN_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'range', 'color']);
const FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false" i])';
// An e-mail address, or 8+ digits possibly grouped by spaces, dashes or dots (cards, phones, IBANs).
const SENSITIVE_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|\d(?:[\s.\-\u2010-\u2015]{0,3}\d){7,}/gu;
/** Subtrees without visible text of their own (a field's value is hidden whole anyway). */
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'IFRAME']);
/** Bounds the text scan on huge pages, so a capture stays prompt. */
export const MAX_TEXT_NODES = 20_000;
/** Same-origin frames are measured inside, this deep; deeper ones are hidden whole. */
const MAX_FRAME_DEPTH = 3;

type Scan = { out: Rect[]; selectors: string[]; textBudget: number; pageOrigin: string; typed: string[] };

/**
 * What the person typed on this page, as the recorder (same extension world) keeps it in memory:
 * a page's echo of it ("Bonjour Jane") is hidden like a field.
 */
function typedOnPage(): string[] {
  return [...new Set(sharedTypedValues().flatMap(typedPieces).map((p) => p.toLowerCase()))];
}

export async function answerCapture(request: CaptureRequest, win: Window): Promise<CaptureReply<Measurement | ScrollPosition>> {
  switch (request.type) {
    case 'capture/measure':
      return { ok: true, value: measure(win, [...request.blockSelectors, ...request.maskSelectors], typedOnPage()) };
    case 'capture/scroll':
      // 'instant' overrides a page's `scroll-behavior: smooth`, which would still be moving at capture.
      win.scrollTo({ left: win.scrollX, top: request.y, behavior: 'instant' });
      await twoFrames(win);
      return { ok: true, value: { scrollY: win.scrollY } };
    case 'capture/restore':
      win.scrollTo({ left: request.x, top: request.y, behavior: 'instant' });
      return { ok: true, value: { scrollY: win.scrollY } };
  }
}

/** Rectangles to hide, in viewport CSS pixels, with the page's position and size. */
export function measure(win: Window, selectors: readonly string[], typed: readonly string[] = []): Measurement {
  const doc = win.document;
  const scan: Scan = {
    out: [],
    // The built-in lists are known to parse and go as one query; the evaluator's are tried one by one.
    selectors: [[...DEFAULT_BLOCK_SELECTORS, ...DEFAULT_MASK_SELECTORS].join(','), ...selectors],
    textBudget: MAX_TEXT_NODES,
    pageOrigin: win.location.origin,
    typed: typed.map((t) => t.toLowerCase()),
  };
  scanDocument(doc, scan, { x: 0, y: 0 }, { x: 0, y: 0, width: win.innerWidth, height: win.innerHeight }, 0);
  return {
    rects: scan.out,
    scrollX: win.scrollX,
    scrollY: win.scrollY,
    viewportWidth: win.innerWidth,
    viewportHeight: win.innerHeight,
    // The window's scroll extent: a page scrolling inside its body instead cannot be stitched, and is
    // captured as one screen rather than as screens of blank.
    scrollHeight: (doc.scrollingElement ?? doc.documentElement).scrollHeight,
    dpr: win.devicePixelRatio || 1,
  };
}

/**
 * One document: the page's, or a same-origin frame's whose viewport starts at `origin` in the page's
 * viewport and shows `clip` of it.
 */
function scanDocument(doc: Document, scan: Scan, origin: { x: number; y: number }, clip: Rect, depth: number): void {
  const found: Rect[] = [];
  const add = (r: DOMRect) => found.push({ x: r.left + origin.x, y: r.top + origin.y, width: r.width, height: r.height });
  // An element named by several lists (a card field is also an input) is measured once.
  const seen = new Set<Element>();
  const hide = (el: Element) => {
    if (seen.has(el)) return;
    seen.add(el);
    add(el.getBoundingClientRect());
  };
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    for (const el of query(root, FIELDS)) {
      if (el.localName !== 'input' || !SHOWN_INPUT_TYPES.has((el as HTMLInputElement).type)) hide(el);
    }
    for (const selector of scan.selectors) for (const el of query(root, selector)) hide(el);
    for (const frame of root.querySelectorAll('iframe')) {
      const inner = depth < MAX_FRAME_DEPTH ? frameViewport(frame, scan.pageOrigin) : undefined;
      if (!inner) {
        add(frame.getBoundingClientRect());
        continue;
      }
      const at = { x: origin.x + inner.x, y: origin.y + inner.y };
      const [visible] = clipRects([{ ...at, width: inner.width, height: inner.height }], clip);
      if (visible) scanDocument(inner.doc, scan, at, visible, depth + 1);
    }
    scanText(doc, root, scan, roots, add);
  }
  for (const r of clipRects(found, clip)) scan.out.push(r);
}

/** Elements matching a selector; one the browser rejects matches nothing rather than failing the capture. */
function query(root: Document | ShadowRoot, selector: string): Iterable<Element> {
  try {
    return root.querySelectorAll(selector);
  } catch {
    return [];
  }
}

/**
 * A same-origin frame's document and its viewport's box in its parent's viewport, or undefined for a
 * frame to hide whole: from another origin (a payment provider's), unreadable, or transformed (its
 * inside does not map to its box by a translation).
 */
function frameViewport(frame: HTMLIFrameElement, pageOrigin: string): (Rect & { doc: Document }) | undefined {
  const doc = frameDocument(frame, pageOrigin);
  const r = frame.getBoundingClientRect();
  if (!doc || Math.abs(r.width - frame.offsetWidth) > 1 || Math.abs(r.height - frame.offsetHeight) > 1) return undefined;
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  const pad = (side: 'Left' | 'Top' | 'Right' | 'Bottom') => parseFloat(style?.[`padding${side}`] ?? '') || 0;
  return {
    doc,
    x: r.left + frame.clientLeft + pad('Left'),
    y: r.top + frame.clientTop + pad('Top'),
    width: frame.clientWidth - pad('Left') - pad('Right'),
    height: frame.clientHeight - pad('Top') - pad('Bottom'),
  };
}

/** The frame's document if it is ours to read and from the page's origin. */
function frameDocument(frame: HTMLIFrameElement, pageOrigin: string): Document | undefined {
  const src = frame.getAttribute('src')?.trim();
  if (src && !src.startsWith('about:')) {
    try {
      // Checked on the address too: while it loads, a foreign frame still holds a readable blank page.
      if (new URL(src, frame.ownerDocument.baseURI).origin !== pageOrigin) return undefined;
    } catch {
      return undefined;
    }
  }
  try {
    return frame.contentDocument ?? undefined;
  } catch {
    return undefined;
  }
}

/** Text that looks like an e-mail or a long number; open shadow roots found on the way are queued. */
function scanText(doc: Document, root: Document | ShadowRoot, scan: Scan, roots: (Document | ShadowRoot)[], add: (r: DOMRect) => void): void {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return scan.textBudget-- > 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      const el = node as Element;
      if (el.shadowRoot) roots.push(el.shadowRoot);
      return NO_TEXT.has(el.tagName.toUpperCase()) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    const hide = (from: number, length: number) => {
      range.setStart(node, from);
      range.setEnd(node, from + length);
      const rects = range.getClientRects();
      for (let i = 0; i < rects.length; i++) add(rects[i]!);
    };
    if (/[@\d]/.test(text)) for (const match of text.matchAll(SENSITIVE_TEXT)) hide(match.index, match[0].length);
    if (scan.typed.length === 0) continue;
    const lower = text.toLowerCase();
    for (const piece of scan.typed) {
      for (let at = lower.indexOf(piece); at >= 0; at = lower.indexOf(piece, at + piece.length)) hide(at, piece.length);
    }
  }
}

/** Resolves once the page has painted twice, or after 100 ms in a page that does not paint (hidden). */
function twoFrames(win: Window): Promise<void> {
  const painted = new Promise<void>((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
  return withTimeout(painted, 100, () => undefined);
}

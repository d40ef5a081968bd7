import { DEFAULT_BLOCK_SELECTORS, DEFAULT_MASK_SELECTORS } from '../../utils/recording/privacy';
import { sharedTypedValues } from '../../utils/recording/typed-values';
import { TypedMatcher } from '../../utils/privacy/typed';
import { clipRects, type Rect } from '../../utils/screenshots/geometry';
import type { CaptureReply, CaptureRequest, Measurement, ScrollPosition } from '../../utils/messaging/capture-page';
import { withTimeout } from '../../utils/timeout';
import { sensitiveSpans } from '../../utils/screenshots/sensitive-text';
import { pageWorld } from './page-world';
import { walkPage, type PageWorld, type WalkedDocument } from './walk';

/**
 * The page's side of a screenshot: it measures what the background must paint over (form fields,
 * editable regions, canvases, foreign frames, text that looks like an e-mail or a long number or
 * echoes what was typed), in open and closed shadow roots alike, and scrolls for a full page.
 * It never changes the DOM or a style: the page is being recorded, and the replay would show it.
 */

/** Inputs whose look shows no typed value: buttons show their own label, a checkbox its state. */
const SHOWN_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'range', 'color']);
/** Hidden whole: fields, editable regions, and canvases (their pixels may show anything, typed text included). */
const HIDDEN_WHOLE = 'input, textarea, select, canvas, [contenteditable]:not([contenteditable="false" i])';
/** Same-origin frames are measured inside, this deep; deeper ones are hidden whole. */
const MAX_FRAME_DEPTH = 3;

type Scan = { out: Rect[]; selectors: string[]; pageOrigin: string; typed: TypedMatcher; walked: Map<Document, WalkedDocument> };

/**
 * What the person typed on this page, as the recorder (same extension world) keeps it in memory:
 * a page's echo of it ("Bonjour Jane") is hidden like a field.
 */
function typedOnPage(): string[] {
  return sharedTypedValues();
}

export async function answerCapture(
  request: CaptureRequest,
  win: Window,
  world: PageWorld = pageWorld(win),
): Promise<CaptureReply<Measurement | ScrollPosition>> {
  switch (request.type) {
    case 'capture/measure':
      return { ok: true, value: await measure(win, [...request.blockSelectors, ...request.maskSelectors], [...request.typed, ...typedOnPage()], world, request.search) };
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

/**
 * Rectangles to hide, in viewport CSS pixels, with the page's position and size. The whole page is
 * walked first, in slices (`world`); the boxes are then read in one go, so they describe one moment.
 */
export async function measure(
  win: Window,
  selectors: readonly string[],
  typed: readonly string[] = [],
  world: PageWorld = pageWorld(win),
  search: readonly string[] = [],
): Promise<Measurement> {
  const doc = win.document;
  const pageOrigin = win.location.origin;
  const typedMatcher = new TypedMatcher(typed, search);
  const walked = await walkPage(doc, {
    world,
    typed: typedMatcher,
    frameDocument: (frame) => frameDocument(frame, pageOrigin),
    maxFrameDepth: MAX_FRAME_DEPTH,
  });
  const scan: Scan = {
    out: [],
    // The built-in lists are known to parse and go as one query; the evaluator's are tried one by one.
    selectors: [[...DEFAULT_BLOCK_SELECTORS, ...DEFAULT_MASK_SELECTORS].join(','), ...selectors],
    pageOrigin,
    typed: typedMatcher,
    walked,
  };
  scanDocument(doc, scan, { x: 0, y: 0 }, { x: 0, y: 0, width: win.innerWidth, height: win.innerHeight });
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
 * One walked document: the page's, or a same-origin frame's whose viewport starts at `origin` in the
 * page's viewport and shows `clip` of it.
 */
function scanDocument(doc: Document, scan: Scan, origin: { x: number; y: number }, clip: Rect): void {
  const walked = scan.walked.get(doc);
  // A document changing faster than it can be walked, or editable as a whole, is hidden whole.
  if (!walked?.complete || doc.designMode === 'on') {
    scan.out.push(clip);
    return;
  }
  const found: Rect[] = [];
  const add = (r: DOMRect) => found.push({ x: r.left + origin.x, y: r.top + origin.y, width: r.width, height: r.height });
  // An element named by several lists (a card field is also an input) is measured once.
  const seen = new Set<Element>();
  const hide = (el: Element) => {
    if (seen.has(el)) return;
    seen.add(el);
    add(el.getBoundingClientRect());
  };
  for (const root of walked.roots) {
    for (const el of query(root, HIDDEN_WHOLE)) {
      if (el.localName !== 'input' || !SHOWN_INPUT_TYPES.has((el as HTMLInputElement).type)) hide(el);
    }
    for (const selector of scan.selectors) for (const el of query(root, selector)) hide(el);
    for (const frame of root.querySelectorAll('iframe')) {
      const inner = frameViewport(frame, scan.pageOrigin);
      // A frame the walk did not read (too deep, from elsewhere, or loaded since) is hidden whole.
      if (!inner || !scan.walked.has(inner.doc)) {
        add(frame.getBoundingClientRect());
        continue;
      }
      const at = { x: origin.x + inner.x, y: origin.y + inner.y };
      const [visible] = clipRects([{ ...at, width: inner.width, height: inner.height }], clip);
      if (visible) scanDocument(inner.doc, scan, at, visible);
    }
  }
  hideText(doc, walked.texts, scan.typed, add);
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

/** The boxes of the text that looks like an e-mail or a long number, or echoes what was typed. */
function hideText(doc: Document, texts: Iterable<Text>, typed: TypedMatcher, add: (r: DOMRect) => void): void {
  const range = doc.createRange();
  for (const node of texts) {
    // Read again: the text may have changed since the walk.
    if (!node.isConnected) continue;
    for (const span of sensitiveSpans(node.data, typed)) {
      range.setStart(node, span.from);
      range.setEnd(node, span.from + span.length);
      const rects = range.getClientRects();
      for (let i = 0; i < rects.length; i++) add(rects[i]!);
    }
  }
}

/** Resolves once the page has painted twice, or after 100 ms in a page that does not paint (hidden). */
function twoFrames(win: Window): Promise<void> {
  const painted = new Promise<void>((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
  return withTimeout(painted, 100, () => undefined);
}

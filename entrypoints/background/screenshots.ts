import { browser } from 'wxt/browser';
import { CaptureQueue, type Capture } from '../../utils/screenshots/capture-queue';
import {
  MAX_CANVAS_PX,
  MAX_PAGE_CSS_HEIGHT,
  clipRects,
  heldStill,
  inflateRects,
  placeTile,
  planTiles,
  translateRects,
  unionRects,
  type Rect,
} from '../../utils/screenshots/geometry';
import {
  parseCaptureReply,
  parseMeasurement,
  parseScrollPosition,
  type CaptureRequest,
  type Measurement,
  type MeasureRequest,
} from '../../utils/messaging/capture-page';
import { context, decode, encode, paint, ScreenshotError, type Shot } from './screenshot-image';
import { withTimeout } from '../../utils/timeout';
import { CAPTURE_SCRIPT } from './capture-script';

export { ScreenshotError, type ScreenshotErrorCode, type Shot } from './screenshot-image';

/**
 * Screenshots of a visit's tab. The page measures what to hide (fields, foreign frames, e-mails and
 * long numbers) right before and right after each capture; the boxes are painted here, on a copy,
 * so the page itself is never changed (it is being recorded). Captures go through one queue:
 * Chrome refuses more than two a second.
 */

export type ScreenshotTarget = {
  tabId: number;
  windowId: number;
  kind: 'visible' | 'full-page';
  maskSelectors: string[];
  blockSelectors: string[];
  /** What the evaluator typed in the visit, and its search terms: their echoes on the page are hidden. */
  values: string[];
  searchTerms: string[];
};

const queue = new CaptureQueue();
/** Boxes grow by this much (CSS px): glyph edges and focus rings spill past an element's box. */
const HIDE_MARGIN = 1;
/** A page that has not answered in this time has no recorder listening (or is stuck). */
const ANSWER_TIMEOUT_MS = 5_000;


export async function takeScreenshot(o: ScreenshotTarget): Promise<Shot> {
  try {
    await browser.scripting.executeScript({ target: { tabId: o.tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] }).catch((error: unknown) => {
      throw new ScreenshotError('no-recorder', String(error), { cause: error });
    });
    return await queue.run(async (capture) => {
      const { canvas, truncated } = o.kind === 'visible' ? await visibleArea(o, capture) : await fullPage(o, capture);
      return encode(canvas, truncated);
    });
  } catch (error) {
    throw error instanceof ScreenshotError ? error : new ScreenshotError('capture-failed', String(error), { cause: error });
  }
}

async function visibleArea(o: ScreenshotTarget, capture: Capture): Promise<{ canvas: OffscreenCanvas; truncated: boolean }> {
  const shot = await shoot(o, capture);
  const canvas = new OffscreenCanvas(shot.bitmap.width, shot.bitmap.height);
  const ctx = context(canvas);
  ctx.drawImage(shot.bitmap, 0, 0);
  shot.bitmap.close();
  paint(ctx, inflateRects(shot.rects, HIDE_MARGIN), shot.scale);
  return { canvas, truncated: false };
}

/** Scrolls screen by screen, stitching the captures, then puts the scroll position back. */
async function fullPage(o: ScreenshotTarget, capture: Capture): Promise<{ canvas: OffscreenCanvas; truncated: boolean }> {
  const start = await ask(o.tabId, measureRequest(o), parseMeasurement);
  const maxHeight = Math.min(MAX_PAGE_CSS_HEIGHT, Math.floor(MAX_CANVAS_PX / start.dpr));
  const plan = planTiles({ scrollHeight: start.scrollHeight, viewportHeight: start.viewportHeight, maxHeight });
  let page: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D; scale: number } | undefined;
  let truncated = plan.truncated;
  try {
    for (const tile of plan.tiles) {
      await ask(o.tabId, { type: 'capture/scroll', y: tile.scrollY }, parseScrollPosition);
      const shot = await shoot(o, capture);
      try {
        if (!page) {
          // Sized by the first capture's real scale (device pixels and zoom), not by the page's word.
          const scale = shot.scale;
          const fullHeight = Math.round(plan.height * scale);
          const canvas = new OffscreenCanvas(Math.min(MAX_CANVAS_PX, shot.bitmap.width), Math.min(MAX_CANVAS_PX, fullHeight));
          truncated ||= fullHeight > canvas.height;
          const ctx = context(canvas);
          // A part the page did not scroll to stays white, not black, in the JPEG.
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          page = { canvas, ctx, scale };
        }
        // Placed where the page really was at capture, which may not be where it was asked to go.
        const part = placeTile(tile, shot.at.scrollY, shot.at.viewportHeight);
        if (part.height <= 0) continue;
        const sy = Math.round(part.srcY * shot.scale);
        const dy = Math.round(part.destY * page.scale);
        page.ctx.drawImage(
          shot.bitmap,
          0,
          sy,
          shot.bitmap.width,
          Math.round((part.srcY + part.height) * shot.scale) - sy,
          0,
          dy,
          Math.round(shot.at.viewportWidth * page.scale),
          Math.round((part.destY + part.height) * page.scale) - dy,
        );
        // Boxes in page coordinates, kept to this tile's strip: the next tile measures its own.
        const strip = { x: 0, y: part.destY, width: shot.at.viewportWidth, height: part.height };
        paint(page.ctx, clipRects(translateRects(inflateRects(shot.rects, HIDE_MARGIN), 0, shot.at.scrollY), strip), page.scale);
      } finally {
        shot.bitmap.close();
      }
    }
  } finally {
    // The evaluator finds the page where they left it, even after a failure.
    await ask(o.tabId, { type: 'capture/restore', x: start.scrollX, y: start.scrollY }, parseScrollPosition).catch(() => undefined);
  }
  if (!page) throw new ScreenshotError('capture-failed', 'nothing was captured');
  return { canvas: page.canvas, truncated };
}

type Frame = { bitmap: ImageBitmap; scale: number; at: Measurement; rects: Rect[] };

/** Captures taken, at most, until the page holds still through one (see `heldStill`). */
const STILL_ATTEMPTS = 5;

/**
 * One capture of the visible area, with the boxes to hide measured right before and right after it,
 * and its real scale: image pixels per CSS pixel. A page that moved between the two measurements
 * (typing scrolls a focused field into view; a message pushes a form down) is taken again: the
 * picture may show a state neither measurement covers, with a typed value where no box is. One
 * that never holds still is not captured: a picture with a field uncovered is worse than none.
 */
async function shoot(o: ScreenshotTarget, capture: Capture): Promise<Frame> {
  for (let attempt = 1; ; attempt++) {
    const { before, dataUrl, after } = await capture(async () => {
      // captureVisibleTab takes whatever tab is in front: it must still be ours, before and after.
      await requireInFront(o);
      const before = await ask(o.tabId, measureRequest(o), parseMeasurement);
      const dataUrl = await browser.tabs.captureVisibleTab(o.windowId, { format: 'png' }).catch((error: unknown) => {
        throw new ScreenshotError('capture-failed', String(error), { cause: error });
      });
      await requireInFront(o);
      const after = await ask(o.tabId, measureRequest(o), parseMeasurement);
      return { before, dataUrl, after };
    });
    if (!heldStill(before, after)) {
      if (attempt >= STILL_ATTEMPTS) throw new ScreenshotError('capture-failed', `the page kept moving through ${attempt} captures`);
      continue;
    }
    const bitmap = await decode(dataUrl);
    return { bitmap, scale: bitmap.width / before.viewportWidth, at: before, rects: unionRects(before.rects, after.rects) };
  }
}

async function requireInFront(o: ScreenshotTarget): Promise<void> {
  const tab = await browser.tabs.get(o.tabId).catch(() => undefined);
  if (!tab) throw new ScreenshotError('capture-failed', 'the tab is closed');
  if (!tab.active || tab.windowId !== o.windowId) throw new ScreenshotError('tab-hidden');
}

function measureRequest(o: ScreenshotTarget): MeasureRequest {
  return { type: 'capture/measure', maskSelectors: o.maskSelectors, blockSelectors: o.blockSelectors, typed: o.values, search: o.searchTerms };
}

/** Asks the page's recorder (top frame only) and checks its answer. */
async function ask<T>(tabId: number, request: CaptureRequest, parse: (value: unknown) => T | undefined): Promise<T> {
  let answer: unknown;
  try {
    answer = await withTimeout(browser.tabs.sendMessage(tabId, request, { frameId: 0 }), ANSWER_TIMEOUT_MS, () => {
      throw new Error(`no answer in ${ANSWER_TIMEOUT_MS} ms`);
    });
  } catch (error) {
    throw new ScreenshotError('no-recorder', String(error), { cause: error });
  }
  const reply = parseCaptureReply(answer, parse);
  if (!reply) throw new ScreenshotError('no-recorder', `no valid answer to ${request.type}`);
  if (!reply.ok) throw new ScreenshotError('capture-failed', reply.detail ?? reply.error);
  return reply.value;
}


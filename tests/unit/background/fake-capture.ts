import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureRequest, Rect } from '../../../utils/messaging/capture-page';

/**
 * A fake of a page's capture script (it measures what to hide, scrolls, and puts the scroll back)
 * and of the browser's `captureVisibleTab`. Use with `installFakeCanvas()`.
 */

export interface PageShape {
  viewportWidth: number;
  viewportHeight: number;
  scrollHeight: number;
  dpr: number;
  /** Boxes to hide, in viewport coordinates, for each measurement in turn (the last one repeats). */
  rects: Rect[][];
}

/** The page's capture script, answering the background's questions, and the browser's capture. */
export function fakePage(shape: PageShape = { viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 1, rects: [[]] }, start = { x: 0, y: 100 }) {
  const asked: CaptureRequest[] = [];
  let scrollY = start.y;
  let measured = 0;
  const answer = (request: CaptureRequest): unknown => {
    asked.push(request);
    switch (request.type) {
      case 'capture/measure': {
        const rects = shape.rects[Math.min(measured++, shape.rects.length - 1)] ?? [];
        const { viewportWidth, viewportHeight, scrollHeight, dpr } = shape;
        return { ok: true, value: { rects, scrollX: 0, scrollY, viewportWidth, viewportHeight, scrollHeight, dpr } };
      }
      case 'capture/scroll':
      case 'capture/restore':
        scrollY = Math.max(0, Math.min(request.y, shape.scrollHeight - shape.viewportHeight));
        return { ok: true, value: { scrollY } };
    }
  };
  return {
    asked,
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
    message: vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, request: CaptureRequest) => Promise.resolve(answer(request))) as never),
    capture: vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockImplementation(() => Promise.resolve(`data:image/png;base64,${btoa('png')}`) as never),
  };
}

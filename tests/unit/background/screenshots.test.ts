import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { takeScreenshot, type ScreenshotTarget } from '../../../entrypoints/background/screenshots';
import type { CaptureRequest, Rect } from '../../../utils/messaging/capture-page';
import { fakePage } from './fake-capture';
import { installFakeCanvas, text } from './fake-canvas';
import { tabsShow } from './support';

/**
 * Screenshots of a visit's tab, with fakes of the page's capture script (it measures what to hide
 * and scrolls), of `captureVisibleTab`, and of the drawing APIs: what is captured, what is painted
 * over, and each way a capture fails. Captures are spaced by the real queue (about half a second).
 */

const GREY = '#8a8a8a';

const target = (over: Partial<ScreenshotTarget> = {}): ScreenshotTarget => ({
  tabId: 1,
  windowId: 1,
  kind: 'visible',
  maskSelectors: ['.loyalty-id'],
  blockSelectors: ['iframe.chat'],
  values: [],
  searchTerms: [],
  ...over,
});

async function failure(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return (error as { code?: string } | undefined)?.code;
}

const PHONE_FIELD: Rect = { x: 10, y: 20, width: 100, height: 30 };

beforeEach(() => {
  fakeBrowser.reset();
  tabsShow({ 1: { active: true, windowId: 1 } });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('takeScreenshot: the visible area', () => {
  it('captures the tab’s window and paints over what the page said to hide, at the capture’s scale', async () => {
    const { ops, bitmaps } = installFakeCanvas({ bitmap: { width: 800, height: 600 } });
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 2_000, dpr: 2, rects: [[PHONE_FIELD]] });
    const shot = await takeScreenshot(target());

    expect(page.inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/capture.js'] });
    expect(page.capture).toHaveBeenCalledWith(1, { format: 'png' });
    // Measured right before and right after the capture, in the top frame.
    expect(page.message.mock.calls.map(([tab, request, options]) => [tab, (request as CaptureRequest).type, options])).toEqual([
      [1, 'capture/measure', { frameId: 0 }],
      [1, 'capture/measure', { frameId: 0 }],
    ]);
    expect(page.asked[0]).toEqual({ type: 'capture/measure', maskSelectors: ['.loyalty-id'], blockSelectors: ['iframe.chat'], typed: [], search: [] });

    expect(ops.filter((o) => o.canvas === 'canvas 800x600')).toEqual([
      { op: 'drawImage', canvas: 'canvas 800x600', source: 'bitmap 800x600', args: [0, 0] },
      // The box grown by a pixel on every side, then doubled.
      { op: 'fillRect', canvas: 'canvas 800x600', fill: GREY, x: 18, y: 38, width: 204, height: 64 },
    ]);
    expect(bitmaps.every((b) => b.closed)).toBe(true);
    expect({ width: shot.width, height: shot.height, truncated: shot.truncated }).toEqual({ width: 800, height: 600, truncated: false });
    expect(text(shot.image)).toBe('image/jpeg 800x600 q0.82');
  });

  it('takes the picture again when the page moved during the capture, and paints the boxes of the still one', async () => {
    const { ops } = installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    // Typing scrolled the field up between the first two measurements; then the page held still.
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 1, rects: [[PHONE_FIELD], [{ ...PHONE_FIELD, y: 60 }]] });
    await takeScreenshot(target());
    expect(page.capture).toHaveBeenCalledTimes(2);
    expect(ops.filter((o) => o.op === 'fillRect').map((o) => (o.op === 'fillRect' ? o.y : -1))).toEqual([59]);
  });

  it('gives up, with no picture, on a page that never holds still', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const moving = Array.from({ length: 20 }, (_, i) => [{ ...PHONE_FIELD, y: 20 + 10 * i }]);
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 1, rects: moving });
    const error = await takeScreenshot(target()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'capture-failed' });
    expect(String(error)).toContain('kept moving');
    expect(page.capture).toHaveBeenCalledTimes(5);
  });
});

describe('takeScreenshot: the full page', () => {
  it('scrolls screen by screen, stitches the captures where the page really was, and puts the scroll back', async () => {
    const { ops } = installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 700, dpr: 1, rects: [[]] });
    const shot = await takeScreenshot(target({ kind: 'full-page' }));

    const moves = page.asked.filter((r) => r.type !== 'capture/measure');
    expect(moves).toEqual([
      { type: 'capture/scroll', y: 0 },
      { type: 'capture/scroll', y: 300 },
      { type: 'capture/scroll', y: 400 },
      { type: 'capture/restore', x: 0, y: 100 },
    ]);
    expect(page.capture).toHaveBeenCalledTimes(3);
    const draws = ops.filter((o) => o.op === 'drawImage' && o.canvas === 'canvas 400x700').map((o) => (o.op === 'drawImage' ? o.args : []));
    expect(draws).toEqual([
      [0, 0, 400, 300, 0, 0, 400, 300],
      [0, 0, 400, 300, 0, 300, 400, 300],
      // The last screen overlaps the one before: only its bottom 100 rows are new.
      [0, 200, 400, 100, 0, 600, 400, 100],
    ]);
    // A part the page did not scroll to stays white.
    expect(ops.find((o) => o.op === 'fillRect')).toMatchObject({ fill: '#ffffff', width: 400, height: 700 });
    expect({ width: shot.width, height: shot.height, truncated: shot.truncated }).toEqual({ width: 400, height: 700, truncated: false });
  });

  it('cuts a page taller than the largest image the browser can draw, and says so', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    // At 100 device pixels per CSS pixel, the largest canvas holds 327 CSS pixels of page.
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 700, dpr: 100, rects: [[]] });
    const shot = await takeScreenshot(target({ kind: 'full-page' }));
    expect(page.capture).toHaveBeenCalledTimes(2);
    expect({ height: shot.height, truncated: shot.truncated }).toEqual({ height: 327, truncated: true });
  });

  it('puts the scroll back even when a capture fails midway', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 700, dpr: 1, rects: [[]] });
    page.capture.mockResolvedValueOnce(`data:image/png;base64,${btoa('png')}` as never).mockRejectedValueOnce(new Error('quota of captures'));
    expect(await failure(takeScreenshot(target({ kind: 'full-page' })))).toBe('capture-failed');
    expect(page.asked.at(-1)).toEqual({ type: 'capture/restore', x: 0, y: 100 });
  });
});

describe('takeScreenshot: failures', () => {
  beforeEach(() => {
    installFakeCanvas();
  });

  it('no-recorder: the page refuses the capture script', async () => {
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 2, rects: [[]] });
    page.inject.mockRejectedValue(new Error('Cannot access contents of url "chrome://newtab/"'));
    expect(await failure(takeScreenshot(target()))).toBe('no-recorder');
    expect(page.capture).not.toHaveBeenCalled();
  });

  it('tab-hidden: the tab is not in front, or not in the window asked for', async () => {
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 2, rects: [[]] });
    tabsShow({ 1: { active: false, windowId: 1 } });
    expect(await failure(takeScreenshot(target()))).toBe('tab-hidden');
    tabsShow({ 1: { active: true, windowId: 2 } });
    expect(await failure(takeScreenshot(target()))).toBe('tab-hidden');
    expect(page.capture).not.toHaveBeenCalled();
  });

  it('capture-failed: the tab was closed', async () => {
    fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 2, rects: [[]] });
    tabsShow({});
    expect(await failure(takeScreenshot(target()))).toBe('capture-failed');
  });

  it('no-recorder: the page does not answer, or answers what is not a measurement', async () => {
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 2, rects: [[]] });
    page.message.mockRejectedValueOnce(new Error('Receiving end does not exist'));
    expect(await failure(takeScreenshot(target()))).toBe('no-recorder');
    page.message.mockResolvedValueOnce({ ok: true, value: { rects: [], viewportWidth: 0 } } as never);
    expect(await failure(takeScreenshot(target()))).toBe('no-recorder');
    expect(page.capture).not.toHaveBeenCalled();
  });

  it('capture-failed: the page answers with an error, or the browser refuses the capture', async () => {
    const page = fakePage({ viewportWidth: 400, viewportHeight: 300, scrollHeight: 300, dpr: 2, rects: [[]] });
    page.message.mockResolvedValueOnce({ ok: false, error: 'internal', detail: 'selector broke' } as never);
    expect(await failure(takeScreenshot(target()))).toBe('capture-failed');
    page.capture.mockRejectedValueOnce(new Error('Either the \'<all_urls>\' or \'activeTab\' permission is required.'));
    expect(await failure(takeScreenshot(target()))).toBe('capture-failed');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { annotateScreenshot, captureFromShortcut, captureScreenshot, deleteScreenshot } from '../../../entrypoints/background/screenshot-commands';
import { db } from '../../../utils/db/database';
import { deleteVisit, deleteEvidence, getEvidence, listEvidence, putChunk, putScreenshot, putVisit } from '../../../utils/db/repository';
import type { Screenshot } from '../../../utils/schema/evidence';
import { chunk, visit } from '../db/fixtures';
import { fakePage } from './fake-capture';
import { installFakeCanvas } from './fake-canvas';
import { lookAt, SHOP, storePage, tabsShow, viewsNotified, code } from './support';

/**
 * Screenshots asked for by the evaluator or taken by the visit: what is refused before anything is
 * captured, and the stored pictures' annotations and deletion. (The capture itself is
 * `screenshots.ts`'s.)
 */

const shot = (over: Partial<Screenshot> = {}): Screenshot => ({
  id: 'shot-1',
  visitId: 'v1',
  pageId: 'p1',
  at: 2_000,
  offset: 1_000,
  kind: 'visible',
  trigger: 'button',
  width: 800,
  height: 600,
  image: new Uint8Array([1]),
  thumb: new Uint8Array([2]),
  annotations: [],
  ...over,
});


beforeEach(async () => {
  fakeBrowser.reset();
  await putVisit(await db(), visit({ tabIds: [1, 2] }));
  await storePage({ id: 'p1', tabId: 1, url: `${SHOP}/`, startedAt: 1_000 });
  await storePage({ id: 'p2', tabId: 2, url: `${SHOP}/panier`, startedAt: 2_000 });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await deleteVisit(await db(), 'v1');
});

describe('captureScreenshot', () => {
  it('stores the capture of the page shown, stamped with the replay moment of the capture', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const page = fakePage();
    lookAt(2);
    tabsShow({ 2: { active: true, windowId: 7, url: `${SHOP}/panier` } });
    await putChunk(await db(), chunk({ pageId: 'p2', seq: 0, firstTs: 2_500 }));
    vi.spyOn(Date, 'now').mockReturnValue(6_000);
    const { screenshotId } = await captureScreenshot('v1', 'visible', 'button');
    expect(page.capture).toHaveBeenCalledWith(7, { format: 'png' });
    const stored = await getEvidence(await db(), 'screenshots', screenshotId);
    expect(stored).toMatchObject({ visitId: 'v1', pageId: 'p2', at: 6_000, offset: 3_500, kind: 'visible', trigger: 'button', width: 400, height: 300, annotations: [] });
    expect(stored?.stage).toBeUndefined();
    expect(await viewsNotified()).toBe(true);
  });

  it('captures the page it is given, with its funnel stage, and hides what the settings mask', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const page = fakePage();
    await fakeBrowser.storage.local.set({ settings: { maskSelectors: ['.loyalty-id'] } });
    lookAt(2);
    tabsShow({ 1: { active: true, windowId: 7 } });
    const home = await storePage({ id: 'p1', tabId: 1, url: `${SHOP}/`, startedAt: 1_000 });
    const { screenshotId } = await captureScreenshot('v1', 'visible', 'stage', 'landing', home);
    expect(await getEvidence(await db(), 'screenshots', screenshotId)).toMatchObject({ pageId: 'p1', trigger: 'stage', stage: 'landing' });
    expect(page.asked[0]).toEqual({ type: 'capture/measure', maskSelectors: ['.loyalty-id'], blockSelectors: [], typed: [], search: [] });
    await deleteEvidence(await db(), 'screenshots', screenshotId);
  });
});

describe('captureScreenshot refuses before capturing', () => {
  it('an unknown visit', async () => {
    expect(await code(captureScreenshot('nope', 'visible', 'button'))).toBe('no-such-visit');
  });

  it('a visit that is not running', async () => {
    await putVisit(await db(), visit({ tabIds: [1, 2], status: 'ended', endedAt: 3_000 }));
    expect(await code(captureScreenshot('v1', 'visible', 'button'))).toBe('visit-not-running');
    await putVisit(await db(), visit({ tabIds: [1, 2], status: 'interrupted' }));
    expect(await code(captureScreenshot('v1', 'visible', 'button'))).toBe('visit-not-running');
  });

  it('a page whose tab is in the background, closed, or in no window (tab-hidden)', async () => {
    lookAt(2);
    const tabs = tabsShow({ 2: { active: false } });
    expect(await code(captureScreenshot('v1', 'visible', 'button'))).toBe('tab-hidden');
    // The page shown: the looked-at tab's.
    expect(tabs).toHaveBeenLastCalledWith(2);
    tabsShow({ 1: { active: true, windowId: undefined } });
    expect(await code(captureScreenshot('v1', 'visible', 'stage', 'landing', await storePage({ id: 'p1', tabId: 1, url: `${SHOP}/` })))).toBe('tab-hidden');
    tabsShow({});
    expect(await code(captureScreenshot('v1', 'full-page', 'button'))).toBe('tab-hidden');
    expect(await listEvidence(await db(), 'screenshots', 'v1')).toEqual([]);
  });

  it('a page that refuses the capture script (no-recorder), storing nothing', async () => {
    lookAt(1);
    tabsShow({ 1: { active: true, windowId: 1, url: `${SHOP}/` } });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await code(captureScreenshot('v1', 'visible', 'button'))).toBe('no-recorder');
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/capture.js'] });
    expect(await listEvidence(await db(), 'screenshots', 'v1')).toEqual([]);
  });
});

describe('captureFromShortcut', () => {
  it('captures the running visit’s page shown', async () => {
    lookAt(2);
    const tabs = tabsShow({ 2: { active: false } });
    expect(await code(captureFromShortcut())).toBe('tab-hidden');
    expect(tabs).toHaveBeenCalledWith(2);
  });

  it('does nothing without a running visit', async () => {
    await putVisit(await db(), visit({ tabIds: [1, 2], status: 'ended', endedAt: 3_000 }));
    const tabs = tabsShow({});
    await captureFromShortcut();
    expect(tabs).not.toHaveBeenCalled();
  });
});

describe('annotateScreenshot and deleteScreenshot', () => {
  it('replaces a screenshot’s annotations and tells the views', async () => {
    await putScreenshot(await db(), shot());
    const box = { id: 'a1', x: 0.1, y: 0.2, w: 0.3, h: 0.1, caption: 'Frais cachés' };
    await annotateScreenshot('shot-1', [box]);
    expect((await getEvidence(await db(), 'screenshots', 'shot-1'))?.annotations).toEqual([box]);
    await annotateScreenshot('shot-1', []);
    expect((await getEvidence(await db(), 'screenshots', 'shot-1'))?.annotations).toEqual([]);
    expect(await viewsNotified()).toBe(true);
  });

  it('refuses to annotate a screenshot that does not exist', async () => {
    expect(await code(annotateScreenshot('nope', []))).toBe('no-such-screenshot');
  });

  it('deletes a screenshot', async () => {
    await putScreenshot(await db(), shot());
    await deleteScreenshot('shot-1');
    expect(await listEvidence(await db(), 'screenshots', 'v1')).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { abandon, captureNewStage, settleOutcome } from '../../../entrypoints/background/funnel';
import { db } from '../../../utils/db/database';
import { getVisit, listEvidence, putAbandonment, putChunk, putSignal, putVisit } from '../../../utils/db/repository';
import type { Abandonment, Signal } from '../../../utils/schema/evidence';
import type { Page } from '../../../utils/schema/page';
import { chunk, visit } from '../db/fixtures';
import { fakePage } from './fake-capture';
import { installFakeCanvas } from './fake-canvas';
import { lookAt, SHOP, storePage, tabsShow, viewsNotified, code, withVisit } from './support';

/**
 * The purchase funnel: the first page of each stage captured on arrival, "I would leave here"
 * stamped on the page shown, and the outcome settled when the visit stops.
 */

/** A page the recorder has read and classified (typed from its document, not its address). */
const classified = (id: string, autoType: Page['autoType'], startedAt: number, over: Partial<Page> = {}) =>
  storePage({ id, url: `${SHOP}/${id}`, autoType, autoTypeReasons: [`looks like ${autoType}`], startedAt, ...over });

const stages = async () => (await getVisit(await db(), 'v1'))?.stages;
const current = async () => (await getVisit(await db(), 'v1'))!;

/** The visit's tab is in the background: a capture is attempted (the tab is looked up) and refused. */
const tabInBackground = () => tabsShow({ 1: { active: false } });


const signal = (id: string, pageId: string, at: number): Signal => ({ id, visitId: 'v1', pageId, type: 'js-error', at, offset: 0, facts: {} });
const abandonment = (id: string, pageId: string, at: number, over: Partial<Abandonment> = {}): Abandonment => ({
  id,
  visitId: 'v1',
  pageId,
  at,
  offset: 0,
  stage: 'cart',
  reason: 'extra-costs',
  comment: '',
  ...over,
});

withVisit();

describe('captureNewStage', () => {
  it('captures the first page of each stage once, and records the stages in the order reached', async () => {
    const tabs = tabInBackground();
    const home = await classified('s1-home', 'home', 1_000);
    await captureNewStage(await db(), home, await current());
    await captureNewStage(await db(), { ...home, title: 'Accueil (vitals)' }, await current());
    const list = await classified('s1-list', 'listing', 2_000);
    await captureNewStage(await db(), list, await current());
    const home2 = await classified('s1-home2', 'home', 3_000);
    await captureNewStage(await db(), home2, await current());
    expect(await stages()).toEqual(['landing', 'browse']);
    expect(tabs.mock.calls).toEqual([[1], [1]]);
  });

  it('stores the stage’s picture, of the page that reached it, when its tab is in front', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    fakePage();
    tabsShow({ 1: { active: true, windowId: 1 } });
    const cart = await classified('s6-cart', 'cart', 1_000);
    await captureNewStage(await db(), cart, await current());
    const [shot] = await listEvidence(await db(), 'screenshots', 'v1');
    expect(shot).toMatchObject({ pageId: 's6-cart', trigger: 'stage', stage: 'cart', kind: 'visible' });
  });

  it('captures nothing for a page typed from its address only, or not classified yet', async () => {
    const tabs = tabInBackground();
    await captureNewStage(await db(), await classified('s2-url', 'cart', 1_000, { typedFromUrl: true }), await current());
    await captureNewStage(await db(), await storePage({ id: 's2-raw', autoType: 'cart', autoTypeReasons: [] }), await current());
    expect(await stages()).toBeUndefined();
    expect(tabs).not.toHaveBeenCalled();
  });

  it('captures nothing for a page already ended, nor while the visit is paused', async () => {
    const tabs = tabInBackground();
    await captureNewStage(await db(), await classified('s3-ended', 'cart', 1_000, { endedAt: 2_000 }), await current());
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 2_500 }] }));
    await captureNewStage(await db(), await classified('s3-paused', 'cart', 3_000), await current());
    expect(await stages()).toBeUndefined();
    expect(tabs).not.toHaveBeenCalled();
  });

  it('works the stage out again when the evaluator corrects the page’s type', async () => {
    tabInBackground();
    const page = await classified('s4-page', 'home', 1_000);
    await captureNewStage(await db(), page, await current());
    const corrected = await storePage({ ...page, typeOverride: 'cart' });
    await captureNewStage(await db(), corrected, await current());
    expect(await stages()).toEqual(['landing', 'cart']);
  });

  it('adds a stage once when two pages of it arrive together (the stored list decides)', async () => {
    const tabs = tabInBackground();
    const a = await classified('s5-a', 'product', 1_000);
    const b = await classified('s5-b', 'product', 1_100);
    const visitNow = await current();
    await Promise.all([captureNewStage(await db(), a, visitNow), captureNewStage(await db(), b, visitNow)]);
    expect(await stages()).toEqual(['product']);
    expect(tabs).toHaveBeenCalledTimes(1);
  });
});

describe('abandon', () => {
  beforeEach(async () => {
    await classified('a-cart', 'cart', 1_000, { endedAt: 3_000 });
    await classified('a-login', 'account', 3_000);
    await putChunk(await db(), chunk({ pageId: 'a-login', seq: 0, firstTs: 3_500 }));
    lookAt(1);
    vi.spyOn(Date, 'now').mockReturnValue(5_000);
  });

  it('stores the abandonment on the page shown, at its replay moment, with the stage the shopper was in', async () => {
    tabInBackground();
    const result = await abandon('v1', 'forced-account', 'Compte obligatoire');
    const [stored] = await listEvidence(await db(), 'abandonments', 'v1');
    expect(stored).toEqual({
      id: result.abandonmentId,
      visitId: 'v1',
      pageId: 'a-login',
      at: 5_000,
      offset: 1_500,
      // An account page forced on the shopper belongs to the stage they were in.
      stage: 'cart',
      reason: 'forced-account',
      comment: 'Compte obligatoire',
    });
    expect(await viewsNotified()).toBe(true);
  });

  it('keeps the picture of what made the shopper leave with the abandonment', async () => {
    // The capture queue spaces captures by the real clock.
    vi.mocked(Date.now).mockRestore();
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    fakePage();
    tabsShow({ 1: { active: true, windowId: 1 } });
    const result = await abandon('v1', 'extra-costs', '');
    expect(result.captureError).toBeUndefined();
    const [stored] = await listEvidence(await db(), 'abandonments', 'v1');
    expect(stored?.screenshotId).toBe(result.screenshotId);
    expect(await listEvidence(await db(), 'screenshots', 'v1')).toEqual([expect.objectContaining({ id: result.screenshotId, pageId: 'a-login', trigger: 'abandon' })]);
  });

  it('keeps the abandonment when the picture cannot be taken, and says why', async () => {
    const tabs = tabInBackground();
    expect(await abandon('v1', 'bug', '')).toMatchObject({ captureError: 'tab-hidden' });
    expect(tabs).toHaveBeenCalledWith(1);
    tabsShow({ 1: { active: true, url: `${SHOP}/a-login` } });
    // The page refuses the capture script.
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    const result = await abandon('v1', 'bug', '');
    expect(result).toMatchObject({ captureError: 'no-recorder' });
    expect(result.screenshotId).toBeUndefined();
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/capture.js'] });
    const stored = await listEvidence(await db(), 'abandonments', 'v1');
    expect(stored).toHaveLength(2);
    expect(stored.every((a) => a.screenshotId === undefined)).toBe(true);
  });

  it('refuses an unknown visit and a visit that no longer runs', async () => {
    expect(await code(abandon('nope', 'other', ''))).toBe('no-such-visit');
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 4_000 }));
    expect(await code(abandon('v1', 'other', ''))).toBe('visit-not-running');
    expect(await listEvidence(await db(), 'abandonments', 'v1')).toEqual([]);
  });
});

describe('settleOutcome', () => {
  it('is converted when a page reached the confirmation, with the signals that led there', async () => {
    await classified('o1-cart', 'cart', 1_000);
    await classified('o1-done', 'confirmation', 2_000);
    await putSignal(await db(), signal('sig-1', 'o1-cart', 1_500));
    await settleOutcome('v1');
    expect((await current()).outcome).toEqual({ kind: 'converted', stage: 'confirmation', signalIds: ['sig-1'] });
  });

  it('is abandoned where the evaluator last said "I would leave here", with the signals before it', async () => {
    await classified('o2-cart', 'cart', 1_000);
    await classified('o2-pay', 'payment', 2_000);
    await putSignal(await db(), signal('sig-before', 'o2-pay', 2_100));
    await putSignal(await db(), signal('sig-after', 'o2-pay', 2_900));
    await putAbandonment(await db(), abandonment('ab-1', 'o2-cart', 1_500, { stage: 'cart' }));
    await putAbandonment(await db(), abandonment('ab-2', 'o2-pay', 2_500, { stage: 'payment', reason: 'payment-not-trusted' }));
    await settleOutcome('v1');
    expect((await current()).outcome).toEqual({
      kind: 'abandoned',
      stage: 'payment',
      declared: true,
      reason: 'payment-not-trusted',
      abandonmentId: 'ab-2',
      pageId: 'o2-pay',
      signalIds: ['sig-before'],
    });
  });

  it('is abandoned at the stage of the last page when nothing was declared', async () => {
    await classified('o3-home', 'home', 1_000);
    await classified('o3-product', 'product', 2_000);
    await settleOutcome('v1');
    expect((await current()).outcome).toEqual({ kind: 'abandoned', stage: 'product', declared: false, pageId: 'o3-product', signalIds: [] });
  });

  it('is abandoned at landing for a visit without pages', async () => {
    await settleOutcome('v1');
    expect((await current()).outcome).toEqual({ kind: 'abandoned', stage: 'landing', declared: false, signalIds: [] });
  });
});

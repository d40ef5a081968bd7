import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterPageStored } from '../../../entrypoints/background/after-page-stored';
import { onFailedRequest } from '../../../entrypoints/background/signals';
import type { CheckFacts } from '../../../utils/checklist/check-facts';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, getVisit, listEvidence, putVisit } from '../../../utils/db/repository';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { visit } from '../db/fixtures';
import { NO_CHECKS, SHOP, settle, storePage, tabsShow } from './support';

/**
 * What follows each write of a recorder's page: waiting facts claimed, the funnel stage reached,
 * and, while the visit records, the page's checks read by a probe injected on demand.
 */

const CHECKS: CheckFacts = { ...NO_CHECKS, searchField: true, lang: 'fr' };

/** The probe: injected, then asked for the page's checks. */
function fakeProbe(checks: CheckFacts) {
  const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
  const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: checks } as never);
  return { inject, ask };
}

const storedVisit = async () => (await getVisit(await db(), 'v1'))!;

beforeEach(async () => {
  fakeBrowser.reset();
  // Audits are another file's concern: keep them out of these writes.
  await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: false, keepAssets: false });
  await putVisit(await db(), visit({ tabIds: [1] }));
});
afterEach(async () => {
  await settle();
  vi.restoreAllMocks();
  await deleteVisit(await db(), 'v1');
});

describe('afterPageStored', () => {
  it('makes the failed requests that waited for the page its signals', async () => {
    await onFailedRequest(1, { kind: 'request', t: 1_000, url: `${SHOP}/panier`, method: 'GET', status: 500, resource: 'document' });
    const page = await storePage({ id: 'p-claim', url: `${SHOP}/panier`, startedAt: 1_000 });
    await afterPageStored(page, await storedVisit());
    expect((await listEvidence(await db(), 'signals', 'v1')).map((s) => `${s.type} ${s.pageId}`)).toEqual(['failed-request p-claim']);
  });

  it('records the funnel stage a classified page reaches, even when its tab cannot be captured', async () => {
    const page = await storePage({ id: 'p-stage', url: `${SHOP}/panier`, autoType: 'cart', autoTypeReasons: ['url'] });
    await afterPageStored(page, await storedVisit());
    expect((await storedVisit()).stages).toEqual(['cart']);
    expect(await listEvidence(await db(), 'screenshots', 'v1')).toEqual([]);
  });

  it('reads the checklist’s page checks with a probe injected into the page’s tab, while the visit records', async () => {
    tabsShow({ 1: { url: `${SHOP}/produit` } });
    const { inject, ask } = fakeProbe(CHECKS);
    const page = await storePage({ id: 'p-probe', url: `${SHOP}/produit`, autoType: 'product', autoTypeReasons: ['ld+json Product'] });
    await afterPageStored(page, await storedVisit());
    await settle();
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/capture.js'] });
    expect(ask).toHaveBeenCalledWith(1, { type: 'page/checks' }, { frameId: 0 });
    expect((await getPage(await db(), 'p-probe'))?.checks).toEqual(CHECKS);
  });

  it('asks the page for the assets it displays once it has settled, while the visit records', async () => {
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: false });
    tabsShow({ 1: { url: `${SHOP}/assets` } });
    fakeProbe(CHECKS);
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, message: { type: string }) =>
      Promise.resolve(message.type === 'page/assets' ? { ok: true, value: { dpr: 1, assets: [] } } : { ok: true, value: CHECKS })) as never);
    const page = await storePage({ id: 'p-assets', url: `${SHOP}/assets`, autoTypeReasons: ['path /assets'] });
    await afterPageStored(page, await storedVisit());
    expect(ask).not.toHaveBeenCalledWith(1, expect.objectContaining({ type: 'page/assets' }), { frameId: 0 });
    await settle(2300);
    expect(ask).toHaveBeenCalledWith(1, { type: 'page/assets', maskSelectors: [], blockSelectors: [] }, { frameId: 0 });
  });

  it('starts the page’s audit without waiting for it', async () => {
    await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: true });
    tabsShow({ 1: { url: `${SHOP}/audit` } });
    const { inject } = fakeProbe(CHECKS);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((_tab: number, message: { type: string }) =>
      Promise.resolve(message.type === 'page/audit' ? { ok: true, value: { durationMs: 5 } } : { ok: true, value: CHECKS })) as never);
    const page = await storePage({ id: 'p-audit', url: `${SHOP}/audit`, autoTypeReasons: ['path /audit'] });
    await afterPageStored(page, await storedVisit());
    // Done before the audit, which waits for the page to settle.
    expect(await listEvidence(await db(), 'audits', 'v1')).toEqual([]);
    await vi.waitFor(async () => expect((await listEvidence(await db(), 'audits', 'v1')).map((a) => a.status)).toEqual(['done']), { timeout: 4_000 });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/audit.js'] });
  });

  it('does not probe a page of a paused visit, nor count its stage, but still claims its facts', async () => {
    await onFailedRequest(1, { kind: 'request', t: 1_000, url: `${SHOP}/`, method: 'GET', status: 404, resource: 'document' });
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 1_500 }] }));
    tabsShow({ 1: { url: `${SHOP}/` } });
    const { inject } = fakeProbe(CHECKS);
    const page = await storePage({ id: 'p-paused', url: `${SHOP}/`, autoTypeReasons: ['path /'] });
    await afterPageStored(page, await storedVisit());
    await settle();
    expect(inject).not.toHaveBeenCalled();
    expect((await storedVisit()).stages).toBeUndefined();
    expect(await listEvidence(await db(), 'signals', 'v1')).toHaveLength(1);
  });
});

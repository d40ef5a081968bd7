import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readChecks, wantsChecks } from '../../../entrypoints/background/page-probe';
import { db } from '../../../utils/db/database';
import { getPage } from '../../../utils/db/repository';
import type { Page } from '../../../utils/schema/page';
import { page as fixturePage } from '../db/fixtures';
import { NO_CHECKS, SHOP, storePage, tabsShow, viewsNotified, withVisit } from './support';

/**
 * The checklist's page checks, read once per page by a probe injected on demand, once the page's
 * document has been read. (Each test uses its own page ids: the pages asked for are remembered.)
 */

const CHECKS = { ...NO_CHECKS, searchField: true, h1Count: 1, lang: 'fr' };

/** A page whose document the recorder has read and classified. */
const read = (id: string, over: Partial<Page> = {}) => storePage({ id, url: `${SHOP}/${id}`, autoType: 'product', autoTypeReasons: ['ld+json Product'], ...over });

/** The probe: injected into the page, then asked for its checks; it answers with `reply`. */
function fakeProbe(reply: unknown) {
  return {
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
    ask: vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(reply as never),
  };
}

withVisit();

describe('wantsChecks', () => {
  it('wants the checks of a page whose document was read and classified', () => {
    expect(wantsChecks(fixturePage({ id: 'w1', autoTypeReasons: ['path /'] }))).toBe(true);
  });

  it('does not want them for a page typed from its address only, not classified yet, or already checked', () => {
    expect(wantsChecks(fixturePage({ id: 'w2', autoTypeReasons: ['path /'], typedFromUrl: true }))).toBe(false);
    expect(wantsChecks(fixturePage({ id: 'w3', autoTypeReasons: [] }))).toBe(false);
    expect(wantsChecks(fixturePage({ id: 'w4', autoTypeReasons: ['path /'], checks: NO_CHECKS }))).toBe(false);
  });
});

describe('readChecks', () => {
  it('injects the probe into the page’s tab, asks it, and stores the checks with the page', async () => {
    tabsShow({ 1: { url: `${SHOP}/r1` } });
    const { inject, ask } = fakeProbe({ ok: true, value: CHECKS });
    const page = await read('r1');
    await readChecks(page);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 1, frameIds: [0] }, files: ['/capture.js'] });
    expect(ask).toHaveBeenCalledWith(1, { type: 'page/checks' }, { frameId: 0 });
    expect((await getPage(await db(), 'r1'))?.checks).toEqual(CHECKS);
    expect(await viewsNotified()).toBe(true);
  });

  it('asks once per page, however often the page is stored', async () => {
    tabsShow({ 1: { url: `${SHOP}/r2` } });
    const { inject } = fakeProbe({ ok: true, value: CHECKS });
    const page = await read('r2');
    await readChecks(page);
    await readChecks({ ...page, title: 'Updated' });
    expect(inject).toHaveBeenCalledTimes(1);
    expect(wantsChecks(page)).toBe(false);
  });

  it('does not probe a tab that has moved on to another page', async () => {
    tabsShow({ 1: { url: `${SHOP}/ailleurs` } });
    const { inject } = fakeProbe({ ok: true, value: CHECKS });
    await readChecks(await read('r3'));
    expect(inject).not.toHaveBeenCalled();
    expect((await getPage(await db(), 'r3'))?.checks).toBeUndefined();
  });

  it('stores nothing, quietly, when the page refuses the probe or answers nonsense', async () => {
    tabsShow({ 1: { url: `${SHOP}/r4` } });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(readChecks(await read('r4'))).resolves.toBeUndefined();
    tabsShow({ 1: { url: `${SHOP}/r5` } });
    fakeProbe({ ok: true, value: { protocol: 'https' } });
    await expect(readChecks(await read('r5'))).resolves.toBeUndefined();
    expect((await getPage(await db(), 'r4'))?.checks).toBeUndefined();
    expect((await getPage(await db(), 'r5'))?.checks).toBeUndefined();
    expect(await viewsNotified()).toBe(false);
  });

  it('does nothing for a page it does not want checks of', async () => {
    const { inject } = fakeProbe({ ok: true, value: CHECKS });
    const get = tabsShow({ 1: { url: `${SHOP}/r6` } });
    await readChecks(await read('r6', { typedFromUrl: true }));
    expect(get).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
  });
});

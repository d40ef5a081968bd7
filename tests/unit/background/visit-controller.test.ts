import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addOrigin,
  adoptTab,
  pauseVisit,
  removeVisit,
  resumeVisit,
  setVerdict,
  startVisit,
  stopVisit,
  notePanelWork,
} from '../../../entrypoints/background/visit-controller';
import { db } from '../../../utils/db/database';
import { deleteVisit, getVisit, listPages, listVisits, putVisit } from '../../../utils/db/repository';
import { visit } from '../db/fixtures';
import { SHOP, sessionValue, storePage, tabsShow, viewsNotified, code } from './support';

/**
 * The evaluator's commands on a visit: each is stored first, then the recorders hear of it (a
 * message to each tab) and the recorder scripts are registered for the visit's origins.
 */

const NOW = 10_000;

/** The browser side of recording: content-script registration, injection and messages to tabs. */
function fakeRecorderBrowser({ permitted = true, awake = false } = {}) {
  return {
    permitted: vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(permitted as never),
    registered: vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never),
    register: vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(),
    inject: vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never),
    tell: vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(awake as never),
  };
}

const stored = async (id = 'v1') => (await getVisit(await db(), id))!;


beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const v of await listVisits(await db())) await deleteVisit(await db(), v.id);
});

describe('startVisit', () => {
  it('starts a recording visit on the tab’s site, registers and injects the recorder, and marks the session', async () => {
    const b = fakeRecorderBrowser();
    // The worker's navigator (Node has none before version 21).
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Test' });
    tabsShow({ 5: { url: `${SHOP}:8443/produit?id=1` } });
    const { visitId } = await startVisit(5);
    expect(await stored(visitId)).toMatchObject({
      origin: `${SHOP}:8443`,
      site: 'shop.example:8443',
      startedAt: NOW,
      status: 'recording',
      tabIds: [5],
      origins: [`${SHOP}/*`],
      pauses: [],
      checklistId: 'mystere-ecommerce',
      userAgent: 'Mozilla/5.0 Test',
    });
    expect(b.permitted).toHaveBeenCalledWith({ origins: [`${SHOP}/*`] });
    expect(b.register.mock.calls[0]?.[0].map((s) => [s.id, s.matches, s.world])).toEqual([
      ['mystere-relay', [`${SHOP}/*`], undefined],
      ['mystere-main', [`${SHOP}/*`], 'MAIN'],
    ]);
    expect(b.inject.mock.calls.map(([o]) => o.files)).toEqual([['/recorder.js'], ['/recorder-isolated.js']]);
    expect(await sessionValue('aliveVisit')).toBe(visitId);
    expect(await viewsNotified()).toBe(true);
  });

  it('refuses a second running visit', async () => {
    fakeRecorderBrowser();
    await putVisit(await db(), visit({ status: 'paused' }));
    tabsShow({ 5: { url: `${SHOP}/` } });
    expect(await code(startVisit(5))).toBe('visit-running');
    expect(await listVisits(await db())).toHaveLength(1);
  });

  it('refuses a tab that shows no website, and a site the evaluator has not permitted', async () => {
    fakeRecorderBrowser({ permitted: false });
    tabsShow({ 5: { url: 'chrome://settings/' }, 6: { url: undefined }, 7: { url: `${SHOP}/` } });
    expect(await code(startVisit(5))).toBe('not-a-website');
    expect(await code(startVisit(6))).toBe('not-a-website');
    expect(await code(startVisit(7))).toBe('permission-denied');
    expect(await listVisits(await db())).toEqual([]);
  });
});

describe('pause, resume and stop', () => {
  beforeEach(async () => {
    await putVisit(await db(), visit({ tabIds: [1, 2], startedAt: 1_000 }));
  });

  it('pause: stored as paused from now, then each tab’s recorder is told', async () => {
    const b = fakeRecorderBrowser();
    await pauseVisit('v1');
    expect(await stored()).toMatchObject({ status: 'paused', pauses: [{ from: NOW }] });
    expect(b.tell.mock.calls).toEqual([
      [1, { type: 'recorder/control', visitId: 'v1', state: 'paused' }],
      [2, { type: 'recorder/control', visitId: 'v1', state: 'paused' }],
    ]);
  });

  it('resume: recording again, the pause closed, a new tab joined', async () => {
    const b = fakeRecorderBrowser();
    await putVisit(await db(), visit({ tabIds: [1], status: 'paused', pauses: [{ from: 5_000 }] }));
    const resumed = await resumeVisit('v1', 3);
    expect(resumed).toMatchObject({ status: 'recording', pauses: [{ from: 5_000, to: NOW }], tabIds: [1, 3] });
    expect(b.tell).toHaveBeenCalledWith(3, { type: 'recorder/control', visitId: 'v1', state: 'recording' });
    // A paused visit's recorders are still registered and running: nothing to inject.
    expect(b.inject).not.toHaveBeenCalled();
  });

  it('resume of an interrupted visit: goes on in the given tab alone, recorder registered and woken', async () => {
    const b = fakeRecorderBrowser({ awake: true });
    await putVisit(await db(), visit({ tabIds: [1, 2], status: 'interrupted', pauses: [{ from: 4_000 }] }));
    await resumeVisit('v1', 7);
    expect(await stored()).toMatchObject({ status: 'recording', tabIds: [7], pauses: [{ from: 4_000, to: NOW }] });
    expect(b.register).toHaveBeenCalled();
    expect(b.tell).toHaveBeenCalledWith(7, { type: 'recorder/wake' });
    expect(b.inject).not.toHaveBeenCalled();
    expect(await sessionValue('aliveVisit')).toBe('v1');
  });

  it('resume refuses while another visit runs, and an unknown visit', async () => {
    fakeRecorderBrowser();
    await putVisit(await db(), visit({ id: 'v0', status: 'interrupted' }));
    expect(await code(resumeVisit('v0', 1))).toBe('visit-running');
    expect((await stored('v0')).status).toBe('interrupted');
    expect(await code(resumeVisit('nope'))).toBe('no-such-visit');
    expect(await code(pauseVisit('nope'))).toBe('no-such-visit');
  });

  it('stop: ended now, open pages ended, the outcome settled, the recorder unregistered', async () => {
    const b = fakeRecorderBrowser();
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue();
    b.registered.mockResolvedValue([{ id: 'mystere-relay' }, { id: 'mystere-main' }] as never);
    await storePage({ id: 'p1', tabId: 1, startedAt: 2_000, endedAt: 3_000, autoType: 'home' });
    await storePage({ id: 'p2', tabId: 1, startedAt: 3_000, autoType: 'cart' });
    await storePage({ id: 'p3', tabId: 2, startedAt: 4_000, autoType: 'product' });
    await stopVisit('v1');
    expect(await stored()).toMatchObject({ status: 'ended', endedAt: NOW, outcome: { kind: 'abandoned', stage: 'product', declared: false, pageId: 'p3' } });
    expect((await listPages(await db(), 'v1')).map((p) => `${p.id} ${p.endedAt}`)).toEqual(['p1 3000', 'p2 10000', 'p3 10000']);
    expect(unregister).toHaveBeenCalledWith({ ids: ['mystere-relay', 'mystere-main'] });
    expect(b.register).not.toHaveBeenCalled();
    expect(b.tell).toHaveBeenCalledWith(1, { type: 'recorder/control', visitId: 'v1', state: 'ended' });
  });

  it('stop: first asks each tab’s recorder to hand over what it holds, while the visit still records', async () => {
    const b = fakeRecorderBrowser();
    const statusWhenAsked: string[] = [];
    b.tell.mockImplementation((async (_tab: number, message: { type: string }) => {
      if (message.type === 'recorder/collect') statusWhenAsked.push((await stored()).status);
      return message.type === 'recorder/collect' ? { pending: 0 } : undefined;
    }) as never);
    await stopVisit('v1');
    expect(b.tell.mock.calls.filter(([, m]) => (m as { type: string }).type === 'recorder/collect')).toEqual([
      [1, { type: 'recorder/collect', visitId: 'v1', waitMs: 3000 }, { frameId: 0 }],
      [2, { type: 'recorder/collect', visitId: 'v1', waitMs: 3000 }, { frameId: 0 }],
    ]);
    expect(statusWhenAsked).toEqual(['recording', 'recording']);
    expect((await stored()).uncollected).toBeUndefined();
  });

  it('stop: says on the visit when a recorder could not hand over all it held; a tab with no recorder counts for nothing', async () => {
    const b = fakeRecorderBrowser();
    b.tell.mockImplementation(((tab: number, message: { type: string }) => {
      if (message.type !== 'recorder/collect') return Promise.resolve(undefined);
      return tab === 1 ? Promise.resolve({ pending: 2 }) : Promise.reject(new Error('Receiving end does not exist'));
    }) as never);
    await stopVisit('v1');
    expect(await stored()).toMatchObject({ status: 'ended', uncollected: { at: NOW, tabs: 1, messages: 2 } });
  });

  it('a recorder that cannot be told does not stop the command', async () => {
    const b = fakeRecorderBrowser();
    b.tell.mockRejectedValue(new Error('Could not establish connection'));
    await pauseVisit('v1');
    expect((await stored()).status).toBe('paused');
  });
});

describe('notePanelWork', () => {
  it('merges the panel’s spans into the visit, kept within its running time', async () => {
    await putVisit(await db(), visit({ startedAt: 1_000 }));
    await notePanelWork('v1', 500, 2_000);
    await notePanelWork('v1', 1_500, 3_000);
    await notePanelWork('v1', 5_000, 6_000);
    // Later than now (the clock): kept up to now.
    await notePanelWork('v1', 9_000, 20_000);
    expect((await stored()).panelWork).toEqual([
      { from: 1_000, to: 3_000 },
      { from: 5_000, to: 6_000 },
      { from: 9_000, to: NOW },
    ]);
    expect(await code(notePanelWork('nope', 1, 2))).toBe('no-such-visit');
  });
});

describe('removeVisit', () => {
  it('stops a running visit, then deletes it with its pages', async () => {
    fakeRecorderBrowser();
    await putVisit(await db(), visit());
    await storePage({ id: 'p1' });
    await removeVisit('v1');
    expect(await getVisit(await db(), 'v1')).toBeUndefined();
    expect(await listPages(await db(), 'v1')).toEqual([]);
  });
});

describe('setVerdict', () => {
  beforeEach(async () => {
    await putVisit(await db(), visit({ status: 'ended', endedAt: 5_000 }));
  });

  it('saves a draft, and a final verdict with text', async () => {
    await setVerdict('v1', '', 'Agent 7', false);
    expect((await stored()).verdict).toEqual({ text: '', alias: 'Agent 7', final: false, at: NOW });
    await setVerdict('v1', 'Parcours fluide.', 'Agent 7', true);
    expect((await stored()).verdict).toMatchObject({ text: 'Parcours fluide.', final: true });
  });

  it('refuses a final verdict without text, and an unknown visit', async () => {
    expect(await code(setVerdict('v1', '   ', 'Agent 7', true))).toBe('verdict-empty');
    expect((await stored()).verdict).toBeUndefined();
    expect(await code(setVerdict('nope', 'x', 'a', false))).toBe('no-such-visit');
  });
});

describe('addOrigin', () => {
  it('records a newly permitted site in the visit’s tab too', async () => {
    const b = fakeRecorderBrowser();
    await putVisit(await db(), visit({ tabIds: [1] }));
    tabsShow({ 2: { url: 'https://pay.example/3ds' } });
    const changed = await addOrigin('v1', 2);
    expect(changed).toMatchObject({ tabIds: [1, 2], origins: [`${SHOP}/*`, 'https://pay.example/*'] });
    expect(b.register.mock.calls[0]?.[0][0]?.matches).toEqual([`${SHOP}/*`, 'https://pay.example/*']);
    expect(b.inject).toHaveBeenCalled();
  });

  it('refuses a site not permitted, a page that is no website, and an unknown visit', async () => {
    fakeRecorderBrowser({ permitted: false });
    await putVisit(await db(), visit({ tabIds: [1] }));
    tabsShow({ 2: { url: 'https://pay.example/3ds' }, 3: { url: 'about:blank' } });
    expect(await code(addOrigin('v1', 2))).toBe('permission-denied');
    expect(await code(addOrigin('v1', 3))).toBe('not-a-website');
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    expect(await code(addOrigin('nope', 2))).toBe('no-such-visit');
    expect((await stored()).origins).toEqual([`${SHOP}/*`]);
  });
});

describe('adoptTab', () => {
  beforeEach(async () => {
    await putVisit(await db(), visit({ tabIds: [1] }));
  });

  it('adds a tab opened from one of the visit’s tabs', async () => {
    expect((await adoptTab(4, 1))?.tabIds).toEqual([1, 4]);
    expect((await stored()).tabIds).toEqual([1, 4]);
    expect(await viewsNotified()).toBe(true);
  });

  it('leaves the visit as it is for a tab opened elsewhere, without opener, or already in it', async () => {
    expect((await adoptTab(4, 9))?.tabIds).toEqual([1]);
    expect((await adoptTab(4, undefined))?.tabIds).toEqual([1]);
    expect((await adoptTab(1, 1))?.tabIds).toEqual([1]);
    expect((await stored()).tabIds).toEqual([1]);
    expect(await viewsNotified()).toBe(false);
  });

  it('answers nothing without a running visit', async () => {
    await putVisit(await db(), visit({ tabIds: [1], status: 'ended', endedAt: 2_000 }));
    expect(await adoptTab(4, 1)).toBeUndefined();
  });
});

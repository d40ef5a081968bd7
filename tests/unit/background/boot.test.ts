import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPanelOnAction, recoverInterruptedVisits } from '../../../entrypoints/background/boot';
import { markSessionAlive } from '../../../entrypoints/background/session-marker';
import { db } from '../../../utils/db/database';
import { deleteVisit, getPage, getVisit, listVisits, putChunk, putVisit } from '../../../utils/db/repository';
import { chunk, visit } from '../db/fixtures';
import { storePage, viewsNotified } from './support';

/**
 * On every start of the background, a visit left running by a browser that closed becomes
 * interrupted, with everything it recorded; the visit of this browser session goes on.
 */

function fakeRegistration() {
  return {
    registered: vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: 'mystere-relay' }, { id: 'mystere-main' }] as never),
    unregister: vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(),
    register: vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const v of await listVisits(await db())) await deleteVisit(await db(), v.id);
});

describe('recoverInterruptedVisits', () => {
  it('interrupts a visit this session did not start, paused from the last thing recorded', async () => {
    const b = fakeRegistration();
    await putVisit(await db(), visit({ startedAt: 1_000 }));
    await storePage({ id: 'p1', startedAt: 1_000, endedAt: 3_000 });
    await storePage({ id: 'p2', startedAt: 3_000 });
    await putChunk(await db(), chunk({ pageId: 'p2', seq: 0, firstTs: 3_100, lastTs: 7_500 }));
    await recoverInterruptedVisits();
    expect(await getVisit(await db(), 'v1')).toMatchObject({ status: 'interrupted', pauses: [{ from: 7_500 }] });
    // The page open when the browser closed ends with its last recorded event.
    expect((await getPage(await db(), 'p2'))?.endedAt).toBe(7_500);
    expect((await getPage(await db(), 'p1'))?.endedAt).toBe(3_000);
    expect(b.unregister).toHaveBeenCalledWith({ ids: ['mystere-relay', 'mystere-main'] });
    expect(b.register).not.toHaveBeenCalled();
    expect(await viewsNotified()).toBe(true);
  });

  it('keeps a paused visit’s open pause rather than adding one', async () => {
    fakeRegistration();
    await putVisit(await db(), visit({ status: 'paused', pauses: [{ from: 2_000 }] }));
    await recoverInterruptedVisits();
    expect(await getVisit(await db(), 'v1')).toMatchObject({ status: 'interrupted', pauses: [{ from: 2_000 }] });
  });

  it('leaves the visit this browser session is running alone (a worker restart)', async () => {
    const b = fakeRegistration();
    await putVisit(await db(), visit());
    await storePage({ id: 'p1' });
    await markSessionAlive('v1');
    await recoverInterruptedVisits();
    expect((await getVisit(await db(), 'v1'))?.status).toBe('recording');
    expect((await getPage(await db(), 'p1'))?.endedAt).toBeUndefined();
    expect(b.registered).not.toHaveBeenCalled();
    expect(await viewsNotified()).toBe(false);
  });

  it('does nothing when no visit was left running', async () => {
    const b = fakeRegistration();
    await putVisit(await db(), visit({ status: 'ended', endedAt: 2_000 }));
    await recoverInterruptedVisits();
    expect((await getVisit(await db(), 'v1'))?.status).toBe('ended');
    expect(b.registered).not.toHaveBeenCalled();
  });
});

describe('openPanelOnAction', () => {
  it('opens the side panel on the toolbar button where the browser has one (Chrome)', () => {
    const setPanelBehavior = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser, { sidePanel: { setPanelBehavior } });
    try {
      openPanelOnAction();
      expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    } finally {
      delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
    }
  });

  it('toggles the sidebar on the toolbar button otherwise (Firefox)', async () => {
    const toggle = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser, { sidebarAction: { toggle } });
    try {
      openPanelOnAction();
      await fakeBrowser.action.onClicked.trigger({ id: 1 } as never);
      expect(toggle).toHaveBeenCalledTimes(1);
    } finally {
      delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
    }
  });
});

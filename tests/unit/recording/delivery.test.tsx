// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleHandover, handleRequest } from '../../../entrypoints/background/messages';
import { RecordingHealth } from '../../../entrypoints/sidepanel/storage-budget';
import { db } from '../../../utils/db/database';
import { deleteVisit, getVisit, listChunks, putVisit } from '../../../utils/db/repository';
import { MESSAGES } from '../../../utils/i18n/messages';
import type { Batch, Delivery } from '../../../utils/messaging/protocol';
import { errorCode } from '../../../utils/messaging/receive';
import { Outbox } from '../../../utils/recording/outbox';
import { forgetHandoverArea, handOver, HANDOVER_PREFIX, takeHandovers, type HandoverStorage } from '../../../utils/recording/storage-handover';
import { DEFAULT_SETTINGS } from '../../../utils/schema/settings';
import { saveSettings } from '../../../utils/settings';
import { visit } from '../db/fixtures';
import { $, $$, mount } from '../support/mount';

/**
 * Issue 21: a batch whose first way to the background fails is still stored, by the second way
 * (the extension's storage), within 2 s of the outbox's own clock; the failure is counted in the
 * visit's recording health, and the panel shows it.
 */

const storage = fakeBrowser.storage as unknown as HandoverStorage;
const TAB = 7;

const batch: Batch = {
  type: 'recorder/batch',
  visitId: 'v1',
  pageId: 'p1',
  seq: 0,
  encoding: 'json',
  data: '[{"type":4,"timestamp":1000,"data":{"href":"https://shop.example/","width":1280,"height":800}}]',
  count: 1,
  firstTs: 1_000,
  lastTs: 1_000,
};

/** Handed-over messages still waiting, in both areas. */
const waiting = async () =>
  [...Object.keys(await storage.local.get(null)), ...Object.keys(await storage.session!.get(null))].filter((k) => k.startsWith(HANDOVER_PREFIX));

beforeEach(async () => {
  fakeBrowser.reset();
  forgetHandoverArea();
  await saveSettings(fakeBrowser.storage.local, { ...DEFAULT_SETTINGS, autoAudit: false, keepAssets: false });
  await putVisit(await db(), visit({ tabIds: [TAB] }));
});
afterEach(async () => {
  await deleteVisit(await db(), 'v1');
});

describe('a batch whose first way fails', () => {
  it('is stored through the storage hand-over within 2 s, counted in the visit’s health, and shown in the panel', async () => {
    takeHandovers(storage, handleHandover, errorCode);
    // The outbox's clock: the delays it waits between tries, run at once but added up.
    let waited = 0;
    const firstWay: unknown[] = [];
    const outbox = new Outbox({
      // The first way fails as Firefox's did on bytes from the page's world.
      send: (message) => {
        firstWay.push(message);
        return Promise.reject(new Error('Permission denied to access property "constructor"'));
      },
      fallback: (message) => handOver(storage, TAB, message),
      setTimer: (fn, ms) => {
        waited += ms;
        setTimeout(fn, 0);
      },
    });
    outbox.enqueue(() => batch, batch.data.length, batch.pageId);
    await outbox.idle();

    const chunks = await listChunks(await db(), 'v1');
    expect(chunks.map((c) => [c.pageId, c.seq])).toEqual([['p1', 0]]);
    expect(firstWay).toHaveLength(3);
    expect(waited).toBeLessThanOrEqual(2000);
    // Nothing is left waiting in storage once handled.
    expect(await waiting()).toEqual([]);

    // The recorder tells its totals; the visit keeps them.
    const health = outbox.health;
    expect(health).toEqual({ retried: 1, fellBack: 1, lost: 0 });
    const told: Delivery = { type: 'recorder/delivery', visitId: 'v1', documentId: 'doc-1', ...health };
    await handleRequest(told, { tabId: TAB });
    const stored = (await getVisit(await db(), 'v1'))!;
    expect(stored.delivery).toEqual({ 'doc-1': { retried: 1, fellBack: 1, lost: 0 } });

    for (const lang of ['fr', 'en'] as const) {
      await mount(<RecordingHealth m={MESSAGES[lang]} visit={stored} />);
      expect($('[data-testid=recording-health]').getAttribute('role')).toBe('status');
      expect($('[data-testid=recording-health-delivery]').textContent).toBe(MESSAGES[lang].recordingHealth({ retried: 1, fellBack: 1, lost: 0 }));
    }
    expect(MESSAGES.en.recordingHealth(health)).toContain('1 message(s) retried');
  });

  it('is handed back refused, and not stored, when the background refuses it (a tab not in the visit)', async () => {
    takeHandovers(storage, handleHandover, errorCode);
    const error = await handOver(storage, 99, batch).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-in-visit' });
    expect(await listChunks(await db(), 'v1')).toEqual([]);
  });

  it('takes no page-side request but a recorder’s (no hello, no visit command) by storage', async () => {
    await expect(handleHandover({ type: 'visit/stop', visitId: 'v1' }, TAB)).rejects.toMatchObject({ code: 'bad-message' });
    await expect(handleHandover({ type: 'recorder/hello', url: 'https://shop.example/' }, TAB)).rejects.toMatchObject({ code: 'bad-message' });
    await expect(handleHandover({ type: 'recorder/batch' }, TAB)).rejects.toMatchObject({ code: 'bad-message' });
  });

  it('handles what was left in storage while the background was stopped, at its start', async () => {
    await storage.local.set({ [`${HANDOVER_PREFIX}left`]: { tabId: TAB, message: batch, at: 1 } });
    await takeHandovers(storage, handleHandover, errorCode).drained;
    expect((await listChunks(await db(), 'v1')).map((c) => c.seq)).toEqual([0]);
    expect(await storage.local.get(`${HANDOVER_PREFIX}left`)).toEqual({});
  });

  it('goes through the session area (memory only) where the recorder may write it, else the local one', async () => {
    takeHandovers(storage, handleHandover, errorCode);
    const written: string[] = [];
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (Object.entries(changes).some(([k, c]) => k.startsWith(HANDOVER_PREFIX) && c.newValue)) written.push(area);
    };
    fakeBrowser.storage.onChanged.addListener(onChanged);
    await handOver(storage, TAB, batch);
    forgetHandoverArea();
    const refuse = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('Access to storage is not allowed from this context.'));
    await handOver(storage, TAB, { ...batch, seq: 1 });
    refuse.mockRestore();
    fakeBrowser.storage.onChanged.removeListener(onChanged);
    expect(written).toEqual(['session', 'local']);
    expect((await listChunks(await db(), 'v1')).map((c) => c.seq)).toEqual([0, 1]);
    expect(await waiting()).toEqual([]);
  });

  it('shows a loss, or what Stop could not collect, as an alert', async () => {
    await mount(<RecordingHealth m={MESSAGES.en} visit={{ delivery: { d: { retried: 4, fellBack: 0, lost: 2 } } }} />);
    expect($('[data-testid=recording-health]').getAttribute('role')).toBe('alert');
    expect($('[data-testid=recording-health-delivery]').textContent).toContain('2 lost');
    await mount(<RecordingHealth m={MESSAGES.fr} visit={{ uncollected: { at: 1, tabs: 1, messages: 3 } }} />);
    expect($('[data-testid=recording-health-uncollected]').textContent).toContain('1 onglet(s)');
    await mount(<RecordingHealth m={MESSAGES.fr} visit={{}} />);
    expect($$('[data-testid=recording-health]')).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { db } from '../../../utils/db/database';
import { deleteVisit, listPages, putVisit } from '../../../utils/db/repository';
import { visit } from '../db/fixtures';
import { markSessionAlive } from '../../../entrypoints/background/session-marker';

/**
 * The background's entry wires its listeners, and each reaches its handler: a committed document
 * becomes a page of the visit; a request is answered by its handler through the one protocol.
 */
describe('the background’s wiring', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // What the fake browser does not implement: listened to, never fired here.
    for (const event of [fakeBrowser.commands.onCommand, fakeBrowser.webRequest.onCompleted, fakeBrowser.webRequest.onErrorOccurred, fakeBrowser.action.onClicked]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    }
    vi.spyOn(fakeBrowser.sidePanel, 'setPanelBehavior').mockResolvedValue(undefined);
    await putVisit(await db(), visit({ tabIds: [1] }));
    // This browser session started the visit: start-up leaves it running.
    await markSessionAlive('v1');
    background.main();
  });
  afterEach(async () => deleteVisit(await db(), 'v1'));

  it('turns a committed document of the visit’s tab into a page', async () => {
    await fakeBrowser.webNavigation.onCommitted.trigger({
      tabId: 1,
      frameId: 0,
      url: 'https://shop.example/panier',
      timeStamp: 5_000,
      transitionType: 'link',
      transitionQualifiers: [],
    } as never);
    await expect.poll(async () => (await listPages(await db(), 'v1')).map((p) => p.autoType)).toEqual(['cart']);
  });

  it('ignores a frame’s commit', async () => {
    await fakeBrowser.webNavigation.onCommitted.trigger({ tabId: 1, frameId: 3, url: 'https://shop.example/panier', timeStamp: 5_000 } as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(await listPages(await db(), 'v1')).toEqual([]);
  });

  it('answers a request through its handler, and refuses a malformed one', async () => {
    const ask = (message: unknown, tab?: { id: number }) =>
      new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, { tab } as never, resolve));
    expect(await ask({ type: 'recorder/hello', url: 'https://shop.example/' }, { id: 1 })).toMatchObject({ ok: true, value: { record: true, visitId: 'v1' } });
    expect(await ask({ type: 'recorder/hello', url: 'https://shop.example/' }, { id: 9 })).toEqual({ ok: true, value: { record: false } });
    expect(await ask({ type: 'visit/pause' })).toMatchObject({ ok: false, error: 'bad-message' });
  });
});

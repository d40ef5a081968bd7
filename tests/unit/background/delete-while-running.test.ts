import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runAudit } from '../../../entrypoints/background/audits';
import { captureScreenshot } from '../../../entrypoints/background/screenshot-commands';
import { removeVisit } from '../../../entrypoints/background/visit-controller';
import { db } from '../../../utils/db/database';
import { deleteVisit, getVisit, putChunk, putVisit } from '../../../utils/db/repository';
import { chunk, visit } from '../db/fixtures';
import { installFakeCanvas } from './fake-canvas';
import { fakePage } from './fake-capture';
import { code, lookAt, SHOP, storePage, tabsShow } from './support';

/**
 * The evaluator deletes a visit while a screenshot of it is being captured or one of its pages is
 * being audited: when that work ends, it is refused as `no-such-visit` and nothing of the visit is
 * left in any store (the rule is the repository's: a record of a visit is only written while the
 * visit exists).
 */

const STORES = ['pages', 'chunks', 'screenshots', 'notes', 'signals', 'abandonments', 'answers', 'audits'] as const;

/** Every record left with the visit's id, store by store (empty stores left out). */
async function leftOf(visitId: string): Promise<Record<string, number>> {
  const d = await db();
  const left: Record<string, number> = {};
  for (const store of STORES) {
    const n = await d.countFromIndex(store, 'visitId', visitId);
    if (n > 0) left[store] = n;
  }
  if (await getVisit(d, visitId)) left.visits = 1;
  return left;
}

/** Something the test lets finish when it chooses. */
function held<T>() {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

beforeEach(async () => {
  fakeBrowser.reset();
  // What stopping the visit asks of the browser: its recorder scripts unregistered.
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
  await putVisit(await db(), visit({ tabIds: [1] }));
  await storePage({ id: 'p1', tabId: 1, url: `${SHOP}/`, startedAt: 1_000 });
  await putChunk(await db(), chunk({ pageId: 'p1', seq: 0, firstTs: 1_000 }));
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await deleteVisit(await db(), 'v1');
});

describe('deleting a visit while work on it is running', () => {
  it('an audit that ends after the delete stores nothing', async () => {
    tabsShow({ 1: { url: `${SHOP}/` } });
    const page = held<unknown>();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const ask = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(((_tab: number, message: { type: string }) => (message.type === 'page/audit' ? page.promise : Promise.resolve(undefined))) as never);
    const audit = runAudit('p1', 'rerun', 5_000);
    await vi.waitFor(() => expect(ask).toHaveBeenCalledWith(1, expect.objectContaining({ type: 'page/audit' }), { frameId: 0 }));

    await removeVisit('v1');
    page.release({ ok: true, value: { durationMs: 10 } });

    expect(await code(audit)).toBe('no-such-visit');
    expect(await leftOf('v1')).toEqual({});
  });

  it('a screenshot whose capture ends after the delete stores nothing', async () => {
    installFakeCanvas({ bitmap: { width: 400, height: 300 } });
    const shop = fakePage();
    const browserCapture = held<string>();
    shop.capture.mockImplementation(() => browserCapture.promise as never);
    lookAt(1);
    tabsShow({ 1: { active: true, windowId: 7, url: `${SHOP}/` } });
    const shot = captureScreenshot('v1', 'visible', 'button');
    await vi.waitFor(() => expect(shop.capture).toHaveBeenCalled());

    await removeVisit('v1');
    browserCapture.release(`data:image/png;base64,${btoa('png')}`);

    expect(await code(shot)).toBe('no-such-visit');
    expect(await leftOf('v1')).toEqual({});
  });
});

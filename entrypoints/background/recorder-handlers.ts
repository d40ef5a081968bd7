import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { getPage, getVisit, listPages, putChunk, upsertPage } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Batch, HelloReply, PageUpsert, RecorderConfig } from '../../utils/messaging/protocol';
import { fromBase64, gzipText } from '../../utils/recording/codec';
import { endPage, mergePage } from '../../utils/recording/page-merge';
import { loadSettings } from '../../utils/settings';
import { isActive } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { adoptTab } from './visit-controller';
import { afterPageStored } from './after-page-stored';
import { markPageRecorded, settleNewRecordedPage } from './navigation';

/** What recorders send: hello, page facts and event batches. Each write is keyed, so resends are harmless. */

export async function onHello(tabId: number | undefined, openerTabId?: number): Promise<HelloReply> {
  if (tabId === undefined) return { record: false };
  const visit = await adoptTab(tabId, openerTabId);
  if (!visit || !visit.tabIds.includes(tabId)) return { record: false };
  const settings = await loadSettings(browser.storage.local);
  const config: RecorderConfig = { maskSelectors: settings.maskSelectors, blockSelectors: settings.blockSelectors };
  return { record: true, visitId: visit.id, paused: visit.status === 'paused', config };
}

/** The sender must be one of the visit's tabs; late messages of an ended visit are still welcome. */
async function checkSender(visitId: string, tabId: number | undefined) {
  const visit = await getVisit(await db(), visitId);
  if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
  return visit;
}

export async function onPage(message: PageUpsert, tabId: number | undefined): Promise<void> {
  const visit = await checkSender(message.visitId, tabId);
  const d = await db();
  let created = false;
  let shownChanged = false;
  let page = await guardWrite(() => upsertPage(d, message.pageId, (current) => {
    // A page first heard of after its visit ended is not added to it.
    if (!current && !isActive(visit)) return undefined;
    // A new page waits for its recording (its first batch may come later, or never).
    const next = mergePage(current ?? undefined, message, tabId!, current ? undefined : { source: 'recorder', unrecorded: 'waiting' });
    created = !current;
    // What the panel shows: refresh it only for these, not for every vital.
    shownChanged = !current || current.autoType !== next.autoType || current.title !== next.title || current.endedAt !== next.endedAt;
    return next;
  }));
  // The page its navigation made, if the browser told of it first, gives way to this one.
  if (created && page) page = await settleNewRecordedPage(d, page);
  // The page this one replaced in the tab ends where it begins, even if its own farewell was lost.
  const previous = message.previousPageId
    ? await getPage(d, message.previousPageId)
    : created && page
      ? (await listPages(d, visit.id)).filter((p) => p.tabId === tabId && p.id !== page.id && p.startedAt <= page.startedAt).at(-1)
      : undefined;
  if (page && previous && previous.visitId === visit.id && previous.endedAt === undefined) {
    await upsertPage(d, previous.id, (prev) => prev && endPage(prev, page.startedAt));
  }
  if (shownChanged) await notifyChanged();
  // Not awaited: a capture on arrival at a new funnel stage must not hold up the recorder's answer.
  if (page) void afterPageStored(page, visit).catch(() => undefined);
}

/** A plain batch must be a JSON array before it is stored. */
function checkedJson(text: string): string {
  if (!Array.isArray(JSON.parse(text))) throw new ProtocolError('bad-message', 'batch is not an array');
  return text;
}

export async function onBatch(message: Batch, tabId: number | undefined): Promise<void> {
  await checkSender(message.visitId, tabId);
  const data = message.encoding === 'json' ? await gzipText(checkedJson(message.data)) : fromBase64(message.data);
  const d = await db();
  await guardWrite(() => putChunk(d, {
    visitId: message.visitId,
    pageId: message.pageId,
    seq: message.seq,
    data,
    count: message.count,
    firstTs: message.firstTs,
    lastTs: message.lastTs,
  }));
  await markPageRecorded(d, message.pageId);
}

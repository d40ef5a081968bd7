import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { findActiveVisit, getVisit, putChunk, upsertPage } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Batch, HelloReply, PageUpsert, RecorderConfig } from '../../utils/messaging/protocol';
import { fromBase64 } from '../../utils/recording/codec';
import { endPage, mergePage } from '../../utils/recording/page-merge';
import { loadSettings } from '../../utils/settings';
import { isActive } from '../../utils/schema/visit';
import { notifyChanged } from './revision';

/** What recorders send: hello, page facts and event batches. Each write is keyed, so resends are harmless. */

export async function onHello(tabId: number | undefined): Promise<HelloReply> {
  if (tabId === undefined) return { record: false };
  const visit = await findActiveVisit(await db());
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
  const page = await upsertPage(d, message.pageId, (current) => {
    // A page first heard of after its visit ended is not added to it.
    if (!current && !isActive(visit)) return undefined;
    created = !current;
    return mergePage(current, message, tabId!);
  });
  if (page && message.previousPageId) {
    await upsertPage(d, message.previousPageId, (prev) =>
      prev && prev.visitId === visit.id ? endPage(prev, page.startedAt) : undefined,
    );
  }
  if (created) await notifyChanged();
}

export async function onBatch(message: Batch, tabId: number | undefined): Promise<void> {
  await checkSender(message.visitId, tabId);
  await putChunk(await db(), {
    visitId: message.visitId,
    pageId: message.pageId,
    seq: message.seq,
    data: fromBase64(message.data),
    count: message.count,
    firstTs: message.firstTs,
    lastTs: message.lastTs,
  });
}

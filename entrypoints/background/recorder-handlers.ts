import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { findActiveVisit, getPage, getVisit, listPages, putEvents, upsertPage } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Batch, HelloReply, PageUpsert, RecorderConfig, Typed } from '../../utils/messaging/protocol';
import { fromBase64, gunzip } from '../../utils/recording/codec';
import { endPage, mergePage } from '../../utils/recording/page-merge';
import { loadSettings } from '../../utils/settings';
import { isActive } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { adoptTab } from './visit-controller';
import { afterPageStored } from './after-page-stored';
import { markPageRecorded, settleNewRecordedPage } from './navigation';
import { rememberTyped } from './privacy';
import { visitSelectors } from '../../utils/mission/privacy';
import { onMissionSites } from '../../utils/mission/sites';

const MB = 1024 * 1024;

/** What recorders send: hello, page facts and event batches. Each write is keyed, so resends are harmless. */

/**
 * A recorder's hello from `url` in `tabId`: recorded if the tab is the visit's and the page is on
 * the mission's sites (the registered match patterns cover every port of a host), with the
 * evaluator's masking rules and the mission's together.
 */
export async function onHello(tabId: number | undefined, openerTabId?: number, url?: string): Promise<HelloReply> {
  if (tabId === undefined) return { record: false };
  const visit = await adoptTab(tabId, openerTabId);
  if (!visit || !visit.tabIds.includes(tabId)) return { record: false };
  // A page whose address is not known is on no site a mission names (a mission naming none takes any).
  if (!onMissionSites(visit.mission?.sites ?? [], url ?? '')) return { record: false };
  const settings = await loadSettings(browser.storage.local);
  const { maskSelectors, blockSelectors } = visitSelectors(visit, settings);
  const config: RecorderConfig = {
    maskSelectors,
    blockSelectors,
    ...(visit.storage?.fullAt !== undefined ? { budgetReached: true as const } : {}),
  };
  return { record: true, visitId: visit.id, paused: visit.status === 'paused', config, tabId };
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
  }, visit.id));
  // The page its navigation made, if the browser told of it first, gives way to this one.
  if (created && page) page = await settleNewRecordedPage(d, page);
  // The page this one replaced in the tab ends where it begins, even if its own farewell was lost.
  const previous = message.previousPageId
    ? await getPage(d, message.previousPageId)
    : created && page
      ? (await listPages(d, visit.id)).filter((p) => p.tabId === tabId && p.id !== page.id && p.startedAt <= page.startedAt).at(-1)
      : undefined;
  if (page && previous && previous.visitId === visit.id && previous.endedAt === undefined) {
    await upsertPage(d, previous.id, (prev) => prev && endPage(prev, page.startedAt), previous.visitId);
  }
  if (shownChanged) await notifyChanged();
  // Not awaited: a capture on arrival at a new funnel stage must not hold up the recorder's answer.
  if (page) void afterPageStored(page, visit).catch(() => undefined);
}

/** A batch's events: a JSON array, sent plain or compressed. */
async function eventsOf(message: Batch): Promise<unknown[]> {
  let events: unknown;
  try {
    const text = message.encoding === 'json' ? message.data : new TextDecoder().decode(await gunzip(fromBase64(message.data)));
    events = JSON.parse(text);
  } catch {
    throw new ProtocolError('bad-message', 'batch does not decode');
  }
  if (!Array.isArray(events)) throw new ProtocolError('bad-message', 'batch is not an array');
  return events as unknown[];
}

export async function onBatch(message: Batch, tabId: number | undefined): Promise<void> {
  await checkSender(message.visitId, tabId);
  const events = await eventsOf(message);
  const d = await db();
  const { visitId, pageId, seq, count, firstTs, lastTs } = message;
  const budget = (await loadSettings(browser.storage.local)).visitBudgetMb * MB;
  // Through the privacy pass, with every value typed so far in the visit (sent ahead of the batch).
  const written = await guardWrite(() => putEvents(d, { visitId, pageId, seq, count, firstTs, lastTs }, events, budget));
  // The panel shows the warning, then the stop; the recorder stops sending when refused.
  if (written.crossed) await notifyChanged();
  if (!written.stored) throw new ProtocolError('budget-reached');
  await markPageRecorded(d, message.pageId);
}

/** What the evaluator typed, remembered in memory for the privacy pass. */
export async function onTyped(message: Typed, tabId: number | undefined): Promise<void> {
  if (message.visitId !== undefined) await checkSender(message.visitId, tabId);
  else {
    // A page left before it heard of its visit: the running visit its tab belongs to, if any.
    const visit = await findActiveVisit(await db());
    if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
  }
  await rememberTyped(message);
}

import { browser } from 'wxt/browser';
import { db, type Db } from '../../utils/db/database';
import { findActiveVisit, firstChunk, getPage, getVisit, listPages, putSignal, upsertPage } from '../../utils/db/repository';
import { addIgnored, benignEntry, splitBenign, type IgnoredCounts } from '../../utils/friction/benign';
import { detectSignals, resolveWaitAfterLoad } from '../../utils/friction/detectors';
import type { FrictionFact, RequestFact, WaitFact } from '../../utils/friction/facts';
import { shortHash, signalId } from '../../utils/friction/signal-id';
import { replayOffset, replayStart } from '../../utils/journey/stamp';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Facts } from '../../utils/messaging/protocol';
import { bareUrl } from '../../utils/privacy/urls';
import type { Page } from '../../utils/schema/page';
import { serially } from './navigation';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { sameDocument } from './tabs';

/**
 * Friction signals: the detectors run here, over the facts recorders send and the failed requests
 * the browser reports. Facts that wait for their page (a document's own request comes before its
 * page is stored; a wait whose action unloaded the page ends at the next page's first paint) wait in
 * session storage, not in the worker's memory, which may be gone by then. Benign facts (browser
 * warnings, the evaluator's extensions, requests the browser cancels: `utils/friction/benign.ts`)
 * make no signal; they are counted on their page's record (`ignoredSignals`) for the report.
 */

const WAITING_KEY = 'signals/waiting';
interface Waiting {
  /** Failed requests per tab, whose page is not stored yet (the last 50). */
  requests: Record<string, RequestFact[]>;
  /** Per tab, the wait whose action unloaded the page. */
  leaving: Record<string, WaitFact>;
}

async function readWaiting(): Promise<Waiting> {
  const stored = (await browser.storage.session.get(WAITING_KEY))[WAITING_KEY] as Partial<Waiting> | undefined;
  return { requests: stored?.requests ?? {}, leaving: stored?.leaving ?? {} };
}
const writeWaiting = (waiting: Waiting) => browser.storage.session.set({ [WAITING_KEY]: waiting });

const SEEN_KEY = 'signals/ignored-seen';
/** Bounds on what is remembered to count a resent fact once: the pages (oldest first out), the facts per page. */
const SEEN_PAGES = 500;
const SEEN_FACTS = 50;

/**
 * Counts benign facts on their page record (so the counts go with the visit: report, bundle,
 * deletion); a fact already counted (resent by its recorder) is not counted again.
 */
async function countIgnored(d: Db, page: Page, ignored: { id: string; fact: FrictionFact }[]): Promise<void> {
  if (ignored.length === 0) return;
  const all = ((await browser.storage.session.get(SEEN_KEY))[SEEN_KEY] ?? {}) as Record<string, string[]>;
  let seen = all[page.id] ?? [];
  const delta: IgnoredCounts = {};
  for (const { id, fact } of ignored) {
    const key = shortHash(JSON.stringify(fact));
    if (seen.includes(key)) continue;
    seen = [...seen, key].slice(-SEEN_FACTS);
    delta[id] = (delta[id] ?? 0) + 1;
  }
  if (Object.keys(delta).length === 0) return;
  const { [page.id]: _, ...others } = all;
  const kept = Object.entries(others).slice(-(SEEN_PAGES - 1));
  await browser.storage.session.set({ [SEEN_KEY]: { ...Object.fromEntries(kept), [page.id]: seen } });
  await guardWrite(() =>
    upsertPage(d, page.id, (current) => current && { ...current, ignoredSignals: addIgnored(current.ignoredSignals ?? {}, delta) }, page.visitId),
  ).catch(() => undefined); // The visit was deleted meanwhile: nothing to count on.
}

/**
 * What the signal pipeline ignored as benign in a visit, per page and in all (see
 * `describeIgnored` for words).
 */
export async function ignoredInVisit(visitId: string): Promise<{ pages: Record<string, IgnoredCounts>; total: IgnoredCounts }> {
  const pages: Record<string, IgnoredCounts> = {};
  for (const page of await listPages(await db(), visitId)) if (page.ignoredSignals && Object.keys(page.ignoredSignals).length > 0) pages[page.id] = page.ignoredSignals;
  return { pages, total: addIgnored(...Object.values(pages)) };
}

/** Stores the signals the detectors find in `facts`, stamped on `page`, and counts the benign ones; says how many signals. */
async function storeSignals(d: Db, page: Page, facts: FrictionFact[]): Promise<number> {
  const { kept, ignored } = splitBenign(facts);
  await countIgnored(d, page, ignored);
  const drafts = kept.flatMap(detectSignals);
  if (drafts.length === 0) return 0;
  const start = replayStart(page, (await firstChunk(d, page.visitId, page.id))?.firstTs);
  for (const draft of drafts) {
    await guardWrite(() =>
      putSignal(d, {
        id: signalId(page.id, draft),
        visitId: page.visitId,
        pageId: page.id,
        type: draft.type,
        at: draft.at,
        offset: replayOffset(start, draft.at),
        ...(draft.selector ? { selector: draft.selector } : {}),
        facts: draft.facts,
      }),
    );
  }
  return drafts.length;
}

/** Facts from a recorder, for the page they happened on. */
export function onFacts(message: Facts, tabId: number | undefined): Promise<void> {
  return serially(async () => {
    const d = await db();
    const visit = await getVisit(d, message.visitId);
    if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
    const page = await getPage(d, message.pageId);
    if (!page || page.visitId !== visit.id) throw new ProtocolError('no-such-page');
    const now: FrictionFact[] = [];
    const leaving = message.facts.filter((f): f is WaitFact => f.kind === 'wait' && f.leaving === true).at(-1);
    for (const fact of message.facts) if (!(fact.kind === 'wait' && fact.leaving)) now.push(fact);
    if (leaving) {
      const waiting = await readWaiting();
      await writeWaiting({ ...waiting, leaving: { ...waiting.leaving, [tabId]: leaving } });
    }
    if ((await storeSignals(d, page, now)) > 0) await notifyChanged();
  });
}

/** A request of a tab failed (from the browser's network events). */
export function onFailedRequest(tabId: number, fact: RequestFact): Promise<void> {
  return serially(async () => {
    const d = await db();
    const visit = await findActiveVisit(d);
    if (!visit || visit.status !== 'recording' || !visit.tabIds.includes(tabId)) return;
    const page = (await listPages(d, visit.id)).filter((p) => p.tabId === tabId && p.startedAt <= fact.t).at(-1);
    // A benign request makes no signal and waits for no page: it is counted on the tab's page of
    // its time (a cancelled request is often the last of a page being left), or not at all.
    if (benignEntry(fact)) return void (page && (await storeSignals(d, page, [fact])));
    const tabUrl = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    // A document's own request comes before its page; a page already left, or showing another URL
    // than the tab, is not the one that made the request: wait for the right page.
    const owner =
      fact.resource !== 'document' && page && (page.endedAt === undefined || page.endedAt >= fact.t) && (!tabUrl || sameDocument(tabUrl, page.url))
        ? page
        : undefined;
    if (!owner) {
      const waiting = await readWaiting();
      const requests = [...(waiting.requests[tabId] ?? []), fact].slice(-50);
      await writeWaiting({ ...waiting, requests: { ...waiting.requests, [tabId]: requests } });
      return;
    }
    if ((await storeSignals(d, owner, [fact])) > 0) await notifyChanged();
  });
}

/**
 * A page was stored: the facts that waited for it become its signals — failed requests made while
 * it was its tab's document, and a wait that ended with its first paint.
 */
export function claimWaitingFacts(page: Page): Promise<void> {
  return serially(async () => {
    const d = await db();
    const waiting = await readWaiting();
    const pending = waiting.requests[page.tabId] ?? [];
    // Made while this page was the tab's document (a second of slack for the two clocks).
    const mine = pending.filter(
      (f) => f.t >= page.startedAt - 1000 && (page.endedAt === undefined || f.t <= page.endedAt) && (f.resource !== 'document' || f.url === bareUrl(page.url)),
    );
    const wait = waiting.leaving[page.tabId];
    const fcp = page.vitals.FCP?.value;
    // Only the page the action led to (the tab's first page begun after it) ends the wait; once a
    // later page exists, the wait can no longer be measured and is dropped.
    const next = wait ? (await listPages(d, page.visitId)).find((p) => p.tabId === page.tabId && p.navType !== 'route-change' && p.startedAt >= wait.t) : undefined;
    const waitEnds = wait !== undefined && next?.id === page.id && fcp !== undefined;
    const waitStale = wait !== undefined && next !== undefined && next.id !== page.id;
    if (mine.length === 0 && !waitEnds && !waitStale) return;
    const { [page.tabId]: _, ...otherWaits } = waiting.leaving;
    await writeWaiting({
      requests: { ...waiting.requests, [page.tabId]: pending.filter((f) => !mine.includes(f)) },
      leaving: waitEnds || waitStale ? otherWaits : waiting.leaving,
    });
    let changed = await storeSignals(d, page, mine);
    if (waitEnds) changed += await storeSignals(d, page, [resolveWaitAfterLoad(wait, page.startedAt + fcp)]);
    if (changed > 0) await notifyChanged();
  });
}

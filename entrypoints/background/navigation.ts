import { db, type Db } from '../../utils/db/database';
import { findActiveVisit, firstChunk, getPage, listChunks, listPages, replacePage, upsertPage } from '../../utils/db/repository';
import { absorb, commitPageFor, inOrigins, markRecorded, pageFromCommit, recordedPageFor, type Commit } from '../../utils/journey/navigation';
import { endPage, lastRecorded } from '../../utils/recording/page-merge';
import type { Page } from '../../utils/schema/page';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { rememberSearchIn } from './privacy';
import { onMissionSites } from '../../utils/mission/sites';

/**
 * The journey from the browser's navigation events: every document the visit's tabs commit is a
 * page of the visit at once, whether or not its recorder starts. The recorder's own page replaces
 * it when it arrives.
 */

/**
 * Commits and new recorder pages are worked out one at a time, in the order they came: each reads
 * the visit's pages, and two at once could each miss the other's page (two pages for one document,
 * or a page never ended). The order of work is all this keeps in memory; every fact is stored.
 */
let queue: Promise<unknown> = Promise.resolve();
/** Runs `work` after the journey's pending changes (so that it never ties evidence to a page being replaced). */
export function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/** A document was committed in a tab (top frame only; the caller filters frames). */
export function onCommitted(commit: Commit): Promise<void> {
  return serially(() => storeCommit(commit));
}

async function storeCommit(commit: Commit): Promise<void> {
  const d = await db();
  const visit = await findActiveVisit(d);
  // Pages opened while paused are not part of the visit; nor are other sites' pages until permitted.
  if (!visit || visit.status !== 'recording' || !visit.tabIds.includes(commit.tabId)) return;
  if (!inOrigins(commit.url, visit.origins) || !onMissionSites(visit.mission?.sites ?? [], commit.url)) return;
  // Before the new document can send anything: its echoes of the search are masked.
  await rememberSearchIn(commit.url, visit.id);
  const pages = await listPages(d, visit.id);
  const page = pageFromCommit(visit.id, commit);
  const recorded = recordedPageFor(pages, commit);
  if (recorded) {
    // The recorder spoke first: its page is this commit's (typed from the address until it is read).
    await guardWrite(() => upsertPage(d, recorded.id, (p) => p && absorb(page, p), recorded.visitId));
    await notifyChanged();
    return;
  }
  // The same event delivered twice makes no second page, and ends nothing again.
  if (pages.some((p) => p.id === page.id)) return;
  await guardWrite(() => upsertPage(d, page.id, (current) => (current ? undefined : page), page.visitId));
  await endOpenPages(d, pages, commit.tabId, page.startedAt);
  await notifyChanged();
}

/**
 * A tab of the visit was closed: its pages end now. When its window closes (the browser quitting,
 * say), they end with the last thing recorded of them, as after a browser that closed under the
 * visit: the moment of closing says nothing of the shopper.
 */
export async function onTabRemoved(tabId: number, windowClosing: boolean, at = Date.now()): Promise<void> {
  const d = await db();
  const visit = await findActiveVisit(d);
  if (!visit || !visit.tabIds.includes(tabId)) return;
  const pages = await listPages(d, visit.id);
  if (!windowClosing) {
    if (await endOpenPages(d, pages, tabId, at)) await notifyChanged();
    return;
  }
  const chunks = await listChunks(d, visit.id);
  for (const page of pages.filter((p) => p.tabId === tabId && p.endedAt === undefined)) {
    await upsertPage(d, page.id, (p) => p && endPage(p, lastRecorded(page, chunks)), page.visitId);
  }
}

/** Ends the tab's pages begun before `at` that are still open; says whether any was. */
async function endOpenPages(d: Db, pages: readonly Page[], tabId: number, at: number): Promise<boolean> {
  const open = pages.filter((p) => p.tabId === tabId && p.endedAt === undefined && p.startedAt <= at);
  for (const page of open) await upsertPage(d, page.id, (p) => p && endPage(p, at), page.visitId);
  return open.length > 0;
}

/**
 * A recorder's page was just created: it takes the place of the page its commit made, if that came
 * first, and is waiting for its recording until a batch of it is stored. Returns the page as stored.
 */
export function settleNewRecordedPage(d: Db, page: Page): Promise<Page> {
  return serially(() => takeCommitPlace(d, page));
}

async function takeCommitPlace(d: Db, page: Page): Promise<Page> {
  const recorded = (await firstChunk(d, page.visitId, page.id)) !== undefined;
  const commitPage = commitPageFor(await listPages(d, page.visitId), page);
  if (commitPage) {
    const kept = await guardWrite(() =>
      replacePage(d, commitPage.id, page.id, (made, current) => absorb(made, recorded ? markRecorded(current) : current)),
    );
    if (kept) return kept;
  }
  if (!recorded) return page;
  return (await upsertPage(d, page.id, (p) => p && markRecorded(p), page.visitId)) ?? page;
}

/** A batch of the page's recording is stored: the page is recorded. */
export async function markPageRecorded(d: Db, pageId: string): Promise<void> {
  // Every batch comes here: a read, and a write only for the page's first batch.
  if ((await getPage(d, pageId))?.unrecorded === undefined) return;
  let changed = false;
  await upsertPage(d, pageId, (p) => {
    if (!p || p.unrecorded === undefined) return undefined;
    changed = true;
    return markRecorded(p);
  });
  if (changed) await notifyChanged();
}

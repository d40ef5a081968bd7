import { browser } from 'wxt/browser';
import type { Db } from '../../utils/db/database';
import { firstChunk, getVisit, listPages } from '../../utils/db/repository';
import { pageAt, replayOffset, replayStart } from '../../utils/journey/stamp';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Page } from '../../utils/schema/page';
import type { Visit } from '../../utils/schema/visit';
import { serially } from './navigation';

/**
 * Every piece of evidence is stamped here, by the one rule of `utils/journey/stamp.ts`: the page
 * shown at its moment, and its offset into that page's replay. Stamping and writing run in the
 * journey's order (`serially`), so evidence is never tied to a page that is being replaced.
 */

export interface Stamp {
  page: Page;
  /** Milliseconds into the page's replay (from its first recorded event). */
  offset: number;
}

/** The tab the evaluator looks at (the active tab of the last focused window), if any. */
async function activeTabId(): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []);
  return active?.id;
}

/** The page `pageId` as stored now, or the page shown at `at` if it is gone (replaced). */
async function stampOf(d: Db, visit: Visit, at: number, pageId?: string): Promise<Stamp> {
  const pages = await listPages(d, visit.id);
  const page = pages.find((p) => p.id === pageId) ?? pageAt(pages, at, await activeTabId());
  // No page because the visit itself was deleted meanwhile (a capture that ended after it): say so.
  if (!page) throw new ProtocolError((await getVisit(d, visit.id)) ? 'no-page-yet' : 'no-such-visit');
  return { page, offset: await offsetOn(d, page, at) };
}

/** Milliseconds into `page`'s replay at `at`. */
export async function offsetOn(d: Db, page: Page, at: number): Promise<number> {
  return replayOffset(replayStart(page, (await firstChunk(d, page.visitId, page.id))?.firstTs), at);
}

/**
 * Stamps the moment `at` (on `pageId` when given: a capture of a known page) and hands the stamp to
 * `write`, in the journey's order; `write` may stamp other moments of the same visit with `also`.
 */
export function stamped<T>(
  d: Db,
  visit: Visit,
  at: number,
  write: (stamp: Stamp, also: (at: number) => Promise<Stamp>) => Promise<T>,
  pageId?: string,
): Promise<T> {
  return serially(async () => write(await stampOf(d, visit, at, pageId), (moment) => stampOf(d, visit, moment)));
}

/** The page the evaluator is looking at now. */
export async function currentPage(d: Db, visit: Visit): Promise<Page> {
  return (await stampOf(d, visit, Date.now())).page;
}

import type { PageUpsert } from '../messaging/protocol';
import type { Page } from '../schema/page';
import { settleUnrecorded } from '../journey/navigation';

/**
 * Merges a recorder's view of a page into the stored page. Later measurements win, vitals merge
 * metric by metric, and the evaluator's type correction is never touched by the recorder.
 */
export function mergePage(current: Page | undefined, upsert: PageUpsert, tabId: number, fresh: Partial<Page> = {}): Page {
  const base: Page = current ?? {
    ...fresh,
    id: upsert.pageId,
    visitId: upsert.visitId,
    tabId,
    url: upsert.url,
    title: upsert.title,
    startedAt: upsert.startedAt,
    navType: upsert.navType,
    vitals: {},
    autoType: 'other',
    autoTypeReasons: [],
  };
  const merged: Page = {
    ...base,
    url: upsert.url,
    title: upsert.title || base.title,
    endedAt: upsert.endedAt ?? base.endedAt,
    timing: upsert.timing ?? base.timing,
    routeTiming: upsert.routeTiming ?? base.routeTiming,
    refinements: upsert.refinements ?? base.refinements,
    vitals: { ...base.vitals, ...upsert.vitals },
    autoType: upsert.autoType ?? base.autoType,
    autoTypeReasons: upsert.autoTypeReasons ?? base.autoTypeReasons,
    landing: upsert.landing ?? base.landing,
    checks: upsert.checks ?? base.checks,
    degraded: upsert.degraded ?? base.degraded,
  };
  if (!merged.degraded) delete merged.degraded;
  // Once the recorder has read the document, its type is no longer the address's guess.
  if (upsert.autoType !== undefined) delete merged.typedFromUrl;
  return settleUnrecorded(merged);
}

/**
 * Ends a page that a newer page of the same tab replaced, if it had not ended itself; a page still
 * waiting for its recording then says why it has none.
 */
export function endPage(page: Page, at: number): Page {
  return settleUnrecorded(page.endedAt === undefined ? { ...page, endedAt: Math.max(page.startedAt, at) } : page);
}

/** The last moment recorded of a page: its last batch's last event, else its start. */
export function lastRecorded(page: Pick<Page, 'id' | 'startedAt'>, chunks: ReadonlyArray<{ pageId: string; lastTs: number }>): number {
  return Math.max(page.startedAt, ...chunks.filter((c) => c.pageId === page.id).map((c) => c.lastTs));
}

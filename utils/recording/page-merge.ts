import type { PageUpsert } from '../messaging/protocol';
import type { Page } from '../schema/page';

/**
 * Merges a recorder's view of a page into the stored page. Later measurements win, vitals merge
 * metric by metric, and the evaluator's type correction is never touched by the recorder.
 */
export function mergePage(current: Page | undefined, upsert: PageUpsert, tabId: number): Page {
  const base: Page = current ?? {
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
  return {
    ...base,
    url: upsert.url,
    title: upsert.title || base.title,
    endedAt: upsert.endedAt ?? base.endedAt,
    timing: upsert.timing ?? base.timing,
    routeTiming: upsert.routeTiming ?? base.routeTiming,
    vitals: { ...base.vitals, ...upsert.vitals },
    autoType: upsert.autoType ?? base.autoType,
    autoTypeReasons: upsert.autoTypeReasons ?? base.autoTypeReasons,
    landing: upsert.landing ?? base.landing,
    checks: upsert.checks ?? base.checks,
  };
}

/** Ends a page that a newer page of the same tab replaced, if it had not ended itself. */
export function endPage(page: Page, at: number): Page {
  return page.endedAt === undefined ? { ...page, endedAt: Math.max(page.startedAt, at) } : page;
}

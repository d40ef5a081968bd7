import type { Page } from '../schema/page';

/**
 * The one rule that ties a piece of evidence (an answer, a note, a screenshot, a signal, an
 * abandonment) to a page and to a moment of its replay. The background stamps everything with it;
 * the report's timeline (`utils/report/timeline.ts`) reads offsets back the same way: milliseconds
 * from the page's first recorded event.
 */

/**
 * The page shown at `at`: the newest page begun by then in `tabId` (the tab the evaluator looks at),
 * else the newest begun by then in the visit, else the visit's newest. `pages` in visit order.
 */
export function pageAt(pages: readonly Page[], at: number, tabId?: number): Page | undefined {
  const begun = pages.filter((p) => p.startedAt <= at);
  const inTab = tabId === undefined ? undefined : begun.filter((p) => p.tabId === tabId).at(-1);
  return inTab ?? begun.at(-1) ?? pages.at(-1);
}

/** Where a page's replay begins: its first recorded event, else (nothing recorded yet) its start. */
export function replayStart(page: Pick<Page, 'startedAt'>, firstEventAt: number | undefined): number {
  return firstEventAt ?? page.startedAt;
}

/** Milliseconds into a page's replay, from where it begins; never negative. */
export function replayOffset(start: number, at: number): number {
  return Math.max(0, Math.round(at - start));
}

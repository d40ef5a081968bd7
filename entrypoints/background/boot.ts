import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { listChunks, listPages, listUnfinishedVisits, updateVisit, upsertPage } from '../../utils/db/repository';
import { endPage, lastRecorded } from '../../utils/recording/page-merge';
import { interrupt } from '../../utils/journey/visit-lifecycle';
import { registerRecorder } from './recorder-scripts';
import { notifyChanged } from './revision';
import { aliveVisitId } from './session-marker';

/**
 * On every start of the background: a visit still marked running that this browser session did not
 * start was cut short by the browser closing. It becomes interrupted, with everything it recorded,
 * and the recorder stops until the evaluator resumes it.
 */
export async function recoverInterruptedVisits(): Promise<void> {
  const d = await db();
  const alive = await aliveVisitId();
  const stale = (await listUnfinishedVisits(d)).filter((v) => v.id !== alive);
  for (const visit of stale) {
    const pages = await listPages(d, visit.id);
    const chunks = await listChunks(d, visit.id);
    const lastSeen = Math.max(
      visit.startedAt,
      ...pages.map((p) => p.endedAt ?? p.startedAt),
      ...chunks.map((c) => c.lastTs),
    );
    await updateVisit(d, visit.id, (v) => interrupt(v, lastSeen));
    // Pages open when the browser closed end with the last thing recorded of them.
    for (const page of pages.filter((p) => p.endedAt === undefined)) {
      await upsertPage(d, page.id, (p) => p && endPage(p, lastRecorded(page, chunks)), page.visitId);
    }
  }
  if (stale.length > 0) {
    await registerRecorder([]);
    await notifyChanged();
  }
}

/** The toolbar button opens the side panel (Chrome) or the sidebar (Firefox). */
export function openPanelOnAction(): void {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } })
    .sidePanel;
  if (sidePanel) {
    void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  browser.action.onClicked.addListener(() => void sidebar?.toggle());
}

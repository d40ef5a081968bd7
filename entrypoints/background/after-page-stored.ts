import { db } from '../../utils/db/database';
import type { Page } from '../../utils/schema/page';
import type { Visit } from '../../utils/schema/visit';
import { captureAssets } from './assets';
import { autoAudit } from './audits';
import { captureNewStage } from './funnel';
import { checkMissionTexts } from './mission-texts';
import { readChecks } from './page-probe';
import { claimWaitingFacts } from './signals';

/**
 * What follows each write of a recorder's page, in order. A page is stored many times (its first
 * hello, its type once read, vitals, landing, its end); each step decides for itself whether this
 * write concerns it, and each is idempotent.
 *
 * 1. Facts that waited for the page become its signals: failed requests made while it was its tab's
 *    document, and a wait that ended with its first paint (`signals.ts`).
 * 2. The first page of a funnel stage is captured on arrival, once classified (`funnel.ts`).
 *    While the visit records:
 * 3. the checklist's page checks are read by a probe injected on demand (`page-probe.ts`);
 * 4. the page is audited once it has settled: accessibility and speed (`audits.ts`);
 * 5. the mission's expected texts are looked for on it, if its steps have any (`mission-texts.ts`);
 * 6. the images, fonts and style sheets it displays are kept, once it has settled (`assets.ts`).
 *
 * Steps 3 to 6 are not awaited: an audit takes seconds and must not hold up the next write.
 */
export async function afterPageStored(page: Page, visit: Visit): Promise<void> {
  await claimWaitingFacts(page);
  await captureNewStage(await db(), page, visit);
  if (visit.status !== 'recording') return;
  void readChecks(page);
  void autoAudit(page);
  void checkMissionTexts(page, visit);
  void captureAssets(page, visit);
}

import { db, type Db } from '../../utils/db/database';
import { getVisit, listEvidence, listPages, putAbandonment, updateVisit } from '../../utils/db/repository';
import { computeOutcome, isNewStage, stagesOfPages } from '../../utils/journey/funnel';
import { ProtocolError } from '../../utils/messaging/receive';
import type { AbandonReason } from '../../utils/schema/evidence';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import type { PageType } from '../../utils/schema/page-type';
import { isActive, type Visit } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { captureScreenshot } from './screenshot-commands';
import { currentPage, stamped } from './stamp';
import { guardWrite } from './storage-health';

/**
 * The purchase funnel: each stage's first page captured on arrival, "I would leave here", and the
 * outcome when the visit stops. Which stages were reached is stored with the visit.
 */

/**
 * Each page's type when its stage was last worked out, so that the many updates of a page (vitals,
 * landing…) do not work it out again. A cache: the stages reached are stored with the visit.
 */
const typeSeen = new Map<string, PageType>();

/** The first page of each funnel stage is captured on arrival, once it is classified. */
export async function captureNewStage(d: Db, page: Page, visit: Visit): Promise<void> {
  // Not before the document is read and classified: a page typed from its address alone, or not
  // typed yet, may not be painted yet.
  if (visit.status !== 'recording' || page.endedAt !== undefined || page.typedFromUrl || page.autoTypeReasons.length === 0) return;
  const type = pageTypeOf(page);
  if (typeSeen.get(page.id) === type) return;
  typeSeen.set(page.id, type);
  const stage = stagesOfPages(await listPages(d, visit.id)).get(page.id);
  if (!stage || !isNewStage(visit.stages ?? [], stage)) return;
  // The stored list decides, in one transaction: two updates of the page never capture the stage twice.
  let added = false;
  await updateVisit(d, visit.id, (v) => {
    if (!isNewStage(v.stages ?? [], stage)) return v;
    added = true;
    return { ...v, stages: [...(v.stages ?? []), stage] };
  });
  if (!added) return;
  // A tab in the background cannot be captured: the stage stays reached, without its picture.
  await captureScreenshot(visit.id, 'visible', 'stage', stage, page).catch(() => undefined);
}

/** "I would leave here": the reason, the comment, and a picture of what made the shopper leave. */
export async function abandon(
  visitId: string,
  reason: AbandonReason,
  comment: string,
): Promise<{ abandonmentId: string; screenshotId?: string; captureError?: string }> {
  const d = await db();
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  if (!isActive(visit)) throw new ProtocolError('visit-not-running');
  const at = Date.now();
  const page = await currentPage(d, visit);
  let screenshotId: string | undefined;
  let captureError: string | undefined;
  try {
    ({ screenshotId } = await captureScreenshot(visitId, 'visible', 'abandon', undefined, page));
  } catch (error) {
    // The abandonment is kept all the same; the panel says why there is no picture.
    captureError = error instanceof ProtocolError ? error.code : 'capture-failed';
  }
  const id = crypto.randomUUID();
  await stamped(
    d,
    visit,
    at,
    async (s) => {
      const stage = stagesOfPages(await listPages(d, visit.id)).get(s.page.id) ?? 'landing';
      await guardWrite(() =>
        putAbandonment(d, { id, visitId, pageId: s.page.id, at, offset: s.offset, stage, reason, comment, ...(screenshotId ? { screenshotId } : {}) }),
      );
    },
    page.id,
  );
  await notifyChanged();
  return { abandonmentId: id, ...(screenshotId ? { screenshotId } : {}), ...(captureError ? { captureError } : {}) };
}

/** When the visit stops: converted, or abandoned at a stage, with the signals that led there. */
export async function settleOutcome(visitId: string): Promise<void> {
  const d = await db();
  const [pages, signals, abandonments] = await Promise.all([
    listPages(d, visitId),
    listEvidence(d, 'signals', visitId),
    listEvidence(d, 'abandonments', visitId),
  ]);
  const outcome = computeOutcome(pages, signals, abandonments);
  await updateVisit(d, visitId, (v) => ({ ...v, outcome }));
}

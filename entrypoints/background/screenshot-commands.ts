import { visitSelectors } from '../../utils/mission/privacy';
import { browser } from 'wxt/browser';
import { typedValues } from './privacy';
import { db } from '../../utils/db/database';
import { deleteEvidence, findActiveVisit, getEvidence, getVisit, putScreenshot } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import { errorCodeOf } from '../../utils/messaging/errors';
import type { Annotation, FunnelStage, ScreenshotKind, ScreenshotTrigger } from '../../utils/schema/evidence';
import type { Page } from '../../utils/schema/page';
import { isActive } from '../../utils/schema/visit';
import { loadSettings } from '../../utils/settings';
import { notifyChanged } from './revision';
import { takeScreenshot } from './screenshots';
import { currentPage, stamped } from './stamp';
import { guardWrite } from './storage-health';

/**
 * Screenshots the evaluator asks for (panel, shortcut, an answer's evidence) or the visit takes by
 * itself (arrival at a funnel stage, an abandonment): captured, then stamped with the page and the
 * replay moment of the capture, annotated, deleted.
 */

export async function captureScreenshot(
  visitId: string,
  kind: ScreenshotKind,
  trigger: ScreenshotTrigger,
  stage?: FunnelStage,
  onPage?: Page,
): Promise<{ screenshotId: string }> {
  const d = await db();
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  if (!isActive(visit)) throw new ProtocolError('visit-not-running');
  const page = onPage ?? (await currentPage(d, visit));
  const tab = await browser.tabs.get(page.tabId).catch(() => undefined);
  if (!tab?.active || tab.windowId === undefined) throw new ProtocolError('tab-hidden');
  const settings = await loadSettings(browser.storage.local);
  const at = Date.now();
  const shot = await takeScreenshot({
    tabId: page.tabId,
    windowId: tab.windowId,
    kind,
    // The mission's masking rules too, as the recorder has them.
    ...visitSelectors(visit, settings),
    ...(await typedValues(visit.id)),
  }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new ProtocolError(code === undefined ? 'capture-failed' : errorCodeOf(code), String(error));
  });
  const id = crypto.randomUUID();
  // Stamped with the page it was taken of (or, if that page was replaced meanwhile, the one shown then).
  await stamped(
    d,
    visit,
    at,
    (s) =>
      guardWrite(() =>
        putScreenshot(d, {
          id,
          visitId,
          pageId: s.page.id,
          at,
          offset: s.offset,
          kind,
          trigger,
          ...(stage ? { stage } : {}),
          width: shot.width,
          height: shot.height,
          image: shot.image,
          thumb: shot.thumb,
          ...(shot.truncated ? { truncated: true } : {}),
          annotations: [],
        }),
      ),
    page.id,
  );
  await notifyChanged();
  return { screenshotId: id };
}

export async function deleteScreenshot(screenshotId: string): Promise<void> {
  await deleteEvidence(await db(), 'screenshots', screenshotId);
  await notifyChanged();
}

export async function annotateScreenshot(screenshotId: string, annotations: Annotation[]): Promise<void> {
  const d = await db();
  const shot = await getEvidence(d, 'screenshots', screenshotId);
  if (!shot) throw new ProtocolError('no-such-screenshot');
  await guardWrite(() => putScreenshot(d, { ...shot, annotations }));
  await notifyChanged();
}

/** The keyboard shortcut: the visible area of the running visit's page. */
export async function captureFromShortcut(): Promise<void> {
  const visit = await findActiveVisit(await db());
  if (visit) await captureScreenshot(visit.id, 'visible', 'shortcut');
}

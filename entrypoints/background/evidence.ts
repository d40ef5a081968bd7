import { browser } from 'wxt/browser';
import { db, type Db } from '../../utils/db/database';
import {
  deleteEvidence,
  findActiveVisit,
  firstChunk,
  getEvidence,
  getPage,
  getVisit,
  listEvidence,
  listPages,
  putAbandonment,
  putNote,
  putScreenshot,
  putSignal,
  updateVisit,
  upsertPage,
} from '../../utils/db/repository';
import type { FrictionFact, RequestFact, WaitFact } from '../../utils/friction/facts';
import { detectSignals, resolveWaitAfterLoad } from '../../utils/friction/detectors';
import { signalId } from '../../utils/friction/signal-id';
import { computeOutcome, isNewStage, stagesOfPages } from '../../utils/journey/funnel';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Facts } from '../../utils/messaging/protocol';
import type { AbandonReason, Annotation, FunnelStage, ScreenshotKind, ScreenshotTrigger } from '../../utils/schema/evidence';
import { pageTypeOf, type Page } from '../../utils/schema/page';
import type { PageType } from '../../utils/schema/page-type';
import { isActive, type Visit } from '../../utils/schema/visit';
import { loadSettings } from '../../utils/settings';
import { notifyChanged } from './revision';
import { takeScreenshot } from './screenshots';
import { autoAudit } from './audits';
import { sameDocument, tabShows } from './tabs';
import { bareUrl } from '../../utils/recording/privacy';
import { checkFactsSchema } from '../../utils/checklist/check-facts-schema';
import { guardWrite } from './storage-health';

/**
 * The evidence of a visit: screenshots, notes, friction signals, abandonment points and the outcome.
 * Everything is tied to a page of the visit and to the moment of that page's replay.
 */

async function requireVisit(d: Db, visitId: string): Promise<Visit> {
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  return visit;
}

/**
 * The page the evaluator is looking at: the newest page of the visit in the active tab, else the
 * newest page of the visit.
 */
export async function currentPage(d: Db, visit: Visit): Promise<Page> {
  const pages = await listPages(d, visit.id);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []);
  const inTab = active?.id !== undefined ? pages.filter((p) => p.tabId === active.id).at(-1) : undefined;
  const page = inTab ?? pages.at(-1);
  if (!page) throw new ProtocolError('no-page-yet');
  return page;
}

/** Milliseconds into the page's replay: from its first recorded event (else from its start). */
export async function offsetIn(d: Db, page: Page, at: number): Promise<number> {
  return offsetFrom(await replayStart(d, page), at);
}

/** When the page's replay begins: its first recorded event (else its start). */
async function replayStart(d: Db, page: Page): Promise<number> {
  return (await firstChunk(d, page.visitId, page.id))?.firstTs ?? page.startedAt;
}

const offsetFrom = (start: number, at: number) => Math.max(0, Math.round(at - start));

// ——— Screenshots ———

/** Captures can queue behind one another (Chrome allows two a second): one visit at a time is enough. */
export async function captureScreenshot(
  visitId: string,
  kind: ScreenshotKind,
  trigger: ScreenshotTrigger,
  stage?: FunnelStage,
  onPage?: Page,
): Promise<{ screenshotId: string }> {
  const d = await db();
  const visit = await requireVisit(d, visitId);
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
    maskSelectors: settings.maskSelectors,
    blockSelectors: settings.blockSelectors,
  }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new ProtocolError(typeof code === 'string' ? code : 'capture-failed', String(error));
  });
  const id = crypto.randomUUID();
  await guardWrite(async () =>
    putScreenshot(d, {
      id,
      visitId,
      pageId: page.id,
      at,
      offset: await offsetIn(d, page, at),
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

// ——— Notes ———

export async function addNote(visitId: string, text: string): Promise<{ noteId: string }> {
  const d = await db();
  const visit = await requireVisit(d, visitId);
  const page = await currentPage(d, visit);
  const at = Date.now();
  const id = crypto.randomUUID();
  await guardWrite(async () => putNote(d, { id, visitId, pageId: page.id, at, offset: await offsetIn(d, page, at), text }));
  await notifyChanged();
  return { noteId: id };
}

export async function editNote(noteId: string, text: string): Promise<void> {
  const d = await db();
  const note = await getEvidence(d, 'notes', noteId);
  if (!note) throw new ProtocolError('no-such-note');
  await guardWrite(() => putNote(d, { ...note, text, editedAt: Date.now() }));
  await notifyChanged();
}

export async function deleteNote(noteId: string): Promise<void> {
  await deleteEvidence(await db(), 'notes', noteId);
  await notifyChanged();
}

// ——— Friction signals ———

/** Waits whose action unloaded the page, closed by the tab's next first paint. Memory only. */
const leavingWaits = new Map<number, WaitFact>();
/**
 * Failed requests of a document whose page has not joined the visit yet (a page joins with its
 * first full snapshot, which may come after its first requests). Memory only.
 */
const pendingRequests = new Map<number, RequestFact[]>();

async function storeSignals(d: Db, page: Page, facts: FrictionFact[]): Promise<number> {
  const drafts = facts.flatMap(detectSignals);
  if (drafts.length === 0) return 0;
  const start = await replayStart(d, page);
  for (const draft of drafts) {
    await guardWrite(() =>
      putSignal(d, {
        id: signalId(page.id, draft),
        visitId: page.visitId,
        pageId: page.id,
        type: draft.type,
        at: draft.at,
        offset: offsetFrom(start, draft.at),
        ...(draft.selector ? { selector: draft.selector } : {}),
        facts: draft.facts,
      }),
    );
  }
  return drafts.length;
}

/** Facts from a recorder: detectors run here, on the background's side. */
export async function onFacts(message: Facts, tabId: number | undefined): Promise<void> {
  const d = await db();
  const visit = await getVisit(d, message.visitId);
  if (!visit || tabId === undefined || !visit.tabIds.includes(tabId)) throw new ProtocolError('not-in-visit');
  const page = await getPage(d, message.pageId);
  if (!page || page.visitId !== visit.id) throw new ProtocolError('no-such-page');
  const now: FrictionFact[] = [];
  for (const fact of message.facts) {
    if (fact.kind === 'wait' && fact.leaving) leavingWaits.set(tabId, fact);
    else now.push(fact);
  }
  if ((await storeSignals(d, page, now)) > 0) await notifyChanged();
}

/** A request of a tab failed (from the browser's network events). */
export async function onFailedRequest(tabId: number, fact: RequestFact): Promise<void> {
  const d = await db();
  const visit = await findActiveVisit(d);
  if (!visit || visit.status !== 'recording' || !visit.tabIds.includes(tabId)) return;
  const page = (await listPages(d, visit.id)).filter((p) => p.tabId === tabId && p.startedAt <= fact.t).at(-1);
  const tabUrl = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  // A document's own request comes before its page; a page already left, or showing another URL
  // than the tab, is not the one that made the request: wait for the right page to join.
  const owner =
    fact.resource !== 'document' &&
    page &&
    (page.endedAt === undefined || page.endedAt >= fact.t) &&
    (!tabUrl || sameDocument(tabUrl, page.url))
      ? page
      : undefined;
  if (!owner) {
    pendingRequests.set(tabId, [...(pendingRequests.get(tabId) ?? []), fact].slice(-50));
    return;
  }
  if ((await storeSignals(d, owner, [fact])) > 0) await notifyChanged();
}

/** A page was stored or updated: the evidence that waited for it, and the funnel. */
export async function onPageStored(page: Page, visit: Visit): Promise<void> {
  const d = await db();
  let changed = 0;
  const pending = pendingRequests.get(page.tabId) ?? [];
  // Made while this page was the tab's document (a second of slack for the two clocks).
  const mine = pending.filter(
    (f) =>
      f.t >= page.startedAt - 1000 &&
      (page.endedAt === undefined || f.t <= page.endedAt) &&
      (f.resource !== 'document' || f.url === bareUrl(page.url)),
  );
  if (mine.length > 0) {
    pendingRequests.set(page.tabId, pending.filter((f) => !mine.includes(f)));
    changed += await storeSignals(d, page, mine);
  }
  const wait = leavingWaits.get(page.tabId);
  const fcp = page.vitals.FCP?.value;
  if (wait && page.navType !== 'route-change' && fcp !== undefined && page.startedAt >= wait.t) {
    leavingWaits.delete(page.tabId);
    changed += await storeSignals(d, page, [resolveWaitAfterLoad(wait, page.startedAt + fcp)]);
  }
  if (changed > 0) await notifyChanged();
  await captureNewStage(d, page, visit);
  if (visit.status === 'recording') {
    void readChecks(page);
    void autoAudit(page);
  }
}

// ——— The checklist's page checks ———

/** Pages whose checks were asked for (once each). Memory only. */
const checksAsked = new Set<string>();
const PROBE_SCRIPT = '/content-scripts/capture.js';

/**
 * Reads the page facts the checklist's suggestions use, once the page is classified (loaded). The
 * probe script is injected on demand, so every page does not carry the extraction code.
 */
async function readChecks(page: Page): Promise<void> {
  if (checksAsked.has(page.id) || page.checks || page.typedFromUrl || page.autoTypeReasons.length === 0) return;
  checksAsked.add(page.id);
  if (!(await tabShows(page))) return;
  try {
    await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [0] }, files: [PROBE_SCRIPT] });
    const reply: unknown = await browser.tabs.sendMessage<unknown, unknown>(page.tabId, { type: 'page/checks' }, { frameId: 0 });
    const checks = checkFactsSchema.parse((reply as { value?: unknown } | undefined)?.value);
    const d = await db();
    await guardWrite(() => upsertPage(d, page.id, (p) => p && { ...p, checks }));
    await notifyChanged();
  } catch {
    // A page that went away or refused the script gets no suggestions; nothing else depends on them.
  }
}

// ——— Funnel and abandonment ———

/** Each page's type when its stage was last worked out. Memory only. */
const typeSeen = new Map<string, PageType>();
/** Stages whose arrival is being captured now (a page sends several updates). */
const stageCaptures = new Set<string>();

/** The first page of each funnel stage is captured on arrival, once it is classified. */
async function captureNewStage(d: Db, page: Page, visit: Visit): Promise<void> {
  // Not before the document is read and classified: a page typed from its address alone, or not
  // typed yet, may not be painted yet.
  if (visit.status !== 'recording' || page.endedAt !== undefined || page.typedFromUrl || page.autoTypeReasons.length === 0) return;
  // A page is stored many times (vitals, landing…): its stage can change only with its type.
  const type = pageTypeOf(page);
  if (typeSeen.get(page.id) === type) return;
  typeSeen.set(page.id, type);
  const stage = stagesOfPages(await listPages(d, visit.id)).get(page.id);
  if (!stage || !isNewStage(visit.stages ?? [], stage)) return;
  const key = `${visit.id}/${stage}`;
  if (stageCaptures.has(key)) return;
  stageCaptures.add(key);
  try {
    const updated = await updateVisit(d, visit.id, (v) => ({ ...v, stages: [...(v.stages ?? []), stage] }));
    if (updated?.stages?.filter((s) => s === stage).length !== 1) return;
    // A tab in the background cannot be captured: the stage stays reached, without its picture.
    await captureScreenshot(visit.id, 'visible', 'stage', stage, page).catch(() => undefined);
  } finally {
    stageCaptures.delete(key);
  }
}

/** "I would leave here": the reason, the comment, and a picture of what made the shopper leave. */
export async function abandon(visitId: string, reason: AbandonReason, comment: string): Promise<{ abandonmentId: string; screenshotId?: string; captureError?: string }> {
  const d = await db();
  const visit = await requireVisit(d, visitId);
  if (!isActive(visit)) throw new ProtocolError('visit-not-running');
  const page = await currentPage(d, visit);
  const stage = stagesOfPages(await listPages(d, visit.id)).get(page.id) ?? 'landing';
  const at = Date.now();
  let screenshotId: string | undefined;
  let captureError: string | undefined;
  try {
    ({ screenshotId } = await captureScreenshot(visitId, 'visible', 'abandon', undefined, page));
  } catch (error) {
    // The abandonment is kept all the same; the panel says why there is no picture.
    captureError = error instanceof ProtocolError ? error.code : 'capture-failed';
  }
  const id = crypto.randomUUID();
  await guardWrite(async () =>
    putAbandonment(d, {
      id,
      visitId,
      pageId: page.id,
      at,
      offset: await offsetIn(d, page, at),
      stage,
      reason,
      comment,
      ...(screenshotId ? { screenshotId } : {}),
    }),
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

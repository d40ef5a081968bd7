import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { getPage, getVisit, upsertPage } from '../../utils/db/repository';
import { MAX_TEXT_CHARS, MAX_TEXTS, parseCaptureReply, parseTextsFound, type TextsRequest } from '../../utils/messaging/capture-page';
import { foldText } from '../../utils/mission/fold-text';
import { visitSelectors } from '../../utils/mission/privacy';
import type { Mission } from '../../utils/mission/schema';
import type { Page } from '../../utils/schema/page';
import { loadSettings } from '../../utils/settings';
import type { Visit } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { tabShows } from './tabs';
import { CAPTURE_SCRIPT } from './capture-script';

/**
 * A mission's visible-text conditions (issue 14): whether a page shows "Merci pour votre commande".
 * Only for a visit whose mission has such conditions; asked of the capture script, injected on
 * demand, each time the page is stored while it is on screen (its first read, its vitals, its
 * landing facts…), and again a few times after (3, 10 and 30 s) for text a page renders late (a
 * confirmation shown once an order request answers), until it has shown every expected text or is
 * left. The page answers with the indices of the texts it shows; the texts seen are kept on the page
 * (the mission's words, never the page's) and `detectSteps` reads them.
 */

/** One question per page in this time at most: a page is stored many times in its first seconds. */
const MIN_INTERVAL_MS = 3000;
const ANSWER_TIMEOUT_MS = 5000;
/** When a page has not shown every text yet, it is asked again after these delays (one after the other). */
const RECHECK_MS = [3000, 10_000, 30_000];

/** When each page was last asked, and how often it was asked again by itself (caches: what matters is stored with the page). */
const lastAsked = new Map<string, number>();
const rechecks = new Map<string, number>();
/** One timer per page at most: the soonest wins. */
const timers = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();

/** Asks the page again after `delay`, as it is stored then, if its visit still records. */
function askLater(pageId: string, visitId: string, delay: number): void {
  const at = Date.now() + delay;
  const pending = timers.get(pageId);
  if (pending && pending.at <= at) return;
  if (pending) clearTimeout(pending.timer);
  const timer = setTimeout(() => {
    timers.delete(pageId);
    void (async () => {
      const d = await db();
      const [page, visit] = await Promise.all([getPage(d, pageId), getVisit(d, visitId)]);
      if (page && visit?.status === 'recording') await checkMissionTexts(page, visit);
    })().catch(() => undefined);
  }, delay);
  timers.set(pageId, { at, timer });
}

/**
 * The mission's expected texts, folded, each once. A text that folds to nothing (combining marks
 * alone) or past what the page is asked (some scripts grow when decomposed) is left out, so that one
 * odd text does not stop the others being looked for; its step is then marked by the evaluator.
 */
export function expectedTexts(mission: Pick<Mission, 'steps'> | undefined): string[] {
  const texts = (mission?.steps ?? []).flatMap((step) => step.reached.flatMap((c) => (c.kind === 'text' ? [foldText(c.text)] : [])));
  return [...new Set(texts)].filter((text) => text.length > 0 && text.length <= MAX_TEXT_CHARS).slice(0, MAX_TEXTS);
}

export async function checkMissionTexts(page: Page, visit: Visit, now = Date.now()): Promise<void> {
  const expected = expectedTexts(visit.mission);
  const seen = new Set(page.textsSeen ?? []);
  const texts = expected.filter((text) => !seen.has(text));
  if (texts.length === 0 || page.endedAt !== undefined || page.typedFromUrl) return;
  const since = now - (lastAsked.get(page.id) ?? 0);
  // Asked a moment ago: once more when the interval is over, so that the last write's state is read.
  if (since < MIN_INTERVAL_MS) return askLater(page.id, visit.id, MIN_INTERVAL_MS - since);
  lastAsked.set(page.id, now);
  if (!(await tabShows(page))) return;
  const recheck = rechecks.get(page.id) ?? 0;
  if (recheck < RECHECK_MS.length) {
    // Unless this answer finds every text, the page is asked again a little later (it checks for itself).
    rechecks.set(page.id, recheck + 1);
    askLater(page.id, visit.id, RECHECK_MS[recheck]!);
  }
  try {
    await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] });
    const settings = await loadSettings(browser.storage.local);
    const request: TextsRequest = { type: 'page/texts', texts, ...visitSelectors(visit, settings) };
    const reply: unknown = await Promise.race([
      browser.tabs.sendMessage<unknown, unknown>(page.tabId, request, { frameId: 0 }),
      new Promise((resolve) => setTimeout(resolve, ANSWER_TIMEOUT_MS)),
    ]);
    const parsed = parseCaptureReply(reply, (value) => parseTextsFound(value, texts.length));
    if (!parsed?.ok || parsed.value.length === 0) return;
    const found = parsed.value.map((i) => texts[i]!);
    // The page may have changed its address meanwhile (a route change is another page): same document only.
    if (!(await tabShows(page))) return;
    const d = await db();
    await guardWrite(() => upsertPage(d, page.id, (p) => p && { ...p, textsSeen: [...new Set([...(p.textsSeen ?? []), ...found])] }, page.visitId));
    await notifyChanged();
  } catch {
    // A page that went away or refused the script: its texts are looked for at its next write, or the evaluator marks the step.
  }
}

import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { upsertPage } from '../../utils/db/repository';
import { parseCaptureReply, parseTextsFound, type TextsRequest } from '../../utils/messaging/capture-page';
import { foldText } from '../../utils/mission/fold-text';
import { visitSelectors } from '../../utils/mission/privacy';
import type { Mission } from '../../utils/mission/schema';
import type { Page } from '../../utils/schema/page';
import { loadSettings } from '../../utils/settings';
import type { Visit } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { tabShows } from './tabs';

/**
 * A mission's visible-text conditions (issue 14): whether a page shows "Merci pour votre commande".
 * Only for a visit whose mission has such conditions; asked of the capture script, injected on
 * demand, each time the page is stored while it is on screen (its first read, its vitals, its
 * landing facts…), at most every few seconds, until it has shown every expected text. The page
 * answers with the indices of the texts it shows; the texts seen are kept on the page (the
 * mission's words, never the page's) and `detectSteps` reads them.
 */

const SCRIPT = '/content-scripts/capture.js';
/** One question per page in this time at most: a page is stored many times in its first seconds. */
const MIN_INTERVAL_MS = 3000;
const ANSWER_TIMEOUT_MS = 5000;

/** When each page was last asked (a cache: what matters, the texts seen, is stored with the page). */
const lastAsked = new Map<string, number>();

/** The mission's expected texts, folded, each once. */
export function expectedTexts(mission: Pick<Mission, 'steps'> | undefined): string[] {
  const texts = (mission?.steps ?? []).flatMap((step) => step.reached.flatMap((c) => (c.kind === 'text' ? [foldText(c.text)] : [])));
  return [...new Set(texts)];
}

export async function checkMissionTexts(page: Page, visit: Visit, now = Date.now()): Promise<void> {
  const expected = expectedTexts(visit.mission);
  const seen = new Set(page.textsSeen ?? []);
  const texts = expected.filter((text) => !seen.has(text));
  if (texts.length === 0 || page.endedAt !== undefined || page.typedFromUrl) return;
  if (now - (lastAsked.get(page.id) ?? 0) < MIN_INTERVAL_MS) return;
  lastAsked.set(page.id, now);
  if (!(await tabShows(page))) return;
  try {
    await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [0] }, files: [SCRIPT] });
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
    await guardWrite(() => upsertPage(d, page.id, (p) => p && { ...p, textsSeen: [...new Set([...(p.textsSeen ?? []), ...found])] }));
    await notifyChanged();
  } catch {
    // A page that went away or refused the script: its texts are looked for at its next write, or the evaluator marks the step.
  }
}

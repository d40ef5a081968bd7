import { browser } from 'wxt/browser';
import { checkFactsSchema } from '../../utils/checklist/check-facts-schema';
import { CHECKS_REQUEST } from '../../utils/messaging/capture-page';
import { db } from '../../utils/db/database';
import { upsertPage } from '../../utils/db/repository';
import type { Page } from '../../utils/schema/page';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { tabShows } from './tabs';
import { CAPTURE_SCRIPT } from './capture-script';

/**
 * The checklist's page checks: what its automatic suggestions read on a page, once the page is
 * classified (loaded). The probe script is injected on demand, so every page does not carry the
 * extraction code.
 */

/**
 * Pages whose checks were asked for, so that the many updates of one page ask once. A cache: the
 * fact that matters, the checks, is stored with the page, and a worker that restarts asks again only
 * for pages still without them.
 */
const asked = new Set<string>();

/** Whether the page's checks are worth asking for now: read once, when the document has been read. */
export function wantsChecks(page: Page): boolean {
  return !asked.has(page.id) && !page.checks && !page.typedFromUrl && page.autoTypeReasons.length > 0;
}

export async function readChecks(page: Page): Promise<void> {
  if (!wantsChecks(page)) return;
  asked.add(page.id);
  if (!(await tabShows(page))) return;
  try {
    await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] });
    const reply: unknown = await browser.tabs.sendMessage<unknown, unknown>(page.tabId, CHECKS_REQUEST, { frameId: 0 });
    const checks = checkFactsSchema.parse((reply as { value?: unknown } | undefined)?.value);
    const d = await db();
    await guardWrite(() => upsertPage(d, page.id, (p) => p && { ...p, checks }, page.visitId));
    await notifyChanged();
  } catch {
    // A page that went away or refused the script gets no suggestions; nothing else depends on them.
  }
}

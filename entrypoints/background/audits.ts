import { browser } from 'wxt/browser';
import { auditAnswerSchema, type AuditRecord } from '../../utils/audit/schema';
import { analyseSpeed } from '../../utils/audit/speed';
import { db } from '../../utils/db/database';
import { getPage, getVisit, listEvidence, putAudit } from '../../utils/db/repository';
import { ProtocolError } from '../../utils/messaging/receive';
import type { Page } from '../../utils/schema/page';
import { isActive } from '../../utils/schema/visit';
import { notifyChanged } from './revision';
import { guardWrite } from './storage-health';
import { tabShows } from './tabs';
import { loadSettings } from '../../utils/settings';
import { withTimeout } from '../../utils/timeout';

/**
 * Accessibility (axe-core) and speed audits of the visit's pages. The audit script is injected into
 * the page only when an audit runs; it waits for the page to be idle. The background bounds each
 * audit in time: one that overruns is recorded as timed out, and the page is left alone.
 */

const AUDIT_SCRIPT = '/audit.js';
/** Long enough for axe-core on a large page on a slow machine. */
export const AUDIT_TIME_LIMIT_MS = 30_000;
/** After the load event: let the page settle (late banners, lazy content) before auditing it. */
const SETTLE_MS = 1500;

/** Pages audited (or being audited) automatically, so each is audited once. Memory only. */
const autoAudited = new Set<string>();
/** One audit at a time per tab: axe-core is heavy, and two would measure each other. */
const tabQueues = new Map<number, Promise<unknown>>();

function queued<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const previous = tabQueues.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  tabQueues.set(tabId, next);
  return next;
}

export async function runAudit(pageId: string, trigger: AuditRecord['trigger'], timeLimitMs = AUDIT_TIME_LIMIT_MS): Promise<{ auditId: string; status: AuditRecord['status'] }> {
  const d = await db();
  const page = await getPage(d, pageId);
  if (!page) throw new ProtocolError('no-such-page');
  const visit = await getVisit(d, page.visitId);
  if (!visit || !isActive(visit)) throw new ProtocolError('visit-not-running');
  if (!(await tabShows(page))) throw new ProtocolError('page-not-shown');
  return queued(page.tabId, async () => {
    const started = Date.now();
    let record: AuditRecord;
    const base = { id: crypto.randomUUID(), visitId: page.visitId, pageId: page.id, trigger };
    try {
      await browser.scripting.executeScript({ target: { tabId: page.tabId, frameIds: [0] }, files: [AUDIT_SCRIPT] });
      const reply: unknown = await withTimeout(
        browser.tabs.sendMessage<unknown, unknown>(page.tabId, { type: 'page/audit', timeLimitMs, checks: { accessibility: true, speed: true } }, { frameId: 0 }),
        timeLimitMs,
        () => 'timed-out' as const,
      );
      if (reply === 'timed-out') {
        record = { ...base, at: Date.now(), status: 'timed-out', durationMs: Date.now() - started };
      } else {
        const answer = reply as { ok?: boolean; value?: unknown; detail?: string };
        if (!answer?.ok) throw new Error(answer?.detail ?? 'no answer from the page');
        // A single-page shop may have moved to another route meanwhile: what was read is not this page's.
        if (!(await tabShows(page))) throw new Error('the page changed during the audit');
        const value = auditAnswerSchema.parse(answer.value);
        // The vitals and timing measured by the recorder, with the resources the audit read.
        const fresh = (await getPage(d, page.id)) ?? page;
        const speed = value.speed
          ? analyseSpeed({ ...value.speed, vitals: fresh.vitals, ...(fresh.timing ? { timing: fresh.timing } : {}) })
          : undefined;
        record = {
          ...base,
          at: Date.now(),
          status: 'done',
          durationMs: value.durationMs,
          ...(value.longestTaskMs === undefined ? {} : { longestTaskMs: value.longestTaskMs }),
          ...(value.accessibility ? { accessibility: value.accessibility } : {}),
          ...(speed ? { speed } : {}),
        };
      }
    } catch (error) {
      record = { ...base, at: Date.now(), status: 'failed', error: String(error).slice(0, 300), durationMs: Date.now() - started };
    }
    await guardWrite(() => putAudit(d, record));
    await notifyChanged();
    return { auditId: record.id, status: record.status };
  });
}

/** A page of the visit has loaded and been read: audit it once, when it has settled. */
export async function autoAudit(page: Page): Promise<void> {
  // Once the page is classified, i.e. loaded (a route, shortly after it changed).
  // Not a page typed from its address alone: its document is not read yet.
  if (autoAudited.has(page.id) || page.typedFromUrl || page.autoTypeReasons.length === 0) return;
  // Marked before any wait: two writes of the page close together must not both audit it.
  autoAudited.add(page.id);
  if (!(await loadSettings(browser.storage.local)).autoAudit) {
    autoAudited.delete(page.id);
    return;
  }
  const d = await db();
  const done = (await listEvidence(d, 'audits', page.visitId)).some((a) => a.pageId === page.id);
  if (done) return;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  await runAudit(page.id, 'auto').catch(() => undefined);
}

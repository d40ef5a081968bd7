import { browser } from 'wxt/browser';
import { db } from '../../utils/db/database';
import { deleteVisit, findActiveVisit, getVisit, listPages, putVisit, updateVisit, upsertPage } from '../../utils/db/repository';
import { endPage } from '../../utils/recording/page-merge';
import * as lifecycle from '../../utils/journey/visit-lifecycle';
import { ProtocolError } from '../../utils/messaging/receive';
import type { RecorderControl } from '../../utils/messaging/protocol';
import type { RecorderCollect } from '../../utils/messaging/bridge';
import { withTimeout } from '../../utils/timeout';
import { mergeSpans } from '../../utils/journey/customer-time';
import { isActive, type Visit } from '../../utils/schema/visit';
import { injectRecorder, registerRecorder } from './recorder-scripts';
import { notifyChanged } from './revision';
import { markSessionAlive } from './session-marker';
import { loadSettings } from '../../utils/settings';
import { settleOutcome } from './funnel';
import { guardWrite } from './storage-health';
import { missionPatterns, onMissionSites } from '../../utils/mission/sites';
import { checklistForVisit, missionToFollow } from './missions';

/** The evaluator's commands on a visit, each persisted before the recorders hear of it. */

async function permitted(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

async function tell(visit: Visit): Promise<void> {
  const state = visit.status === 'recording' ? 'recording' : visit.status === 'paused' ? 'paused' : 'ended';
  const message: RecorderControl = { type: 'recorder/control', visitId: visit.id, state };
  await Promise.all(visit.tabIds.map((tabId) => browser.tabs.sendMessage(tabId, message).catch(() => undefined)));
}

/**
 * Starts a visit of a mission (the Quick visit by default) in `tabId`, whose site must be one of
 * the mission's; the visit records the mission's sites (each one permitted by the evaluator), keeps
 * a copy of the mission, and answers its checklist.
 */
export async function startVisit(tabId: number, missionId?: string): Promise<{ visitId: string }> {
  const d = await db();
  if (await findActiveVisit(d)) throw new ProtocolError('visit-running');
  const { mission, hash } = await missionToFollow(d, missionId);
  const tab = await browser.tabs.get(tabId);
  const pattern = tab.url ? lifecycle.originPattern(tab.url) : undefined;
  if (!tab.url || !pattern) throw new ProtocolError('not-a-website');
  if (!onMissionSites(mission.sites, tab.url)) throw new ProtocolError('not-a-mission-site');
  const patterns = missionPatterns(mission.sites, tab.url);
  for (const p of patterns) if (!(await permitted(p))) throw new ProtocolError('permission-denied');
  const visit = lifecycle.newVisit({
    id: crypto.randomUUID(),
    origin: new URL(tab.url).origin,
    tabId,
    pattern,
    now: Date.now(),
    userAgent: navigator.userAgent,
  });
  const checklistId = await checklistForVisit(d, mission, (await loadSettings(browser.storage.local)).checklistId);
  await putVisit(d, { ...visit, origins: patterns, checklistId, mission, missionHash: hash });
  await markSessionAlive(visit.id);
  await registerRecorder(patterns);
  await injectRecorder(tabId).catch(() => undefined); // a page that refuses scripts is recorded from its next load
  await notifyChanged();
  return { visitId: visit.id };
}

async function change(visitId: string, fn: (v: Visit, now: number) => Visit): Promise<Visit> {
  const visit = await updateVisit(await db(), visitId, (v) => fn(v, Date.now()));
  if (!visit) throw new ProtocolError('no-such-visit');
  await notifyChanged();
  await tell(visit);
  return visit;
}

export const pauseVisit = (visitId: string) => change(visitId, lifecycle.pause);

/** Saves the verdict written in the report. A final verdict needs text: the report is not final without it. */
export async function setVerdict(visitId: string, text: string, alias: string, final: boolean): Promise<Visit> {
  if (final && text.trim().length === 0) throw new ProtocolError('verdict-empty');
  const visit = await updateVisit(await db(), visitId, (v) => ({ ...v, verdict: { text, alias, final, at: Date.now() } }));
  if (!visit) throw new ProtocolError('no-such-visit');
  await notifyChanged();
  return visit;
}

export async function resumeVisit(visitId: string, tabId?: number): Promise<Visit> {
  const d = await db();
  const before = await getVisit(d, visitId);
  if (!before) throw new ProtocolError('no-such-visit');
  const other = await findActiveVisit(d);
  if (other && other.id !== visitId) throw new ProtocolError('visit-running');
  const visit = await change(visitId, (v, now) => lifecycle.resume(v, now, tabId));
  if (before.status === 'interrupted') {
    await markSessionAlive(visit.id);
    await registerRecorder(visit.origins);
    if (tabId !== undefined) await injectRecorder(tabId).catch(() => undefined);
  }
  return visit;
}

/** How long Stop waits for the pages' recorders to hand over what they hold. */
export const COLLECT_WAIT_MS = 3000;

/**
 * Before a visit ends: each of its tabs' recorders hands over what it still holds (the page on
 * screen has a batch in progress, facts, its latest state) and says how many messages still wait
 * after `COLLECT_WAIT_MS`. A tab with no recorder (closed, another site) answers at once and counts
 * for nothing; one that does not answer in time, or still holds messages, is written on the visit.
 */
async function collectRecorders(visit: Visit): Promise<void> {
  if (!isActive(visit)) return;
  const message: RecorderCollect = { type: 'recorder/collect', visitId: visit.id, waitMs: COLLECT_WAIT_MS };
  const answers = await Promise.all(
    visit.tabIds.map(async (tabId) => {
      const reply = await withTimeout(
        browser.tabs.sendMessage(tabId, message, { frameId: 0 }).then(
          (r: unknown) => r,
          () => ({ pending: 0 }),
        ),
        COLLECT_WAIT_MS + 1000,
        () => ({ pending: -1 }),
      );
      const pending = (reply as { pending?: unknown } | undefined)?.pending;
      return typeof pending === 'number' ? pending : 0;
    }),
  );
  const short = answers.filter((pending) => pending !== 0);
  if (short.length === 0) return;
  const messages = short.reduce((n, pending) => n + Math.max(0, pending), 0);
  await updateVisit(await db(), visit.id, (v) => ({ ...v, uncollected: { at: Date.now(), tabs: short.length, messages } }));
}

export async function stopVisit(visitId: string): Promise<Visit> {
  const running = await getVisit(await db(), visitId);
  if (running) await collectRecorders(running);
  const visit = await change(visitId, lifecycle.stop);
  await registerRecorder([]);
  const d = await db();
  for (const page of await listPages(d, visitId)) {
    if (page.endedAt === undefined) await upsertPage(d, page.id, (p) => p && endPage(p, visit.endedAt ?? Date.now()), page.visitId);
  }
  await settleOutcome(visitId);
  await notifyChanged();
  return visit;
}

export async function removeVisit(visitId: string): Promise<void> {
  const d = await db();
  const visit = await getVisit(d, visitId);
  if (visit && isActive(visit)) await stopVisit(visitId);
  await deleteVisit(d, visitId);
  await notifyChanged();
}

/** The visit's tab reached an origin the evaluator has just permitted: record it too. */
export async function addOrigin(visitId: string, tabId: number): Promise<Visit> {
  const tab = await browser.tabs.get(tabId);
  const pattern = tab.url ? lifecycle.originPattern(tab.url) : undefined;
  if (!tab.url || !pattern) throw new ProtocolError('not-a-website');
  const before = await getVisit(await db(), visitId);
  if (!before) throw new ProtocolError('no-such-visit');
  // A mission that names its sites records those only.
  if (!onMissionSites(before.mission?.sites ?? [], tab.url)) throw new ProtocolError('not-a-mission-site');
  if (!(await permitted(pattern))) throw new ProtocolError('permission-denied');
  const visit = await updateVisit(await db(), visitId, (v) => lifecycle.addOrigin(lifecycle.addTab(v, tabId), pattern));
  if (!visit) throw new ProtocolError('no-such-visit');
  await registerRecorder(visit.origins);
  await injectRecorder(tabId).catch(() => undefined);
  await notifyChanged();
  return visit;
}

/**
 * A tab opened from one of the visit's tabs belongs to the visit (asked when the tab is created, and
 * again at its recorder's hello, which may come first). Returns the running visit, if any.
 */
export async function adoptTab(tabId: number, openerTabId: number | undefined): Promise<Visit | undefined> {
  const d = await db();
  const active = await findActiveVisit(d);
  if (!active || active.tabIds.includes(tabId) || openerTabId === undefined || !active.tabIds.includes(openerTabId)) {
    return active;
  }
  const visit = await updateVisit(d, active.id, (v) => lifecycle.addTab(v, tabId));
  await notifyChanged();
  return visit;
}

/**
 * The evaluator worked in the panel from `from` to `to`: merged into the visit's panel work, kept to
 * the visit's running time (a span sent late, after Stop, still counts up to its end).
 */
export async function notePanelWork(visitId: string, from: number, to: number): Promise<void> {
  const d = await db();
  const visit = await getVisit(d, visitId);
  if (!visit) throw new ProtocolError('no-such-visit');
  const start = Math.max(from, visit.startedAt);
  const end = Math.min(to, visit.endedAt ?? Date.now());
  if (end <= start) return;
  await guardWrite(() => updateVisit(d, visitId, (v) => ({ ...v, panelWork: mergeSpans([...(v.panelWork ?? []), { from: start, to: end }]) })));
}

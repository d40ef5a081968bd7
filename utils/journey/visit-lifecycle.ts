import type { Visit } from '../schema/visit';

/**
 * The visit's state machine, as pure functions:
 * recording ⇄ paused → ended; recording/paused → interrupted (the browser closed) → recording or ended.
 */

export function newVisit(o: { id: string; origin: string; tabId: number; pattern: string; now: number; userAgent?: string }): Visit {
  return {
    id: o.id,
    origin: o.origin,
    site: new URL(o.origin).host,
    startedAt: o.now,
    status: 'recording',
    tabIds: [o.tabId],
    origins: [o.pattern],
    pauses: [],
    ...(o.userAgent ? { userAgent: o.userAgent } : {}),
  };
}

export function pause(v: Visit, now: number): Visit {
  if (v.status !== 'recording') return v;
  return { ...v, status: 'paused', pauses: [...v.pauses, { from: now }] };
}

/**
 * Resumes a paused or interrupted visit. An interrupted one goes on in `tabId` alone: the tabs it
 * had belonged to the browser that closed, and their ids may now be reused by unrelated tabs.
 */
export function resume(v: Visit, now: number, tabId?: number): Visit {
  if (v.status !== 'paused' && v.status !== 'interrupted') return v;
  const pauses = v.pauses.map((p) => (p.to === undefined ? { ...p, to: now } : p));
  const tabIds =
    v.status === 'interrupted' && tabId !== undefined
      ? [tabId]
      : tabId === undefined || v.tabIds.includes(tabId)
        ? v.tabIds
        : [...v.tabIds, tabId];
  return { ...v, status: 'recording', pauses, tabIds };
}

export function stop(v: Visit, now: number): Visit {
  if (v.status === 'ended') return v;
  const pauses = v.pauses.map((p) => (p.to === undefined ? { ...p, to: now } : p));
  return { ...v, status: 'ended', endedAt: now, pauses };
}

/**
 * The browser closed while the visit ran. The time it was closed counts as a pause, from the last
 * thing recorded (`lastSeen`) until it is resumed.
 */
export function interrupt(v: Visit, lastSeen: number): Visit {
  if (v.status !== 'recording' && v.status !== 'paused') return v;
  const open = v.pauses.some((p) => p.to === undefined);
  return { ...v, status: 'interrupted', pauses: open ? v.pauses : [...v.pauses, { from: lastSeen }] };
}

export function addTab(v: Visit, tabId: number): Visit {
  return v.tabIds.includes(tabId) ? v : { ...v, tabIds: [...v.tabIds, tabId] };
}

export function addOrigin(v: Visit, pattern: string): Visit {
  return v.origins.includes(pattern) ? v : { ...v, origins: [...v.origins, pattern] };
}

/** The match pattern that covers an origin on every port: `http://127.0.0.1:8080` → `http://127.0.0.1/*`. */
export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

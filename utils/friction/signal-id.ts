import type { SignalDraft } from './detectors';

/**
 * The same fact gives the same signal id: a recorder resends what the background has not yet
 * confirmed (on unload, after a worker restart), and a resend must not count twice.
 */
export function signalId(pageId: string, draft: SignalDraft): string {
  return `${pageId}:${shortHash(`${draft.type}|${draft.at}|${draft.selector ?? ''}|${JSON.stringify(draft.facts)}`)}`;
}

/** 16 hex digits for a text: FNV-1a, 32 bits, with two seeds; plenty to tell one page's facts apart. */
export function shortHash(key: string): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

import { originPattern } from '../journey/visit-lifecycle';

/**
 * The sites a mission covers, written as origins (`https://shop.example`): a scheme, a host and
 * perhaps a port, nothing else. An empty list means the site the visit starts on.
 */

/** Why a text is not an origin; each has its own message in utils/mission/error-text.ts. */
export type OriginProblem = 'scheme' | 'unreadable' | 'credentials' | 'path';

/** What is wrong with `text` as an origin, if anything. Upper case and a final `/` are tolerated. */
export function originProblem(text: string): OriginProblem | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'scheme';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'unreadable';
  }
  if (url.username || url.password) return 'credentials';
  const rest = afterOrigin(text);
  return rest === '' || rest === '/' ? undefined : 'path';
}

/** The origin `text` names (lower case, default port dropped); call it on a text without a problem. */
export function toOrigin(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

/** The part of `text` after its origin, to show what is too much (`/fr/` in `https://shop.example/fr/`). */
export function afterOrigin(text: string): string {
  return text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
}

/**
 * The origins a visit of this mission covers: the mission's sites, or, when it names none, the
 * origin of the page the visit starts on.
 */
export function missionOrigins(sites: readonly string[], startUrl: string): string[] {
  if (sites.length > 0) return [...sites];
  try {
    const origin = new URL(startUrl).origin;
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
}

/**
 * Whether a visit of a mission with these sites may record `url`: a page of one of them, its port
 * included; any page when the mission names none (the origins the evaluator allowed decide then).
 */
export function onMissionSites(sites: readonly string[], url: string): boolean {
  if (sites.length === 0) return true;
  try {
    return sites.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * The match patterns a visit of a mission with these sites records, the start page's first: one
 * per host (a pattern covers every port; the hello and the journey keep to the sites' own).
 */
export function missionPatterns(sites: readonly string[], startUrl: string): string[] {
  const start = originPattern(startUrl);
  return [...new Set([...(start ? [start] : []), ...missionOrigins(sites, startUrl).flatMap((origin) => originPattern(origin) ?? [])])];
}

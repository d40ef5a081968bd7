import type { MissionSummary } from './bundle-summary';

/**
 * The viewer's list by mission: imported visits grouped under the mission they followed (visits
 * without one in a group of their own), and the filter that shows one group or all of them. Pure,
 * so the page only renders what this returns.
 */

/** The filter's choice showing every group. */
export const ALL_MISSIONS = '';
/** The key of the group of visits that followed no mission: a mission id never starts with ":". */
export const NO_MISSION = ':none';

export interface MissionGroup<T> {
  /** The mission's id, or `NO_MISSION`. */
  key: string;
  /** Agency and title as the group's first (most recent) visit's copy says; absent for `NO_MISSION`. */
  mission?: Pick<MissionSummary, 'id' | 'agency' | 'title'>;
  /** How many versions of the mission (distinct hashes) its visits followed; 0 for `NO_MISSION`. */
  versions: number;
  /** In the order given. */
  visits: T[];
}

interface WithMission {
  summary: { mission?: MissionSummary | undefined };
}

/**
 * Groups visits by the id of the mission they followed, in the order given (newest first, so the
 * mission visited last comes first), the visits without a mission last. Two versions of a mission
 * (an agency's corrected brief) stay one group, which counts them.
 */
export function groupByMission<T extends WithMission>(visits: readonly T[]): MissionGroup<T>[] {
  const groups = new Map<string, { group: MissionGroup<T>; hashes: Set<string> }>();
  const without: T[] = [];
  for (const visit of visits) {
    const mission = visit.summary.mission;
    if (!mission) {
      without.push(visit);
      continue;
    }
    const entry = groups.get(mission.id) ?? {
      group: { key: mission.id, mission: { id: mission.id, agency: mission.agency, title: mission.title }, versions: 0, visits: [] },
      hashes: new Set<string>(),
    };
    groups.set(mission.id, entry);
    entry.group.visits.push(visit);
    entry.hashes.add(mission.sha256);
    entry.group.versions = entry.hashes.size;
  }
  const all = [...groups.values()].map(({ group }) => group);
  return without.length > 0 ? [...all, { key: NO_MISSION, versions: 0, visits: without }] : all;
}

/** The filter's choice as it applies to these groups: a key no group has (its visits removed) shows all. */
export function effectiveChoice(groups: readonly MissionGroup<unknown>[], wanted: string): string {
  return groups.some((group) => group.key === wanted) ? wanted : ALL_MISSIONS;
}

/** The groups the filter shows: the chosen one, or every one. */
export function shownGroups<T>(groups: readonly MissionGroup<T>[], wanted: string): MissionGroup<T>[] {
  const choice = effectiveChoice(groups, wanted);
  return choice === ALL_MISSIONS ? [...groups] : groups.filter((group) => group.key === choice);
}

/** The choice kept in the page's address (`#mission=<id>`), so a reload or a link shows the same list. */
export function choiceFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('mission') ?? ALL_MISSIONS;
}

/** The address's hash for a choice: empty for all missions. */
export function hashOfChoice(choice: string): string {
  return choice === ALL_MISSIONS ? '' : `#${new URLSearchParams({ mission: choice }).toString()}`;
}

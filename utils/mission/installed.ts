import { z } from 'zod';
import { sha256Hex } from '../report/bundle/hash';
import { DEFAULT_MISSIONS, QUICK_VISIT_MISSION } from './defaults';
import { missionSchema, type Mission } from './schema';

/** A mission the evaluator imported, as stored (keyed by the mission's id). */
export const installedMissionSchema = z.object({
  mission: missionSchema,
  installedAt: z.number(),
  /** `missionHash(mission)`: names this exact version of the mission in the visits that follow it. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type InstalledMission = z.infer<typeof installedMissionSchema>;

/** A mission on offer in the panel: the built-in ones first, then the imported ones. */
export interface ListedMission {
  mission: Mission;
  builtIn: boolean;
}

/** Every mission on offer: the built-in ones first, then the imported ones in the order installed. */
export function allMissions(installed: readonly InstalledMission[]): ListedMission[] {
  return [...DEFAULT_MISSIONS.map((mission) => ({ mission, builtIn: true })), ...installed.map((i) => ({ mission: i.mission, builtIn: false }))];
}

/** A built-in mission's id cannot be taken by an import. */
export function isBuiltInMissionId(id: string): boolean {
  return DEFAULT_MISSIONS.some((mission) => mission.id === id);
}

/**
 * Whether a visit of this mission answers the checklist the evaluator chooses: the Quick visit's
 * (ad-hoc work, as before missions; its file names `mystere-quick` only as a suggestion), and a
 * visit made before missions. Any other mission sets its own checklist for the whole visit.
 */
export function leavesChecklistToEvaluator(mission: Pick<Mission, 'id'> | undefined): boolean {
  return mission === undefined || mission.id === QUICK_VISIT_MISSION.id;
}

/**
 * JSON with every object's keys in code-point order and no spaces: the same value always gives
 * the same text, whatever order its file wrote the fields in. `undefined` fields are left out, as
 * `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 (64 lowercase hex digits) of a mission's canonical JSON, as Mystère read it: defaults
 * filled in, fields it does not know left out, sites in their canonical form. So the copy a visit
 * keeps can be checked against its hash, and two files that say the same thing have the same hash.
 */
export function missionHash(mission: Mission): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalJson(mission)));
}

import { canonicalJson, missionHash } from '../../mission/installed';
import type { Mission } from '../../mission/schema';
import type { Visit } from '../../schema/visit';
import { BUNDLE_DETAILS, type BundleError } from './errors';
import { sha256Hex } from './hash';
import { MISSION_PATH, type BundleManifest } from './manifest';

/**
 * `mission.json`, the mission a visit followed, so that an agency can take the brief out of the
 * bundle: the visit's own copy as canonical JSON, whose SHA-256 is therefore the visit's
 * `missionHash`. Every check that the copy, its hash, the file and the manifest agree is here.
 */

const mismatch = (path: string, detail: string): BundleError => ({ code: 'mission-mismatch', path, detail });

/** The bytes of `mission.json` for the visit's copy of its mission. */
export function missionFileBytes(mission: Mission): Uint8Array {
  return new TextEncoder().encode(canonicalJson(mission));
}

/**
 * Whether the visit's copy of its mission and its `missionHash` go together: both absent (a visit
 * made before missions), or the hash being `missionHash` of the copy. `packBundle` runs it too.
 */
export async function checkVisitMission(visit: Pick<Visit, 'mission' | 'missionHash'>): Promise<BundleError | undefined> {
  const { mission, missionHash: hash } = visit;
  if (mission === undefined && hash === undefined) return undefined;
  if (mission === undefined || hash === undefined || (await missionHash(mission)) !== hash) {
    return mismatch('visit.missionHash', BUNDLE_DETAILS.visitMissionHash);
  }
  return undefined;
}

/** mission.json's text as JSON, or undefined when it is not UTF-8 JSON. */
function parseMissionFile(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The visit's mission against the bundle, in this order, the first problem only: the copy and its
 * hash (every version); then, from version 2, mission.json is there exactly when the visit
 * followed a mission; the manifest's `mission` names the visit's (id, then SHA-256); mission.json's
 * SHA-256 is the visit's `missionHash` (so the file is the canonical JSON of the visit's copy), else
 * it says whether the file holds the same mission written differently or another one. `file` is
 * mission.json's bytes, already checked against the manifest's part.
 */
export async function checkMission(
  visit: Pick<Visit, 'mission' | 'missionHash'>,
  manifest: Pick<BundleManifest, 'version' | 'mission'>,
  file: Uint8Array | undefined,
): Promise<BundleError | undefined> {
  const own = await checkVisitMission(visit);
  if (own) return own;
  // Version 1 carried no mission.json and no manifest `mission` (its schema refuses them).
  if (manifest.version === 1) return undefined;

  const { mission, missionHash: hash } = visit;
  if (mission === undefined || hash === undefined) {
    if (file) return mismatch(MISSION_PATH, BUNDLE_DETAILS.noVisitMission);
    return manifest.mission ? mismatch('mission', BUNDLE_DETAILS.manifestMission) : undefined;
  }
  if (!file) return mismatch(MISSION_PATH, BUNDLE_DETAILS.noMissionFile);
  if (!manifest.mission) return mismatch('mission', BUNDLE_DETAILS.manifestMission);
  if (manifest.mission.id !== mission.id) return mismatch('mission.id', BUNDLE_DETAILS.manifestMission);
  if (manifest.mission.sha256 !== hash) return mismatch('mission.sha256', BUNDLE_DETAILS.manifestMission);

  // The visit's hash is its copy's canonical JSON's (checked above): a file with that hash is that JSON.
  if ((await sha256Hex(file)) === hash) return undefined;
  // Otherwise say which: the same mission written differently, or another one. A forged file nested
  // past the stack's depth is another one (reading it must not throw).
  let same = false;
  try {
    const json = parseMissionFile(file);
    same = json !== undefined && canonicalJson(json) === canonicalJson(mission);
  } catch {
    same = false;
  }
  return mismatch(MISSION_PATH, same ? BUNDLE_DETAILS.missionFileHash : BUNDLE_DETAILS.missionContent);
}

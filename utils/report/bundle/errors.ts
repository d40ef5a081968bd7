/**
 * Why a bundle was refused. The importer stops at the first problem, so one code says it all; the
 * words for the user are in utils/i18n/bundle-messages.ts.
 */
export const BUNDLE_ERROR_CODES = [
  /** The file is larger than the importer accepts. */
  'too-large',
  /** Not a zip at all. */
  'not-a-zip',
  /** A zip cut short (an interrupted download or copy). */
  'truncated',
  /** A zip whose entries cannot be read (bad compressed data, headers that disagree). */
  'corrupt-zip',
  'too-many-entries',
  /** An entry name that could escape a folder or uses characters bundles never use. */
  'unsafe-path',
  /** Two entries with the same name. */
  'duplicate-part',
  /** More bytes come out than the limits allow, whatever the zip's headers say. */
  'decompressed-too-large',
  'missing-manifest',
  'bad-manifest',
  'unknown-format',
  'unsupported-version',
  'missing-part',
  'unexpected-part',
  'size-mismatch',
  'hash-mismatch',
  'bad-visit-data',
  /**
   * The mission the visit followed does not hold together: `mission.json` missing or unexpected, or
   * it, the visit's copy, the visit's `missionHash` and the manifest's `mission` disagree.
   */
  'mission-mismatch',
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

/**
 * One problem. `path` is the entry concerned (e.g. `visit.json`) or, for `bad-manifest` and
 * `bad-visit-data`, the field inside the JSON (e.g. `pages.0.url`); for `mission-mismatch`,
 * `mission.json` or the field that disagrees (`visit.missionHash`, the manifest's `mission.sha256`). `detail` is a limit, a version,
 * one of `BUNDLE_DETAILS` or a developer's note, never shown as is to the user.
 */
export interface BundleError {
  code: BundleErrorCode;
  path?: string;
  detail?: string;
}

/** Details the messages tell apart. */
export const BUNDLE_DETAILS = {
  /** The file is not JSON at all. */
  notJson: 'not-json',
  /** `manifest.json` and `visit.json` name different visits. */
  visitIdMismatch: 'visit-id-mismatch',
  /** Listed in manifest.json, absent from the zip. */
  notInZip: 'not-in-zip',
  /** Needed by visit.json, not listed in manifest.json. */
  notInManifest: 'not-in-manifest',
  /** A recording or screenshot file that visit.json does not describe. */
  notInVisitData: 'not-in-visit-data',
  /** A record of visit.json that belongs to another visit. */
  otherVisit: 'other-visit',
  /** An id that cannot be part of a bundle path. */
  badId: 'bad-id',
  /** The same recording batch or screenshot twice in visit.json. */
  duplicate: 'duplicate',
  /** `mission-mismatch`: the visit followed a mission, the bundle has no mission.json. */
  noMissionFile: 'no-mission-file',
  /** `mission-mismatch`: mission.json is there, the visit followed no mission. */
  noVisitMission: 'no-visit-mission',
  /** `mission-mismatch`: visit.missionHash is not the SHA-256 of the visit's copy of its mission (or is missing). */
  visitMissionHash: 'visit-mission-hash',
  /** `mission-mismatch`: the manifest's `mission` (id or sha256) is not the visit's. */
  manifestMission: 'manifest-mission',
  /** `mission-mismatch`: mission.json is not the visit's copy of its mission. */
  missionContent: 'mission-content',
  /** `mission-mismatch`: mission.json's SHA-256 is not the visit's missionHash. */
  missionFileHash: 'mission-file-hash',
} as const;

import { z } from 'zod';
import { BUNDLE_LIMITS } from './limits';

/**
 * `manifest.json`, the bundle's table of contents: what made it, which visit it carries, and every
 * other file with its size and SHA-256, so that an importer can tell a damaged or edited bundle.
 * Documented in docs/bundle-format.md, with a JSON Schema generated from this file.
 */

export const BUNDLE_FORMAT = 'mystere-bundle';
/**
 * The version this Mystère writes. Version 2 added `mission.json` and the manifest's `mission`;
 * version 3 the shop's assets (`assets/<sha256>` parts, visit.json's `assets` and `assetCopies`).
 */
export const BUNDLE_VERSION = 3;
/** The versions this Mystère reads: version 1 (before missions) and 2 (before assets) still open. */
export const READABLE_VERSIONS = [1, 2, 3] as const;
export const MANIFEST_PATH = 'manifest.json';
export const VISIT_PATH = 'visit.json';
export const MISSION_PATH = 'mission.json';
export const REPORT_PATH = 'report.html';
export const MAX_PATH_LENGTH = 300;

export const PART_KINDS = ['visit', 'mission', 'recording', 'screenshot', 'thumbnail', 'report', 'asset'] as const;
export type PartKind = (typeof PART_KINDS)[number];

// Ids are UUIDs in practice; these characters are all any id uses. Not starting with a dot, and no
// ".thumb" ending, so that `screenshots/<id>.thumb.jpg` is never also another screenshot's image.
const ID = '[A-Za-z0-9_:-][A-Za-z0-9_.:-]{0,99}';
const SEQ = '(?:0|[1-9][0-9]{0,9})';
const ID_PATTERN = new RegExp(`^${ID}$`);
const PART_PATTERNS: readonly [PartKind, RegExp][] = [
  ['visit', /^visit\.json$/],
  ['mission', /^mission\.json$/],
  ['report', /^report\.html$/],
  ['recording', new RegExp(`^recording/${ID}/${SEQ}\\.json\\.gz$`)],
  ['thumbnail', new RegExp(`^screenshots/${ID}\\.thumb\\.jpg$`)],
  ['screenshot', new RegExp(`^screenshots/${ID}\\.jpg$`)],
  ['asset', /^assets\/[0-9a-f]{64}$/],
];

/** Every path a part may have, as one pattern (for the JSON Schema). */
const PART_PATH = new RegExp(`^(?!.*\\.\\.)(?:${PART_PATTERNS.map(([, re]) => re.source.slice(1, -1)).join('|')})$`);

/** True for an id that can be part of a path: the characters ids use, no "..", no ".thumb" ending. */
export function isBundleId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..') && !id.endsWith('.thumb');
}

/**
 * True for a zip entry name that cannot escape the bundle's folder: relative, forward slashes,
 * no "..", only the characters bundle paths use, at most 300 characters. A trailing "/" (a folder
 * entry some zip tools add) is allowed.
 */
export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_PATH_LENGTH &&
    /^[A-Za-z0-9_.:/-]+$/.test(name) &&
    !name.startsWith('/') &&
    !name.includes('..') &&
    !name.includes('//')
  );
}

/** What a part is, from its path; undefined for a path no bundle has. */
export function partKindOf(path: string): PartKind | undefined {
  if (!isSafeEntryName(path)) return undefined;
  // Thumbnails are tried before images: "<id>.thumb.jpg" is a thumbnail, never an image.
  return PART_PATTERNS.find(([, re]) => re.test(path))?.[0];
}

/** Where a recording batch is kept in a bundle. */
export const recordingPath = (pageId: string, seq: number) => `recording/${pageId}/${seq}.json.gz`;
/** Where a screenshot's image is kept. */
export const screenshotPath = (id: string) => `screenshots/${id}.jpg`;
/** Where a copy of a shop's asset is kept: named by the SHA-256 of its bytes. */
export const assetPath = (hash: string) => `assets/${hash}`;
/** Where a screenshot's thumbnail is kept. */
export const thumbnailPath = (id: string) => `screenshots/${id}.thumb.jpg`;

export const bundlePartSchema = z.object({
  path: z.string().max(MAX_PATH_LENGTH).regex(PART_PATH),
  kind: z.enum(PART_KINDS),
  /** Bytes, uncompressed. */
  size: z.number().int().nonnegative(),
  /** SHA-256 of the uncompressed bytes, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const bundleManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(READABLE_VERSIONS),
    /** When the bundle was made (epoch ms). */
    createdAt: z.number(),
    /** The program that made it, e.g. Mystère 0.1.0. */
    generator: z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }),
    /** The visit it carries: the same as `visit.id` in visit.json. */
    visitId: z.string().min(1).max(200),
    /** The site visited, for a list of bundles that does not open them. */
    site: z.string().max(2000),
    /**
     * The mission the visit followed (since version 2; absent for a visit without one): its id and
     * the visit's `missionHash`, the SHA-256 of `mission.json`.
     */
    mission: z.object({ id: z.string().min(1).max(100), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
    /** Every file but manifest.json itself. */
    parts: z.array(bundlePartSchema).max(BUNDLE_LIMITS.maxEntries),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.parts.forEach((part, i) => {
      if (seen.has(part.path)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'path'], message: 'duplicate path' });
      seen.add(part.path);
      if (partKindOf(part.path) !== part.kind) {
        ctx.addIssue({ code: 'custom', path: ['parts', i, 'kind'], message: `kind does not match the path ${part.path}` });
      }
    });
    if (!seen.has(VISIT_PATH)) ctx.addIssue({ code: 'custom', path: ['parts'], message: 'visit.json is not listed' });
    // Version 1 had no mission part: a file that says 1 and carries one was not made by Mystère.
    if (manifest.version === 1) {
      if (manifest.mission) ctx.addIssue({ code: 'custom', path: ['mission'], message: 'no mission in a version 1 bundle' });
      const i = manifest.parts.findIndex((part) => part.kind === 'mission');
      if (i >= 0) ctx.addIssue({ code: 'custom', path: ['parts', i, 'kind'], message: 'no mission part in a version 1 bundle' });
    }
    // Assets came with version 3.
    if (manifest.version < 3) {
      const i = manifest.parts.findIndex((part) => part.kind === 'asset');
      if (i >= 0) ctx.addIssue({ code: 'custom', path: ['parts', i, 'kind'], message: `no asset part in a version ${manifest.version} bundle` });
    }
  });
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

import { assetAnswersOf, chunkKey, type VisitContent, type VisitData } from '../visit-data';
import { checkVisitData, issueError } from './check-visit-data';
import { BUNDLE_DETAILS, type BundleError } from './errors';
import { sha256Hex } from './hash';
import { BUNDLE_LIMITS, type BundleLimits } from './limits';
import {
  BUNDLE_FORMAT,
  MANIFEST_PATH,
  MISSION_PATH,
  READABLE_VERSIONS,
  REPORT_PATH,
  VISIT_PATH,
  bundleManifestSchema,
  recordingPath,
  assetPath,
  screenshotPath,
  thumbnailPath,
  type BundleManifest,
} from './manifest';
import { checkMission } from './mission-part';
import { readZip } from './read-zip';

/**
 * Opens a bundle an agency imports. Nothing in it is trusted: each check below runs in order and
 * the first problem stops the import, so that a visit is imported whole or not at all.
 */

export type UnpackResult =
  | { ok: true; content: VisitContent; manifest: BundleManifest; reportHtml?: string }
  | { ok: false; error: BundleError };

type Step<T> = { ok: true; value: T } | { ok: false; error: BundleError };

const fail = (error: BundleError): { ok: false; error: BundleError } => ({ ok: false, error });

/** UTF-8 JSON, or `code` with the "not JSON" detail. */
function parseJson(bytes: Uint8Array, code: 'bad-manifest' | 'bad-visit-data'): Step<unknown> {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return fail({ code, detail: BUNDLE_DETAILS.notJson });
  }
}

/**
 * manifest.json: JSON, then format and version (a newer version may have another shape), then the
 * schema. Version 1 (before missions) is read by the same schema, which refuses a mission in it.
 */
function readManifest(bytes: Uint8Array | undefined): Step<BundleManifest> {
  if (!bytes) return fail({ code: 'missing-manifest' });
  const json = parseJson(bytes, 'bad-manifest');
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({ code: 'bad-manifest', detail: 'not a JSON object' });
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== BUNDLE_FORMAT) {
    return fail({ code: 'unknown-format', ...(typeof format === 'string' ? { detail: format.slice(0, 100) } : {}) });
  }
  if (!READABLE_VERSIONS.some((known) => known === version)) {
    if (typeof version !== 'number') return fail({ code: 'bad-manifest', path: 'version', detail: 'not a number' });
    return fail({ code: 'unsupported-version', detail: String(version) });
  }
  const parsed = bundleManifestSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : fail(issueError('bad-manifest', parsed.error));
}

/** The zip holds exactly the listed parts (plus manifest.json, and empty folder entries), each intact. */
async function checkParts(manifest: BundleManifest, entries: Map<string, Uint8Array>): Promise<BundleError | undefined> {
  const missing = manifest.parts.find((part) => !entries.has(part.path));
  if (missing) return { code: 'missing-part', path: missing.path, detail: BUNDLE_DETAILS.notInZip };
  const listed = new Set(manifest.parts.map((part) => part.path));
  for (const [name, bytes] of entries) {
    const folder = name.endsWith('/') && bytes.length === 0;
    if (name !== MANIFEST_PATH && !listed.has(name) && !folder) return { code: 'unexpected-part', path: name };
  }
  const resized = manifest.parts.find((part) => entries.get(part.path)?.length !== part.size);
  if (resized) return { code: 'size-mismatch', path: resized.path, detail: String(resized.size) };
  for (const part of manifest.parts) {
    const hash = await sha256Hex(entries.get(part.path) ?? new Uint8Array(0));
    if (hash !== part.sha256) return { code: 'hash-mismatch', path: part.path };
    // A copy is named by its bytes' hash: one altered with a re-hashed manifest is still refused.
    if (part.kind === 'asset' && part.path !== assetPath(hash)) return { code: 'hash-mismatch', path: part.path };
  }
  return undefined;
}

/** Every recording batch and screenshot visit.json describes has its files, and every such file is described. */
function checkReferences(data: VisitData, manifest: BundleManifest): BundleError | undefined {
  const needed = new Set<string>();
  for (const part of data.recording) needed.add(recordingPath(part.pageId, part.seq));
  for (const shot of data.screenshots) needed.add(screenshotPath(shot.id)).add(thumbnailPath(shot.id));
  // Copies: those the asset uses name (checkVisitData: each one described in assetCopies, each described one used).
  for (const use of data.assets ?? []) if (use.hash !== undefined) needed.add(assetPath(use.hash));
  const listed = new Map(manifest.parts.map((part) => [part.path, part]));
  for (const path of needed) {
    if (!listed.has(path)) return { code: 'missing-part', path, detail: BUNDLE_DETAILS.notInManifest };
  }
  for (const copy of data.assetCopies ?? []) {
    const part = listed.get(assetPath(copy.hash));
    if (part && part.size !== copy.size) return { code: 'size-mismatch', path: part.path, detail: String(copy.size) };
  }
  // mission.json is explained by the visit's mission, checked last (checkMission).
  const described = new Set(['visit', 'mission', 'report']);
  const unexplained = manifest.parts.find((part) => !described.has(part.kind) && !needed.has(part.path));
  if (unexplained) return { code: 'missing-part', path: unexplained.path, detail: BUNDLE_DETAILS.notInVisitData };
  return undefined;
}

function buildContent(data: VisitData, entries: Map<string, Uint8Array>): VisitContent {
  // Every path below was checked to be in the zip.
  const file = (path: string) => entries.get(path) ?? new Uint8Array(0);
  return {
    data,
    screenshots: new Map(data.screenshots.map((shot) => [shot.id, { image: file(screenshotPath(shot.id)), thumb: file(thumbnailPath(shot.id)) }])),
    chunks: new Map(data.recording.map((part) => [chunkKey(part.pageId, part.seq), file(recordingPath(part.pageId, part.seq))])),
    ...assetsOf(data, file),
  };
}

/** The copies' bytes and the replay's answers, for a visit that used assets (version 3). */
function assetsOf(data: VisitData, file: (path: string) => Uint8Array): Pick<VisitContent, 'assets' | 'assetFiles'> {
  const uses = data.assets ?? [];
  if (uses.length === 0) return {};
  const copies = data.assetCopies ?? [];
  const assetFiles = new Map(copies.map((copy) => [copy.hash, file(assetPath(copy.hash))]));
  return { assets: assetAnswersOf(uses, copies, assetFiles), assetFiles };
}

/**
 * Validates and opens a bundle, in this order, stopping at the first problem: the file's size; a
 * readable zip; the number of entries; safe, unique entry names; the inflated sizes (counted as
 * they come out, headers are not believed); manifest.json (JSON, format, version, schema); the
 * parts (present, none unlisted, sizes, SHA-256, each asset named by its bytes' SHA-256); visit.json (JSON, schema, one visit, usable ids);
 * its recording, screenshot and asset files (each needed, each described, the copies' sizes); the manifest's visit id; the mission the visit followed
 * (`checkMission`: its copy, hash, mission.json and the manifest agree). Never throws on a bad file.
 */
export async function unpackBundle(bytes: Uint8Array, limits: BundleLimits = BUNDLE_LIMITS): Promise<UnpackResult> {
  if (bytes.length > limits.maxBundleBytes) return fail({ code: 'too-large', detail: String(limits.maxBundleBytes) });
  const zip = await readZip(bytes, limits);
  if (!zip.ok) return zip;
  const { entries } = zip;

  const manifest = readManifest(entries.get(MANIFEST_PATH));
  if (!manifest.ok) return manifest;
  const partProblem = await checkParts(manifest.value, entries);
  if (partProblem) return fail(partProblem);

  const json = parseJson(entries.get(VISIT_PATH) ?? new Uint8Array(0), 'bad-visit-data');
  if (!json.ok) return json;
  const visit = checkVisitData(json.value);
  if (!visit.ok) return visit;
  const data = visit.data;
  const referenceProblem = checkReferences(data, manifest.value);
  if (referenceProblem) return fail(referenceProblem);
  if (manifest.value.visitId !== data.visit.id) {
    return fail({ code: 'bad-manifest', path: 'visitId', detail: BUNDLE_DETAILS.visitIdMismatch });
  }
  const missionProblem = await checkMission(data.visit, manifest.value, entries.get(MISSION_PATH));
  if (missionProblem) return fail(missionProblem);

  const report = entries.get(REPORT_PATH);
  return {
    ok: true,
    content: buildContent(data, entries),
    manifest: manifest.value,
    ...(report ? { reportHtml: new TextDecoder().decode(report) } : {}),
  };
}

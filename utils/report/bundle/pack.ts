import { zipSync, type Zippable } from 'fflate';
import { chunkKey, type VisitContent } from '../visit-data';
import { checkVisitData } from './check-visit-data';
import { sha256Hex } from './hash';
import { checkVisitMission, missionFileBytes } from './mission-part';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  MANIFEST_PATH,
  MISSION_PATH,
  REPORT_PATH,
  VISIT_PATH,
  bundleManifestSchema,
  recordingPath,
  assetPath,
  screenshotPath,
  thumbnailPath,
  type BundleManifest,
  type PartKind,
} from './manifest';

export interface PackOptions {
  /** The bundle's creation time (epoch ms), also the zip entries' modification time. */
  now: number;
  /** The program that makes the bundle, e.g. `{ name: 'Mystère', version: '0.1.0' }`. */
  generator: { name: string; version: string };
  /** The exported report, carried as `report.html` when given. */
  reportHtml?: string;
}

interface File {
  path: string;
  kind: PartKind;
  bytes: Uint8Array;
  /** JPEG and gzip are compressed already: deflating them again costs time for nothing. */
  deflate: boolean;
}

// A zip stores local DOS dates, 1980 to 2107 (fflate accepts up to 2099); a day of margin for time zones.
const ZIP_EARLIEST = Date.UTC(1980, 0, 2);
const ZIP_LATEST = Date.UTC(2099, 11, 30);
const encode = (text: string) => new TextEncoder().encode(text);
/** Asset types compressed already (stored as they are); SVG, CSS, TTF and OTF are text or loose and are deflated. */
const COMPRESSED_MIME = /^(image\/(jpeg|png|webp|gif|avif)|font\/(woff|woff2))$/i;

function filesOf(content: VisitContent, reportHtml: string | undefined): File[] {
  const { data } = content;
  const files: File[] = [{ path: VISIT_PATH, kind: 'visit', bytes: encode(JSON.stringify(data)), deflate: true }];
  const { mission } = data.visit;
  if (mission) files.push({ path: MISSION_PATH, kind: 'mission', bytes: missionFileBytes(mission), deflate: true });
  for (const part of data.recording) {
    const bytes = content.chunks.get(chunkKey(part.pageId, part.seq));
    if (!bytes) throw new Error(`packBundle: no bytes for the recording batch ${chunkKey(part.pageId, part.seq)}`);
    files.push({ path: recordingPath(part.pageId, part.seq), kind: 'recording', bytes, deflate: false });
  }
  for (const shot of data.screenshots) {
    const images = content.screenshots.get(shot.id);
    if (!images) throw new Error(`packBundle: no image for the screenshot ${shot.id}`);
    files.push({ path: screenshotPath(shot.id), kind: 'screenshot', bytes: images.image, deflate: false });
    files.push({ path: thumbnailPath(shot.id), kind: 'thumbnail', bytes: images.thumb, deflate: false });
  }
  for (const copy of data.assetCopies ?? []) {
    const bytes = content.assetFiles?.get(copy.hash);
    if (!bytes) throw new Error(`packBundle: no bytes for the asset ${copy.hash}`);
    files.push({ path: assetPath(copy.hash), kind: 'asset', bytes, deflate: !COMPRESSED_MIME.test(copy.mime) });
  }
  if (reportHtml !== undefined) files.push({ path: REPORT_PATH, kind: 'report', bytes: encode(reportHtml), deflate: true });
  return files;
}

/**
 * Packs one visit as a bundle: a zip of `manifest.json` (first, with every other file's size and
 * SHA-256, and the mission followed), `visit.json`, `mission.json` for a visit that followed a
 * mission, the recording batches and screenshots as stored, the copies of the shop's assets
 * (`assets/<sha256>`, once each), and `report.html` when given. Files
 * come in visit.json's order, so the same visit packs the same way. Throws when the visit could not
 * be imported back (data not matching the schema, a batch, image or asset missing, an asset whose
 * bytes are not its hash or size, a mission copy that does not match its hash).
 */
export async function packBundle(content: VisitContent, options: PackOptions): Promise<Uint8Array> {
  const checked = checkVisitData(content.data);
  if (!checked.ok) {
    const { path, detail } = checked.error;
    throw new Error(`packBundle: the visit data is not valid at ${path ?? '(root)'}: ${detail ?? ''}`);
  }
  const { visit } = content.data;
  if (await checkVisitMission(visit)) throw new Error('packBundle: the visit’s missionHash is not the hash of its copy of the mission');
  const files = filesOf(content, options.reportHtml);
  const manifest: BundleManifest = bundleManifestSchema.parse({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: options.now,
    generator: options.generator,
    visitId: content.data.visit.id,
    site: content.data.visit.site,
    ...(visit.mission && visit.missionHash !== undefined && { mission: { id: visit.mission.id, sha256: visit.missionHash } }),
    parts: await Promise.all(
      files.map(async ({ path, kind, bytes }) => ({ path, kind, size: bytes.length, sha256: await sha256Hex(bytes) })),
    ),
  });
  const sizes = new Map((content.data.assetCopies ?? []).map((copy) => [assetPath(copy.hash), copy.size]));
  for (const part of manifest.parts) {
    if (part.kind !== 'asset') continue;
    if (part.path !== assetPath(part.sha256)) throw new Error(`packBundle: the asset ${part.path} is not named by its bytes’ SHA-256`);
    if (sizes.get(part.path) !== part.size) throw new Error(`packBundle: the asset ${part.path} is not the size its record says`);
  }

  const zippable: Zippable = { [MANIFEST_PATH]: [encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }] };
  for (const { path, bytes, deflate } of files) zippable[path] = [bytes, { level: deflate ? 6 : 0 }];
  return zipSync(zippable, { mtime: Math.min(Math.max(options.now, ZIP_EARLIEST), ZIP_LATEST) });
}

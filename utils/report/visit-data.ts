import { z } from 'zod';
import { auditRecordSchema } from '../audit/schema';
import { answerSchema, checklistSchema } from '../checklist/schema';
import { chunkSchema } from '../schema/chunk';
import { abandonmentSchema, noteSchema, screenshotSchema, signalSchema } from '../schema/evidence';
import { pageSchema } from '../schema/page';
import { visitSchema } from '../schema/visit';
import { assetSchema, visitAssetSchema } from '../assets/schema';
import type { AssetAnswer } from './asset-resolver';
import { reviewSchema } from './review';

/**
 * Everything known about one visit, without its binary parts: what the report is built from and
 * what a bundle's `visit.json` holds. The screenshots' JPEG bytes and the recording's gzip chunks
 * travel beside it (see `VisitContent`).
 */

/** List caps: far above a real visit, low enough that a hostile bundle cannot exhaust memory. */
export const VISIT_DATA_LIMITS = {
  pages: 5000,
  screenshots: 2000,
  notes: 5000,
  signals: 20000,
  abandonments: 500,
  answers: 5000,
  audits: 10000,
  recordingParts: 100000,
  /** Addresses the visit's pages used (kept or not). */
  assets: 20000,
  /** Stored copies of them (each once, by hash). */
  assetCopies: 10000,
} as const;

/** A screenshot's record without its image bytes. */
export const screenshotMetaSchema = screenshotSchema.omit({ image: true, thumb: true });
export type ScreenshotMeta = z.infer<typeof screenshotMetaSchema>;

/** One stored batch of rrweb events, without its bytes. */
export const recordingPartSchema = chunkSchema.omit({ data: true });
export type RecordingPart = z.infer<typeof recordingPartSchema>;

/** A stored copy of a shop's asset without its bytes, which travel beside it (`VisitContent.assetFiles`). */
export const assetCopyMetaSchema = assetSchema.omit({ data: true });
export type AssetCopyMeta = z.infer<typeof assetCopyMetaSchema>;

export const visitDataSchema = z.object({
  visit: visitSchema,
  pages: z.array(pageSchema).max(VISIT_DATA_LIMITS.pages),
  screenshots: z.array(screenshotMetaSchema).max(VISIT_DATA_LIMITS.screenshots),
  notes: z.array(noteSchema).max(VISIT_DATA_LIMITS.notes),
  signals: z.array(signalSchema).max(VISIT_DATA_LIMITS.signals),
  abandonments: z.array(abandonmentSchema).max(VISIT_DATA_LIMITS.abandonments),
  answers: z.array(answerSchema).max(VISIT_DATA_LIMITS.answers),
  audits: z.array(auditRecordSchema).max(VISIT_DATA_LIMITS.audits),
  /** The checklist the answers refer to (absent when the visit used none that still exists). */
  checklist: checklistSchema.optional(),
  /** The recording's batches, in page then sequence order. */
  recording: z.array(recordingPartSchema).max(VISIT_DATA_LIMITS.recordingParts),
  /** The review where it stood when the bundle was made: informative, never imported (the viewer keeps its own). */
  review: reviewSchema.optional(),
  /**
   * Where the visit's pages used the shop's images, fonts and style sheets, and which copy each got or
   * why none (issue 15; the `visitAssets` records). Absent for a visit that kept none (and before
   * version 3 of the bundle format).
   */
  assets: z.array(visitAssetSchema).max(VISIT_DATA_LIMITS.assets).optional(),
  /** The copies `assets` names, once each: type, size and pixels; the bytes are `assets/<hash>` parts. */
  assetCopies: z.array(assetCopyMetaSchema).max(VISIT_DATA_LIMITS.assetCopies).optional(),
});
export type VisitData = z.infer<typeof visitDataSchema>;

/** The key of a recording batch in `VisitContent.chunks`. */
export const chunkKey = (pageId: string, seq: number) => `${pageId}/${seq}`;

/** A visit with its binary parts: screenshots (JPEG) and recording batches (gzip of a JSON event array). */
export interface VisitContent {
  data: VisitData;
  screenshots: Map<string, { image: Uint8Array; thumb: Uint8Array }>;
  /** Keyed by `chunkKey(pageId, seq)`. */
  chunks: Map<string, Uint8Array>;
  /**
   * The copies of the shop's images, fonts and style sheets the replay shows, by absolute address as
   * the recording names it (see `utils/report/replay-assets.ts`); absent when none were kept.
   */
  assets?: ReadonlyMap<string, AssetAnswer>;
  /** The bytes of `data.assetCopies`, by hash; what a bundle carries (`assets` is derived from them). */
  assetFiles?: Map<string, Uint8Array>;
}

/**
 * The replay's answer for each address the visit used: its copy (kind from the use, type from the
 * copy) or, for one not kept or whose copy is not given, a placeholder's size.
 */
export function assetAnswersOf(
  uses: readonly z.infer<typeof visitAssetSchema>[],
  copies: readonly AssetCopyMeta[],
  files: ReadonlyMap<string, Uint8Array>,
): Map<string, AssetAnswer> {
  const mimes = new Map(copies.map((copy) => [copy.hash, copy.mime]));
  const answers = new Map<string, AssetAnswer>();
  for (const use of uses) {
    const bytes = use.hash ? files.get(use.hash) : undefined;
    const mime = use.hash ? mimes.get(use.hash) : undefined;
    answers.set(
      use.url,
      bytes && mime !== undefined
        ? { kind: use.kind, mime, bytes }
        : { missing: true, ...(use.width !== undefined ? { width: use.width } : {}), ...(use.height !== undefined ? { height: use.height } : {}) },
    );
  }
  return answers;
}

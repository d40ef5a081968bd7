import { z } from 'zod';

/**
 * The shop's images, fonts and style sheets kept with a visit, so that its replay shows the shop as
 * the evaluator saw it (issue 15; docs/recording.md, "Assets kept for the replay"). Two stores:
 * `assets` holds each stored copy once, by the SHA-256 of its bytes, whatever page or visit used
 * it; `visitAssets` says where a visit used an address, and which copy it got, or why none.
 */

export const ASSET_KINDS = ['image', 'font', 'stylesheet'] as const;
export const assetKindSchema = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof assetKindSchema>;

/**
 * Why an address the page used has no stored copy:
 * - `budget`: the visit's asset budget (`ASSET_BUDGET_BYTES`) was spent;
 * - `private`: the element was inside a masked or blocked zone (not asked by the page: kept for a
 *   record written by a later check);
 * - `payment`: served by a payment provider;
 * - `tracker`: a tracking pixel (an image shown at 0×0 or 1×1, or a known tracker's address);
 * - `typed`: the address carries a value the evaluator typed;
 * - `failed`: the read or the decoding failed, or timed out, or the page was gone;
 * - `too-large`: larger than `MAX_ASSET_BYTES` as the browser holds it;
 * - `not-cached`: the browser holds no copy for the page (the shop asked it not to store one, or
 *   keeps it under another `Vary`): asking the shop again would be seen, so it is not asked;
 * - `other-site`: served by another site (a CDN on its own domain, a font service), whose copy the
 *   page's cache gives only to that site's requests.
 */
export const SKIP_REASONS = ['budget', 'private', 'payment', 'tracker', 'typed', 'failed', 'too-large', 'not-cached', 'other-site'] as const;
/**
 * Reasons a later page may overturn: the read failed (the page left mid-read) or found no copy yet
 * (an image still arriving). The address is read again when a later page shows it; the others stand.
 */
export const RETRIED_SKIPS: ReadonlySet<string> = new Set(['failed', 'not-cached']);
export const skipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** SHA-256, lower-case hex. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** One stored copy, by content: the same bytes from many pages or visits are stored once. */
export const assetSchema = z.object({
  /** SHA-256 (hex) of `data`, the stored bytes (after re-encoding, for images). */
  hash: sha256HexSchema,
  /** The stored bytes' type: `image/webp`, `image/jpeg`, `image/svg+xml`, `font/woff2`, `text/css`… */
  mime: z.string().min(1).max(200),
  /** `data.byteLength`. */
  size: z.number().int().nonnegative(),
  /** Pixels of the stored image (re-encoded ones and decoded originals; absent for SVG, fonts, sheets). */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  data: z.instanceof(Uint8Array),
});
export type Asset = z.infer<typeof assetSchema>;

/** Where a visit used an asset: one record per (visit, address), whatever the number of pages that showed it. */
export const visitAssetSchema = z
  .object({
    visitId: z.string().min(1),
    /** Absolute address, as the recording's DOM has it (`currentSrc`, a resolved `url()`, a sheet's `href`). */
    url: z.string().min(1).max(8192),
    kind: assetKindSchema,
    /** The first page it was seen on. */
    pageId: z.string().min(1),
    /** The stored copy (`assets` store), when there is one. */
    hash: sha256HexSchema.optional(),
    /** Why there is none. */
    skipped: skipReasonSchema.optional(),
    /** Displayed size in CSS pixels, for images seen in the page (absent for those found in style sheets). */
    width: z.number().nonnegative().optional(),
    height: z.number().nonnegative().optional(),
    /** When it was stored or skipped (epoch ms). */
    at: z.number(),
  })
  .refine((v) => (v.hash === undefined) !== (v.skipped === undefined), { message: 'either a stored copy (hash) or a reason (skipped)' });
export type VisitAsset = z.infer<typeof visitAssetSchema>;

/** What one visit may store of the shop's assets, in bytes as stored (each copy counted once per visit). */
export const ASSET_BUDGET_BYTES = 30 * 1024 * 1024;
/** The largest asset read, as the shop sent it: a 20 MB hero video poster is not worth a replay. */
export const MAX_ASSET_BYTES = 8 * 1024 * 1024;

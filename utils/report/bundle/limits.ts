/**
 * What an importer accepts from a bundle. Far above a real visit (hours of recording, hundreds of
 * screenshots), low enough that a hostile file cannot exhaust an extension page's memory.
 */
export const BUNDLE_LIMITS = {
  /** The bundle file itself, as chosen by the user. */
  maxBundleBytes: 300 * 1024 * 1024,
  /** Every entry once inflated, counted as the bytes come out (a zip's headers can lie). */
  maxTotalBytes: 400 * 1024 * 1024,
  /** One entry once inflated. */
  maxPartBytes: 200 * 1024 * 1024,
  /** Entries in the zip, manifest.json included. */
  maxEntries: 20_000,
  /** `visit.json` once inflated (and `manifest.json` and `mission.json`, which are far smaller). */
  maxVisitJsonBytes: 50 * 1024 * 1024,
} as const;

export type BundleLimits = { readonly [K in keyof typeof BUNDLE_LIMITS]: number };

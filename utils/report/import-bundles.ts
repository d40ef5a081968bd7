import type { ImportedVisit } from '../db/viewer-database';
import type { UnpackResult } from './bundle/unpack';
import type { BundleError } from './bundle/errors';
import { reviewCriteria, summarize } from './bundle-summary';
import { submittedReview } from './review';

/**
 * Why a file was not imported: what the bundle check found wrong, or, rarely, the browser failing
 * to keep it (`store-failed`: disk full), the check itself breaking (`check-failed`), or the file
 * not being readable at all (`read-failed`, found by the page before calling the import).
 */
export type ImportError = BundleError | { code: LocalImportErrorCode; detail?: string };

/** Failures that are not the bundle's fault; the viewer words them itself. */
export const LOCAL_IMPORT_ERRORS = ['read-failed', 'check-failed', 'store-failed'] as const;
export type LocalImportErrorCode = (typeof LOCAL_IMPORT_ERRORS)[number];

export interface ImportResult {
  /** The file's name, as picked or dropped. */
  name: string;
  ok: boolean;
  visitId?: string;
  /** The visit was already imported: the new bundle's data took its place, the agency's review was kept. */
  replaced?: boolean;
  error?: ImportError;
}

export interface ImportDeps {
  unpack: (bytes: Uint8Array) => Promise<UnpackResult>;
  /**
   * Stores a checked visit, replacing the data of one with the same id but keeping that one's review
   * (`putImported`), and says whether it did.
   */
  put: (visit: ImportedVisit) => Promise<{ replaced: boolean }>;
  now: () => number;
  /** Called before each file is checked: `i` counts from 1 to `n`. */
  onProgress: (i: number, n: number, name: string) => void;
}

/**
 * Checks and stores bundles one at a time, so a big batch never holds more than one unpacked visit
 * in memory. A file that fails the check stores nothing and the next one is still tried.
 *
 * The review is the agency's, never the bundle's: whatever review `visit.json` carries (a status,
 * comments, a history — anyone can write them in a file) is ignored, and a visit imported for the
 * first time is "submitted". A visit imported again keeps the review it has (see `put`).
 */
export async function importBundleFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  deps: ImportDeps,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const [index, file] of files.entries()) {
    deps.onProgress(index + 1, files.length, file.name);
    results.push(await importOne(file, deps));
  }
  return results;
}

async function importOne(file: { name: string; bytes: Uint8Array }, deps: ImportDeps): Promise<ImportResult> {
  let unpacked: UnpackResult;
  try {
    unpacked = await deps.unpack(file.bytes);
  } catch (error) {
    return { name: file.name, ok: false, error: { code: 'check-failed', detail: describe(error) } };
  }
  if (!unpacked.ok) return { name: file.name, ok: false, error: unpacked.error };

  const { data } = unpacked.content;
  const now = deps.now();
  const visit: ImportedVisit = {
    id: data.visit.id,
    importedAt: now,
    fileName: file.name,
    manifest: unpacked.manifest,
    summary: summarize(data),
    criteria: reviewCriteria(data),
    // Never `data.review`: a bundle cannot say it was validated.
    review: submittedReview(now),
    bytes: file.bytes,
  };
  try {
    const { replaced } = await deps.put(visit);
    return { name: file.name, ok: true, visitId: visit.id, replaced };
  } catch (error) {
    return { name: file.name, ok: false, visitId: visit.id, error: { code: 'store-failed', detail: describe(error) } };
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

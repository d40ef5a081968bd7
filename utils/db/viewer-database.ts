import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BundleSummary, ReviewCriterion } from '../report/bundle-summary';
import type { BundleManifest } from '../report/bundle/manifest';
import type { Review } from '../report/review';

/**
 * The agency's side: bundles imported into the viewer page. A database of its own, so that importing
 * never touches the evaluator's recordings; the viewer page is its only writer, the report page reads it.
 *
 * The bundle's bytes live in a store apart from the rest, so that listing a hundred visits does not
 * read a hundred zips.
 */

export const VIEWER_DB_NAME = 'mystere-viewer';
export const VIEWER_DB_VERSION = 1;

/** An imported bundle: what the list shows, the agency's review, and the bundle itself. */
export interface ImportedVisit {
  /** The visit's id: importing the same visit again replaces its data, not its review. */
  id: string;
  importedAt: number;
  fileName: string;
  manifest: BundleManifest;
  summary: BundleSummary;
  /** The answered criteria, for the reviewer's comments. */
  criteria: ReviewCriterion[];
  /** The agency's review, kept here only: the review a bundle's `visit.json` carries is never read. */
  review: Review;
  /** The bundle as imported (its `visit.json` may hold a review: ignored, as said above). */
  bytes: Uint8Array;
}

/** An imported visit without its bytes: what lists and reviews work with. */
export type ImportedEntry = Omit<ImportedVisit, 'bytes'>;

export interface ViewerDB extends DBSchema {
  imports: { key: string; value: ImportedEntry };
  bundles: { key: string; value: { id: string; bytes: Uint8Array } };
}

export type ViewerDb = IDBPDatabase<ViewerDB>;

/** Opens (and creates) the viewer's database; `name` is for tests. */
export function openViewerDb(name = VIEWER_DB_NAME): Promise<ViewerDb> {
  return openDB<ViewerDB>(name, VIEWER_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('imports', { keyPath: 'id' });
        db.createObjectStore('bundles', { keyPath: 'id' });
      }
    },
    blocking() {
      // Another page wants to upgrade: step aside rather than block it.
    },
  });
}

let shared: Promise<ViewerDb> | undefined;
/** One connection per page, opened on first use. */
export function viewerDb(): Promise<ViewerDb> {
  shared ??= openViewerDb().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** Imported visits without their bytes, the most recent visit first. */
export async function listImported(db: ViewerDb): Promise<ImportedEntry[]> {
  return (await db.getAll('imports')).sort(newestFirst);
}

/** Most recent visit first; among visits of the same time, the last imported first. */
export function newestFirst(a: ImportedEntry, b: ImportedEntry): number {
  return b.summary.startedAt - a.summary.startedAt || b.importedAt - a.importedAt;
}

/** An imported visit with its bundle's bytes. */
export async function getImported(db: ViewerDb, id: string): Promise<ImportedVisit | undefined> {
  const tx = db.transaction(['imports', 'bundles']);
  const [entry, bundle] = await Promise.all([tx.objectStore('imports').get(id), tx.objectStore('bundles').get(id)]);
  await tx.done;
  return entry && bundle ? { ...entry, bytes: bundle.bytes } : undefined;
}

/**
 * Stores an imported visit; says whether one with the same id was there. A visit imported again takes
 * the new bundle's data (bytes, manifest, summary, criteria, file name, time of import: the last file
 * imported wins, even an older one) but keeps the agency's review as stored (status, reviewer,
 * comments, history), read and written in one transaction so that no review saved meanwhile is lost.
 * `visit.review` is used only for a visit imported for the first time.
 */
export async function putImported(db: ViewerDb, visit: ImportedVisit): Promise<{ replaced: boolean }> {
  const { bytes, ...entry } = visit;
  const tx = db.transaction(['imports', 'bundles'], 'readwrite');
  const imports = tx.objectStore('imports');
  const existing = await imports.get(visit.id);
  const kept: ImportedEntry = existing ? { ...entry, review: existing.review } : entry;
  await Promise.all([imports.put(kept), tx.objectStore('bundles').put({ id: visit.id, bytes }), tx.done]);
  return { replaced: existing !== undefined };
}

/**
 * Changes an imported visit (its review, mostly) from what is stored now, in one transaction, so two
 * quick edits do not overwrite each other. Returns the new entry, or undefined when it is gone.
 */
export async function updateImported(
  db: ViewerDb,
  id: string,
  change: (entry: ImportedEntry) => ImportedEntry,
): Promise<ImportedEntry | undefined> {
  const tx = db.transaction('imports', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = { ...change(current), id };
  await Promise.all([tx.store.put(next), tx.done]);
  return next;
}

/** Forgets an imported visit and its bundle. */
export async function deleteImported(db: ViewerDb, id: string): Promise<void> {
  const tx = db.transaction(['imports', 'bundles'], 'readwrite');
  await Promise.all([tx.objectStore('imports').delete(id), tx.objectStore('bundles').delete(id), tx.done]);
}

import { assetSchema, RETRIED_SKIPS, visitAssetSchema, type Asset, type VisitAsset } from '../assets/schema';
import { admitAsset } from '../assets/budget';
import { sha256Hex } from '../assets/hash';
import type { Db } from './database';
import { VisitGoneError } from './errors';

/**
 * Reads and writes of the shop's assets kept for the replay (issue 15): `assets` holds each stored
 * copy once, by the SHA-256 of its bytes, whichever visits use it; `visitAssets` holds one record
 * per (visit, address). Written by the background only, like every record of a visit: in one
 * transaction with the `visits` store, and only while the visit is there (repository.ts). A deleted
 * visit takes its `visitAssets` with it, and the copies no other visit uses (`deleteVisit`).
 */

/** What `recordVisitAsset` did: the record as stored (the one already there, for an address met before). */
export type Recorded = { use: VisitAsset; created: boolean };

/**
 * Records that the visit used an address: with its copy `asset` (stored unless the same bytes are
 * already), or skipped with a reason. An address already recorded for the visit is left as it is
 * (once per address per visit), unless it was not read yet (`RETRIED_SKIPS`: a later page's result
 * replaces it). A copy new to the visit counts its bytes on the visit against
 * `budget` (`admitAsset`); past it the address is recorded as skipped (`budget`) and the visit is
 * marked (`assetBudgetReachedAt`). Throws `VisitGoneError` when the visit is gone, writing nothing.
 */
export async function recordVisitAsset(db: Db, use: VisitAsset, asset?: Asset, budget?: number, now = Date.now()): Promise<Recorded> {
  const parsedAsset = asset && assetSchema.parse(asset);
  if (parsedAsset && (parsedAsset.size !== parsedAsset.data.byteLength || (await sha256Hex(parsedAsset.data)) !== parsedAsset.hash)) {
    throw new Error('an asset is stored by the SHA-256 of its bytes, and its size is theirs');
  }
  const tx = db.transaction(['visits', 'assets', 'visitAssets'], 'readwrite');
  const visits = tx.objectStore('visits');
  const uses = tx.objectStore('visitAssets');
  const visit = await visits.get(use.visitId);
  if (!visit) {
    await tx.done;
    throw new VisitGoneError(use.visitId);
  }
  const existing = await uses.get([use.visitId, use.url]);
  // An address recorded as not read yet (RETRIED_SKIPS) takes a later page's result; it keeps where and when it was first seen.
  const retried = existing?.skipped !== undefined && RETRIED_SKIPS.has(existing.skipped);
  if (existing && !retried) {
    await tx.done;
    return { use: existing, created: false };
  }
  const record: VisitAsset = existing
    ? { ...use, pageId: existing.pageId, at: existing.at, ...(existing.width !== undefined && use.width === undefined ? { width: existing.width, height: existing.height } : {}) }
    : use;
  const { hash: _hash, skipped: _skipped, ...plain } = record;
  let next: VisitAsset = visitAssetSchema.parse(parsedAsset ? { ...plain, hash: parsedAsset.hash } : record);
  if (parsedAsset) {
    const inVisit = (await uses.index('visitHash').count([use.visitId, parsedAsset.hash])) > 0;
    const before = { bytes: visit.assetBytes ?? 0, reachedAt: visit.assetBudgetReachedAt };
    const { store, use: after } = admitAsset(before, parsedAsset.size, inVisit, now, budget);
    if (store) {
      const assets = tx.objectStore('assets');
      if ((await assets.getKey(parsedAsset.hash)) === undefined) await assets.put(parsedAsset);
    } else {
      next = { ...plain, skipped: 'budget' };
    }
    if (after.bytes !== before.bytes || after.reachedAt !== before.reachedAt) {
      await visits.put({ ...visit, assetBytes: after.bytes, ...(after.reachedAt === undefined ? {} : { assetBudgetReachedAt: after.reachedAt }) });
    }
  }
  await Promise.all([uses.put(next), tx.done]);
  return { use: next, created: true };
}

export async function getVisitAsset(db: Db, visitId: string, url: string): Promise<VisitAsset | undefined> {
  return db.get('visitAssets', [visitId, url]);
}

/** Where a visit used assets, in the order met. */
export async function listVisitAssets(db: Db, visitId: string): Promise<VisitAsset[]> {
  return (await db.getAllFromIndex('visitAssets', 'visitId', visitId)).sort((a, b) => a.at - b.at);
}

export async function getAsset(db: Db, hash: string): Promise<Asset | undefined> {
  return db.get('assets', hash);
}

/** The stored copies a visit uses, each once (what its replay and its bundle carry). */
export async function listAssetsOfVisit(db: Db, visitId: string): Promise<Asset[]> {
  const hashes = [...new Set((await listVisitAssets(db, visitId)).flatMap((u) => (u.hash ? [u.hash] : [])))];
  const tx = db.transaction('assets');
  const assets = await Promise.all(hashes.map((h) => tx.store.get(h)));
  await tx.done;
  return assets.filter((a): a is Asset => a !== undefined);
}

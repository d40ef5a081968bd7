import { ASSET_BUDGET_BYTES } from './schema';

/** A visit's asset accounting, as kept on the visit (`assetBytes`, `assetBudgetReachedAt`). */
export type AssetUse = { bytes: number; reachedAt?: number | undefined };

export type AssetAdmission = { store: boolean; use: AssetUse };

/**
 * Whether a copy of `size` bytes may be linked to the visit, and the visit's use after it. A copy the
 * visit already has (`inVisit`: the same hash from another address) costs nothing and is always
 * linked. Otherwise it counts its bytes once, unless that would pass `budget`: then the budget is
 * marked reached (`now`), and from then on every new copy is refused — even a smaller one that would
 * fit — so that what a replay misses is everything after one moment, not a scatter.
 */
export function admitAsset(use: AssetUse, size: number, inVisit: boolean, now: number, budget = ASSET_BUDGET_BYTES): AssetAdmission {
  if (inVisit) return { store: true, use };
  if (use.reachedAt !== undefined || use.bytes + size > budget) {
    return { store: false, use: { bytes: use.bytes, reachedAt: use.reachedAt ?? now } };
  }
  return { store: true, use: { ...use, bytes: use.bytes + size } };
}

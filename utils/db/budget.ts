import type { StorageUse } from '../schema/visit';

/** Share of the budget at which the evaluator is warned. */
export const WARN_AT = 0.8;

export interface Accounted {
  use: StorageUse;
  /** False when the record must not be written: its visit's recording budget is spent. */
  store: boolean;
  /** The threshold this write crossed, if any: the panel is told. */
  crossed?: 'warn' | 'full';
}

/**
 * The visit's storage use after a write that brings it to `total` bytes. A recording batch
 * (`refusable`) is refused once the budget is reached, and from then on; the visit's other records
 * (screenshots, audits) are still written and counted. No budget (0 or undefined): counted only.
 */
export function account(use: StorageUse | undefined, total: number, budget: number | undefined, refusable: boolean, now: number): Accounted {
  const current: StorageUse = use ?? { bytes: 0 };
  const limit = budget && budget > 0 ? budget : undefined;
  if (refusable && limit !== undefined && (current.fullAt !== undefined || total > limit)) {
    const crossed = current.fullAt === undefined ? 'full' : undefined;
    return { use: { ...current, budget: limit, fullAt: current.fullAt ?? now }, store: false, ...(crossed ? { crossed } : {}) };
  }
  const next: StorageUse = { ...current, bytes: Math.max(0, total), ...(limit !== undefined ? { budget: limit } : {}) };
  let crossed: Accounted['crossed'];
  if (limit !== undefined && total > limit && next.fullAt === undefined) {
    next.fullAt = now;
    crossed = 'full';
  } else if (limit !== undefined && total >= limit * WARN_AT && next.warnedAt === undefined) {
    next.warnedAt = now;
    crossed = 'warn';
  }
  return { use: next, store: true, ...(crossed ? { crossed } : {}) };
}

import type { SkipReason } from '../assets/schema';
import type { ReplayAssets } from './model-types';
import type { VisitData } from './visit-data';

/** What the visit kept of the shop's assets for its replay, by address (see `ReplayAssets`). */
export function replayAssets(data: Pick<VisitData, 'assets' | 'visit'>): ReplayAssets {
  const notKept: Partial<Record<SkipReason, number>> = {};
  let kept = 0;
  for (const use of data.assets ?? []) {
    if (use.hash !== undefined) kept++;
    else if (use.skipped !== undefined) notKept[use.skipped] = (notKept[use.skipped] ?? 0) + 1;
  }
  return { kept, notKept, budgetReached: data.visit.assetBudgetReachedAt !== undefined, leftOutOfFile: 0 };
}

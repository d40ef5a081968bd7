import { describe, expect, it } from 'vitest';
import { replayAssets } from '../../../utils/report/replay-assets-summary';
import type { VisitData } from '../../../utils/report/visit-data';

const use = (url: string, o: { hash?: string; skipped?: string }) => ({ visitId: 'v', url, kind: 'image', pageId: 'p', at: 1, ...o });
const HASH = 'a'.repeat(64);

describe('replayAssets', () => {
  it('counts the addresses kept and not kept, by reason, and whether the visit’s budget was reached', () => {
    const data = {
      visit: { assetBudgetReachedAt: 5 },
      assets: [use('https://s/a', { hash: HASH }), use('https://s/b', { hash: HASH }), use('https://s/c', { skipped: 'budget' }), use('https://cdn/d', { skipped: 'other-site' }), use('https://cdn/e', { skipped: 'other-site' })],
    } as unknown as Pick<VisitData, 'assets' | 'visit'>;
    expect(replayAssets(data)).toEqual({ kept: 2, notKept: { budget: 1, 'other-site': 2 }, budgetReached: true, leftOutOfFile: 0 });
  });

  it('has nothing to count for a visit that kept no assets (or an older bundle)', () => {
    expect(replayAssets({ visit: {} } as unknown as Pick<VisitData, 'assets' | 'visit'>)).toEqual({ kept: 0, notKept: {}, budgetReached: false, leftOutOfFile: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { admitAsset } from '../../../utils/assets/budget';
import { ASSET_BUDGET_BYTES } from '../../../utils/assets/schema';

describe('admitAsset', () => {
  it('counts a new copy’s bytes while they fit, up to the budget exactly', () => {
    expect(admitAsset({ bytes: 0 }, 60, false, 1, 100)).toEqual({ store: true, use: { bytes: 60 } });
    expect(admitAsset({ bytes: 60 }, 40, false, 1, 100)).toEqual({ store: true, use: { bytes: 100 } });
  });

  it('refuses the copy that would pass the budget and marks when, then every new copy after', () => {
    const refused = admitAsset({ bytes: 90 }, 20, false, 5, 100);
    expect(refused).toEqual({ store: false, use: { bytes: 90, reachedAt: 5 } });
    expect(admitAsset(refused.use, 1, false, 9, 100)).toEqual({ store: false, use: { bytes: 90, reachedAt: 5 } });
  });

  it('links a copy the visit has already at no cost, even once the budget is reached', () => {
    expect(admitAsset({ bytes: 90, reachedAt: 5 }, 50, true, 9, 100)).toEqual({ store: true, use: { bytes: 90, reachedAt: 5 } });
  });

  it('is 30 MB by default', () => {
    expect(ASSET_BUDGET_BYTES).toBe(30 * 1024 * 1024);
    expect(admitAsset({ bytes: ASSET_BUDGET_BYTES - 1 }, 2, false, 1).store).toBe(false);
    expect(admitAsset({ bytes: ASSET_BUDGET_BYTES - 2 }, 2, false, 1).store).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { account } from '../../../utils/db/budget';

describe('account (a visit’s storage budget)', () => {
  it('counts without a budget and never refuses', () => {
    expect(account(undefined, 500, undefined, true, 1)).toEqual({ use: { bytes: 500 }, store: true });
  });

  it('warns once at 80 %', () => {
    const first = account({ bytes: 700 }, 800, 1000, true, 5);
    expect(first).toEqual({ use: { bytes: 800, budget: 1000, warnedAt: 5 }, store: true, crossed: 'warn' });
    expect(account(first.use, 900, 1000, true, 6)).toEqual({ use: { bytes: 900, budget: 1000, warnedAt: 5 }, store: true });
  });

  it('refuses the recording batch that would pass the budget, and every one after', () => {
    const full = account({ bytes: 900, warnedAt: 5 }, 1100, 1000, true, 7);
    expect(full).toEqual({ use: { bytes: 900, budget: 1000, warnedAt: 5, fullAt: 7 }, store: false, crossed: 'full' });
    expect(account(full.use, 950, 1000, true, 8)).toEqual({ use: full.use, store: false });
  });

  it('still stores a screenshot past the budget, and marks the visit full', () => {
    expect(account({ bytes: 900 }, 1200, 1000, false, 9)).toEqual({
      use: { bytes: 1200, budget: 1000, fullAt: 9 },
      store: true,
      crossed: 'full',
    });
  });
});

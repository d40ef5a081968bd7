import { describe, expect, it } from 'vitest';
import { noteDegraded } from '../../../entrypoints/recorder/heavy';
import { MAX_DEGRADED_STEPS, type DegradedStep } from '../../../utils/schema/page';

const step = (at: number): DegradedStep => ({ at, step: 2, reason: 'mutations', events: 1, changes: 1, chars: 1, ms: 1000 });

describe('noteDegraded', () => {
  it('adds a step, and past the bound keeps the first ones and the latest', () => {
    expect(noteDegraded(undefined, step(1))).toEqual([step(1)]);
    let steps: DegradedStep[] | undefined;
    for (let i = 0; i < 100; i++) steps = noteDegraded(steps, step(i));
    expect(steps).toHaveLength(MAX_DEGRADED_STEPS);
    expect(steps![0]!.at).toBe(0);
    expect(steps!.at(-1)!.at).toBe(99);
    expect(steps![MAX_DEGRADED_STEPS / 2 - 1]!.at).toBe(MAX_DEGRADED_STEPS / 2 - 1);
  });
});

import { describe, expect, it } from 'vitest';
import type { MissionSummary } from '../../../utils/report/bundle-summary';
import {
  ALL_MISSIONS,
  NO_MISSION,
  choiceFromHash,
  effectiveChoice,
  groupByMission,
  hashOfChoice,
  shownGroups,
} from '../../../utils/report/visits-by-mission';

const mission = (id: string, sha: string, title = id, agency = 'Agence Test'): MissionSummary => ({
  id,
  sha256: sha.repeat(64),
  agency,
  title: { fr: `${title} (fr)`, en: title },
});
const row = (id: string, m?: MissionSummary) => ({ id, summary: { ...(m && { mission: m }) } });

// Newest first, as the viewer lists them.
const visits = [
  row('v1', mission('summer', 'a')),
  row('v2'),
  row('v3', mission('mystere-quick-visit', 'b', 'Quick visit', 'Mystère')),
  row('v4', mission('summer', 'c', 'Summer (old title)', 'Old agency name')),
  row('v5', mission('summer', 'a')),
  row('v6'),
];
const ids = (list: { id: string }[]) => list.map((v) => v.id);

describe('groupByMission', () => {
  it('groups by mission id, the mission visited last first, visits without a mission last, each in the order given', () => {
    const groups = groupByMission(visits);
    expect(groups.map((g) => [g.key, ids(g.visits)])).toEqual([
      ['summer', ['v1', 'v4', 'v5']],
      ['mystere-quick-visit', ['v3']],
      [NO_MISSION, ['v2', 'v6']],
    ]);
  });

  it('names a group after its most recent visit’s copy and counts the versions its visits followed', () => {
    const [summer, quick, none] = groupByMission(visits);
    expect(summer?.mission).toEqual({ id: 'summer', agency: 'Agence Test', title: { fr: 'summer (fr)', en: 'summer' } });
    expect(summer?.versions).toBe(2);
    expect(quick?.versions).toBe(1);
    expect(none).toEqual({ key: NO_MISSION, versions: 0, visits: [visits[1], visits[5]] });
    expect(none?.mission).toBeUndefined();
  });

  it('has no group for visits without a mission when every visit has one, and no group at all for no visit', () => {
    expect(groupByMission(visits.filter((v) => v.summary.mission)).map((g) => g.key)).toEqual(['summer', 'mystere-quick-visit']);
    expect(groupByMission([])).toEqual([]);
  });
});

describe('the mission filter', () => {
  const groups = groupByMission(visits);

  it('shows every group, or only the chosen one', () => {
    expect(shownGroups(groups, ALL_MISSIONS).map((g) => g.key)).toEqual(['summer', 'mystere-quick-visit', NO_MISSION]);
    expect(shownGroups(groups, 'summer').map((g) => ids(g.visits))).toEqual([['v1', 'v4', 'v5']]);
    expect(shownGroups(groups, NO_MISSION).map((g) => ids(g.visits))).toEqual([['v2', 'v6']]);
  });

  it('falls back to every group for a mission no visit follows any more', () => {
    expect(effectiveChoice(groups, 'winter')).toBe(ALL_MISSIONS);
    expect(shownGroups(groups, 'winter')).toHaveLength(3);
    expect(effectiveChoice(groups, 'summer')).toBe('summer');
    expect(effectiveChoice(groupByMission(visits.slice(0, 1)), NO_MISSION)).toBe(ALL_MISSIONS);
  });

  it('is kept in the address’s hash and read back from it', () => {
    expect(hashOfChoice(ALL_MISSIONS)).toBe('');
    expect(hashOfChoice('summer')).toBe('#mission=summer');
    expect(hashOfChoice(NO_MISSION)).toBe('#mission=%3Anone');
    for (const choice of [ALL_MISSIONS, 'summer', NO_MISSION, 'agence.test_2025-07']) expect(choiceFromHash(hashOfChoice(choice))).toBe(choice);
    expect(choiceFromHash('')).toBe(ALL_MISSIONS);
    expect(choiceFromHash('#other=1')).toBe(ALL_MISSIONS);
    expect(choiceFromHash('#mission=summer&x=1')).toBe('summer');
  });
});
